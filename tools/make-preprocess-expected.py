#!/usr/bin/python3
"""Writes tests/fixtures/preprocess/: input images and the reference outputs of every resize and preprocessing mode.

Run with Debian's python3-pil (Pillow 9.4), python3-torch (1.13) and python3-torchvision (0.14):

    /usr/bin/python3 tools/make-preprocess-expected.py

Everything is deterministic (fixed seeds); running it twice writes identical files. What it writes:
  inputs/NAME.npy            uint8 (H, W, 3) test images, non-square (generated here from a seeded RNG)
  resize/NAME-OP-WxH.npy     OP on a uint8 RGB image (pil-*-u8: uint8 (H, W, 3)) or on the image's green
                             channel as a float32 plane (pil-*-f, torch-*, tf1-bilinear: float32 (H, W))
  modes/NAME-MODE.npy        the NCHW float32 network input of preprocessing MODE (N = 1), flattened and
                             sampled every `stride`-th element to keep the fixtures small
  geometry.json              short-side resize sizes and center-crop offsets (torchvision and PIL-style rounding)
  cases.json                 the list of resize and mode cases with their parameters and files

The references, per mode:
  clip                       OpenAI CLIP's transform: torchvision Resize(224, BICUBIC) on the PIL image,
                             CenterCrop(224), ToTensor(), Normalize(CLIP mean, std)
  dinov2                     torchvision Resize(256, BICUBIC), CenterCrop(224), ToTensor(), Normalize(ImageNet)
  inception-clean            clean-fid's "clean" resizer: each channel as a mode "F" PIL image resized bicubic to
                             299x299, clipped to 0..255, then (x - 128) / 128 as its Inception wrapper does
  inception-legacy-pytorch   pytorch-fid: ToTensor() (x / 255), F.interpolate(299x299, bilinear,
                             align_corners=False), 2x - 1
  inception-tf1              torch-fidelity: x as float, TF1 bilinear to 299x299, (x - 128) / 128
  lpips / lpips-WxH          lpips.im2tensor: x / 127.5 - 1 at native size (or after a PIL bicubic resize)
TF1 bilinear is written out below with torch ops in the form torch-fidelity's "slow" (bit-exact) method uses:
source = dst * (in / out) in float32, lower = floor, upper = min(lower + 1, in - 1), two lerps. When the
torch_fidelity package is importable (PYTHONPATH) the script checks its output equals this one.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F
import torchvision.transforms as T
from PIL import Image

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "preprocess")
MODE_STRIDE = 23
CLIP_MEAN, CLIP_STD = (0.48145466, 0.4578275, 0.40821073), (0.26862954, 0.26130258, 0.27577711)
IMAGENET_MEAN, IMAGENET_STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def make_image(width, height, seed):
    """Smooth gradients, hard-edged blocks (so bicubic overshoots and clips) and noise."""
    rng = np.random.RandomState(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    img = np.zeros((height, width, 3))
    img[..., 0] = 255 * x / max(width - 1, 1)
    img[..., 1] = 127.5 + 127.5 * np.sin(x / 5.0 + y / 7.0)
    img[..., 2] = 255 * ((x // 6 + y // 4) % 2)
    for _ in range(6):
        x0, y0 = rng.randint(0, width), rng.randint(0, height)
        img[y0:y0 + rng.randint(2, 12), x0:x0 + rng.randint(2, 12)] = rng.choice([0, 255], 3)
    img += rng.normal(0, 18, img.shape)
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


INPUTS = {"a37x23": (37, 23, 1), "b301x187": (301, 187, 2), "c150x400": (150, 400, 3), "d333x271": (333, 271, 4)}

RESIZE_TARGETS = {
    "a37x23": [(80, 50), (20, 41), (37, 60)],
    "b301x187": [(97, 61), (33, 210), (23, 17)],
    "c150x400": [(47, 130), (170, 60), (150, 37)],
}
MODE_INPUTS = ["a37x23", "c150x400", "d333x271"]


def tf1_bilinear(x, out_h, out_w):
    """TF1 resize_bilinear (align_corners=False) on NCHW float32, in the arithmetic torch-fidelity uses."""
    in_h, in_w = x.shape[2], x.shape[3]

    def axis(out_size, in_size):
        grid = torch.arange(0, out_size, 1, dtype=torch.float32) * torch.tensor(in_size / out_size, dtype=torch.float32)
        lo = grid.long()
        hi = (lo + 1).clamp_max(in_size - 1)
        return lo, hi, grid - lo.float()

    ylo, yhi, dy = axis(out_h, in_h)
    xlo, xhi, dx = axis(out_w, in_w)
    i00, i01 = x[:, :, ylo, :][:, :, :, xlo], x[:, :, ylo, :][:, :, :, xhi]
    i10, i11 = x[:, :, yhi, :][:, :, :, xlo], x[:, :, yhi, :][:, :, :, xhi]
    top = i00 + (i01 - i00) * dx.view(1, 1, 1, out_w)
    bottom = i10 + (i11 - i10) * dx.view(1, 1, 1, out_w)
    out = top + (bottom - top) * dy.view(1, 1, out_h, 1)
    try:
        from torch_fidelity.interpolate_compat_tensorflow import interpolate_bilinear_2d_like_tensorflow1x as ref
        assert torch.equal(ref(x, size=(out_h, out_w), align_corners=False), out), "TF1 bilinear differs from torch-fidelity"
    except ImportError:
        pass
    return out


def resize_op(op, rgb, w, h):
    if op.startswith("pil-") and op.endswith("-u8"):
        flt = Image.BICUBIC if "bicubic" in op else Image.BILINEAR
        return np.asarray(Image.fromarray(rgb).resize((w, h), flt))
    plane = rgb[:, :, 1].astype(np.float32)
    if op.startswith("pil-"):
        flt = Image.BICUBIC if "bicubic" in op else Image.BILINEAR
        return np.asarray(Image.fromarray(plane, mode="F").resize((w, h), flt), dtype=np.float32)
    # All three channels as one NCHW batch, as the Inception references call it (a 1-channel tensor would take
    # torch's channels-last kernel); the green channel is kept.
    t = torch.from_numpy(np.ascontiguousarray(rgb.transpose((2, 0, 1)))).float()[None]
    if op == "tf1-bilinear":
        return tf1_bilinear(t, h, w)[0, 1].numpy()
    aa = op == "torch-bilinear-aa"
    return F.interpolate(t, size=(h, w), mode="bilinear", align_corners=False, antialias=aa)[0, 1].numpy()


RESIZE_OPS = ["pil-bicubic-u8", "pil-bilinear-u8", "pil-bicubic-f", "pil-bilinear-f",
              "torch-bilinear", "torch-bilinear-aa", "tf1-bilinear"]


def short_side_crop(size, crop, mean, std):
    return T.Compose([T.Resize(size, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(crop),
                      T.ToTensor(), T.Normalize(mean, std)])


def inception_clean(rgb):
    channels = []
    for c in range(3):
        img = Image.fromarray(rgb[:, :, c].astype(np.float32), mode="F").resize((299, 299), Image.BICUBIC)
        channels.append(np.asarray(img).clip(0, 255).reshape(299, 299, 1))
    x = torch.tensor(np.concatenate(channels, axis=2).astype(np.float32).transpose((2, 0, 1)))[None]
    return (x - 128) / 128


def inception_legacy_pytorch(rgb):
    x = T.ToTensor()(Image.fromarray(rgb))[None]
    x = F.interpolate(x, size=(299, 299), mode="bilinear", align_corners=False)
    return 2 * x - 1


def inception_tf1(rgb):
    x = torch.from_numpy(np.ascontiguousarray(rgb.transpose((2, 0, 1))))[None].float()
    return (tf1_bilinear(x, 299, 299) - 128) / 128


def lpips(rgb, size=None):
    if size is not None:
        rgb = np.asarray(Image.fromarray(rgb).resize(size, Image.BICUBIC))
    return torch.Tensor((rgb / (255.0 / 2.0) - 1.0)[:, :, :, np.newaxis].transpose((3, 2, 0, 1)))


MODES = {
    "clip": lambda rgb: short_side_crop(224, 224, CLIP_MEAN, CLIP_STD)(Image.fromarray(rgb))[None],
    "dinov2": lambda rgb: short_side_crop(256, 224, IMAGENET_MEAN, IMAGENET_STD)(Image.fromarray(rgb))[None],
    "inception-clean": inception_clean,
    "inception-legacy-pytorch": inception_legacy_pytorch,
    "inception-tf1": inception_tf1,
    "lpips": lpips,
    "lpips-64x48": lambda rgb: lpips(rgb, (64, 48)),
}


def geometry_cases():
    """Short-side resize and center-crop geometry: torchvision's from torchvision itself, PIL-style by formula."""
    rng = np.random.RandomState(7)
    sizes = [(37, 23), (301, 187), (150, 400), (333, 271), (1000, 999), (999, 1000), (640, 480), (225, 1000),
             (224, 224), (257, 256), (1023, 683), (683, 1023), (300, 299), (3, 2)]
    sizes += [(int(rng.randint(2, 2000)), int(rng.randint(2, 2000))) for _ in range(40)]
    cases = []
    for (w, h) in sizes:
        for (size, crop) in [(224, 224), (256, 224), (299, 299)]:
            rw, rh = T.Resize(size)(Image.new("L", (w, h))).size
            grid = torch.arange(rh * rw, dtype=torch.float64).reshape(1, rh, rw)
            first = int(T.CenterCrop(crop)(grid)[0, 0, 0])
            short, long = min(w, h), max(w, h)
            pil_long = round(size * long / short)
            pw, ph = (size, pil_long) if w <= h else (pil_long, size)
            cases.append({"width": w, "height": h, "size": size, "crop": crop,
                          "torchvision": {"resized": [rw, rh], "offset": [first % rw, first // rw]},
                          "pil": {"resized": [pw, ph], "offset": [(pw - crop) // 2, (ph - crop) // 2]}})
    return cases


def save(rel, array):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.save(path, np.ascontiguousarray(array))
    return rel


def main():
    images = {name: make_image(w, h, seed) for name, (w, h, seed) in INPUTS.items()}
    for name, rgb in images.items():
        save(f"inputs/{name}.npy", rgb)
    cases = {"modeStride": MODE_STRIDE, "resize": [], "modes": []}
    for name, targets in RESIZE_TARGETS.items():
        for (w, h) in targets:
            for op in RESIZE_OPS:
                out = resize_op(op, images[name], w, h)
                file = save(f"resize/{name}-{op}-{w}x{h}.npy", out)
                cases["resize"].append({"input": name, "op": op, "width": w, "height": h, "file": file})
    for name in MODE_INPUTS:
        for mode, fn in MODES.items():
            out = fn(images[name]).numpy().astype(np.float32)
            assert out.ndim == 4 and out.shape[0] == 1 and out.shape[1] == 3
            file = save(f"modes/{name}-{mode}.npy", out.reshape(-1)[::MODE_STRIDE])
            cases["modes"].append({"input": name, "mode": mode, "shape": list(out.shape), "file": file})
    with open(os.path.join(ROOT, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    with open(os.path.join(ROOT, "geometry.json"), "w") as f:
        json.dump(geometry_cases(), f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    torch.set_num_threads(1)
    main()
