#!/usr/bin/python3
"""PyTorch's figure for the metric networks (benchmark, not a test): the same architectures and random weights
as tools/models/{inception,lpips}.py at full size, batch 16, 2 threads, and their FLOPs per image.

  /usr/bin/python3 tools/bench-metrics-pytorch.py [ROUNDS]

FLOPs count 2 x multiply-accumulates of the convolutions that run (the Inception fc layer does not: pool3 is the output); apply them to
the figures of `omnictx bench models` (GFLOP/s = images/s x GFLOP/image). Debian's torch 1.13 has no optimised BLAS: its figure is a floor, not a peer.
"""
import pathlib, sys, time
import torch
import torch.nn as nn

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from models import inception, lpips  # noqa: E402


def conv_flops(model, x):
    total = 0

    def hook(module, inputs, output):
        nonlocal total
        if isinstance(module, nn.Conv2d):
            k = module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]
            total += 2 * k * output.numel() // output.shape[0]
        elif isinstance(module, nn.Linear):
            total += 2 * module.in_features * module.out_features

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(x[:1])
    for h in handles:
        h.remove()
    return total


def images_per_second(model, x, rounds):
    with torch.no_grad():
        model(x)
        times = []
        for _ in range(rounds):
            t = time.perf_counter()
            model(x)
            times.append(time.perf_counter() - t)
    return x.shape[0] / sorted(times)[len(times) // 2]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    torch.set_num_threads(2)
    torch.manual_seed(0)
    cases = [("inception-v3-fid 299x299", inception.make(False, 0), torch.randn(16, 3, 299, 299)),
             ("lpips-alex taps 256x256", lpips.make("alex", False, 0), torch.rand(16, 3, 256, 256) * 2 - 1)]
    for name, model, x in cases:
        flops = conv_flops(model, x)
        ips = images_per_second(model, x, rounds)
        print(f"{name:28s} PyTorch {torch.__version__}: {ips:6.1f} img/s  {flops / 1e9:.3f} GFLOP/image  {ips * flops / 1e9:6.1f} GFLOP/s")


if __name__ == "__main__":
    main()
