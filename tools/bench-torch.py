#!/usr/bin/python3
"""PyTorch's throughput and the FLOPs per item of the networks of tools/models (full size, random weights), for
comparison with `omnictx bench models` (same batch, thread count and input sizes). Debian's torch 1.13 has no
optimised BLAS: its figure is a floor, not a peer. FLOPs are torch.profiler's count (2 x multiply-accumulates of
convolutions and matrix products); GFLOP/s of any runner = items/s x GFLOP/item.

  /usr/bin/python3 tools/bench-torch.py [--batch 16] [--threads 2] [--runs 3] [--only clip-image,clip-text,...]
"""
import argparse, pathlib, sys, time

import torch

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from models import clip, dinov2, inception, lpips  # noqa: E402

IMAGE = 512  # the shipped suite's output size; LPIPS runs at the image's own size
TEXT_TOKENS = 24  # bucket of the benchmark text of `omnictx bench models` (the free-length text tower)


def networks():
    torch.manual_seed(0)
    c = clip.FULL
    yield "clip-image", lambda: clip.VisionTransformer(c["resolution"], c["patch"], c["width"], c["layers"], c["heads"], c["embed"]), \
        lambda b: torch.randn(b, 3, 224, 224)
    def text():
        return clip.DynamicLengthText(clip.TextTransformer(c["text_width"], c["text_layers"], c["text_heads"], c["embed"]))
    for tokens in (TEXT_TOKENS, clip.CONTEXT):
        yield f"clip-text-{tokens}", text, \
            lambda b, n=tokens: torch.cat([torch.randint(256, 49406, (b, n - 1)), torch.full((b, 1), 49407)], 1)
    def make_dino():
        net = dinov2.DinoVisionTransformer(generator=torch.Generator().manual_seed(0), **dinov2.FULL)
        net.bake_input_size(dinov2.INPUT)
        return net
    yield "dinov2", make_dino, lambda b: torch.randn(b, 3, 224, 224)
    yield "inception", lambda: inception.make(False, 0), lambda b: torch.randn(b, 3, 299, 299)
    yield f"lpips-alex-{IMAGE}", lambda: lpips.make("alex", False, 0), lambda b: torch.rand(b, 3, IMAGE, IMAGE) * 2 - 1


def gflop_per_item(net, x):
    with torch.no_grad(), torch.profiler.profile(with_flops=True) as prof:
        net(x[:1])
    return sum(e.flops for e in prof.key_averages() if e.flops) / 1e9


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    wanted = [n for n in args.only.split(",") if n]
    print(f"torch {torch.__version__}, batch {args.batch}, {args.threads} threads")
    for name, make, inputs in networks():
        if wanted and name not in wanted:
            continue
        net = make().eval()
        x = inputs(args.batch)
        flops = gflop_per_item(net, x)
        with torch.no_grad():
            net(x)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                net(x)
                times.append(time.perf_counter() - start)
        times.sort()
        rate = args.batch / times[len(times) // 2]
        print(f"{name:16s} {rate:8.2f} items/s  {flops:7.3f} GFLOP/item  {rate * flops:7.1f} GFLOP/s (median of {args.runs})", flush=True)


if __name__ == "__main__":
    main()
