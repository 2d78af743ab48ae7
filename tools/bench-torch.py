#!/usr/bin/python3
"""PyTorch's throughput for the networks of tools/models (full size, random weights), for comparison with
`omnictx bench models` (same batch and thread count). Debian's torch 1.13 has no optimised BLAS: a floor.

  /usr/bin/python3 tools/bench-torch.py [--batch 16] [--threads 2] [--runs 3] [--only clip-image,clip-text,dinov2]
"""
import argparse, pathlib, sys, time

import torch

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from models import clip, dinov2  # noqa: E402


def networks():
    torch.manual_seed(0)
    c = clip.FULL
    yield "clip-image", lambda: clip.VisionTransformer(c["resolution"], c["patch"], c["width"], c["layers"], c["heads"], c["embed"]), \
        lambda b: torch.randn(b, 3, 224, 224)
    yield "clip-text", lambda: clip.TextTransformer(c["text_width"], c["text_layers"], c["text_heads"], c["embed"]), \
        lambda b: torch.cat([torch.randint(256, 49406, (b, 12)), torch.full((b, 1), 49407), torch.zeros(b, 64, dtype=torch.long)], 1)
    def make_dino():
        net = dinov2.DinoVisionTransformer(generator=torch.Generator().manual_seed(0), **dinov2.FULL)
        net.bake_input_size(dinov2.INPUT)
        return net
    yield "dinov2", make_dino, lambda b: torch.randn(b, 3, 224, 224)


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
        with torch.no_grad():
            net(x)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                net(x)
                times.append(time.perf_counter() - start)
        times.sort()
        print(f"{name:12s} {args.batch / times[len(times) // 2]:8.2f} items/s (median of {args.runs})", flush=True)


if __name__ == "__main__":
    main()
