"""Shared helpers for tools/models/*.py: ONNX export, manifest entries, fixed inputs, reference outputs.

Fixed inputs are defined by integer formulas so that the C# tests rebuild them bit for bit
(tests/OmniContextEval.Onnx.Tests/Models/FixedInputs.cs mirrors fixed_pixels):
  pixel[i] = float32((i * 7919 + 104729) % 1000 / 500.0 - 1.0), i the flat index over [N, C, H, W].
Reference outputs are written to OUT_DIR/reference/<model>.<output>.npy (float32, C order).
"""
import hashlib
import pathlib

import numpy as np
import torch


def fixed_pixels(n, c=3, h=224, w=224):
    i = np.arange(n * c * h * w, dtype=np.int64)
    return ((i * 7919 + 104729) % 1000 / 500.0 - 1.0).astype(np.float32).reshape(n, c, h, w)


def pattern_image(out_dir):
    """A 97x61 RGB PNG of smooth gradients and stripes (not square, so resize and crop both matter)."""
    from PIL import Image
    y, x = np.mgrid[0:61, 0:97]
    rgb = np.stack([(x * 255 // 96), (y * 255 // 60), ((x // 7 + y // 5) % 2) * 200 + 20], axis=-1).astype(np.uint8)
    path = pathlib.Path(out_dir) / "reference" / "pattern-97x61.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(rgb, "RGB").save(path)
    return path


def reference_transform(short_side, crop, mean, std):
    """The torchvision pipeline of OpenAI CLIP (224, 224) and DINOv2 evaluation (256, 224) on a PIL image."""
    from torchvision import transforms as T
    return T.Compose([T.Resize(short_side, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(crop),
                      T.ToTensor(), T.Normalize(mean, std)])


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export(module, example, path, input_names, output_names, dynamic_batch=True):
    """Exports with opset 17, a dynamic batch axis on every input and output, weights inside the file."""
    module.eval()
    axes = {n: {0: "batch"} for n in input_names + output_names} if dynamic_batch else None
    with torch.no_grad():
        torch.onnx.export(module, example, str(path), input_names=input_names, output_names=output_names,
                          dynamic_axes=axes, opset_version=17, do_constant_folding=True)


def tensor_spec(name, shape, element_type="float32"):
    return {"name": name, "shape": [int(d) for d in shape], "elementType": element_type}


def entry(name, version, path, inputs, outputs, preprocess=None, embedding_size=None, extra=None):
    e = {"name": name, "version": version, "file": pathlib.Path(path).name, "sha256": sha256(path),
         "inputs": inputs, "outputs": outputs}
    if preprocess is not None:
        e["preprocess"] = preprocess
    if embedding_size is not None:
        e["embeddingSize"] = embedding_size
    if extra:
        e["extra"] = extra
    return e


def write_reference(out_dir, model_name, outputs):
    """outputs: dict output name -> tensor; written as float32 .npy files under OUT_DIR/reference/."""
    ref = pathlib.Path(out_dir) / "reference"
    ref.mkdir(parents=True, exist_ok=True)
    for name, value in outputs.items():
        np.save(ref / f"{model_name}.{name}.npy", value.detach().cpu().numpy().astype(np.float32))


def seeded(seed):
    torch.manual_seed(seed)
    np.random.seed(seed)
