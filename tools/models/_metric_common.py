"""Helpers shared by the FID Inception and LPIPS model builders (tools/models/inception.py, lpips.py).

Not a model module itself (leading underscore: the driver skips it).
"""
import json, pathlib
import numpy as np
import torch
from models._export import sha256  # noqa: F401  (used as common.sha256 by the builders)


def test_pattern(index, height, width):
    """Deterministic 8-bit RGB test image [H, W, 3]; the C# tests compute the same pixels (TestPattern.cs)."""
    y, x = np.mgrid[0:height, 0:width].astype(np.int64)
    out = np.empty((height, width, 3), dtype=np.uint8)
    for c in range(3):
        h = x * 1103 + y * 2927 + c * 4099 + index * 7919 + (x * y) % 251
        h ^= h >> 5
        out[..., c] = (h % 256).astype(np.uint8)
    return out


def to_nchw(images, scale, shift):
    """uint8 [N,H,W,3] -> float32 [N,3,H,W] as (x - shift) / scale, computed in float32."""
    x = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).contiguous().float()
    return (x - shift) / scale




def export(module, example, path, input_name, output_names, dynamic_axes):
    module.eval()
    with torch.no_grad():
        torch.onnx.export(module, example, str(path), input_names=[input_name], output_names=output_names,
                          dynamic_axes=dynamic_axes, opset_version=17, do_constant_folding=True)


def entry(name, version, path, inputs, outputs, preprocess, embedding_size=None, extra=None):
    e = {"name": name, "version": version, "file": pathlib.Path(path).name, "sha256": sha256(path),
         "inputs": [{"name": n, "shape": s, "elementType": "float32"} for n, s in inputs],
         "outputs": [{"name": n, "shape": s, "elementType": "float32"} for n, s in outputs],
         "preprocess": preprocess}
    if embedding_size is not None:
        e["embeddingSize"] = embedding_size
    if extra:
        e["extra"] = extra
    return e


def write_json(path, obj):
    pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(path).write_text(json.dumps(obj, indent=1) + "\n")


def floats(t):
    """Tensor or array -> nested lists of Python floats (float32 values are exact in JSON's repr)."""
    return np.asarray(t, dtype=np.float64).tolist()
