#!/usr/bin/python3
"""Checks that tools/models/clip.py and dinov2.py are the reference architectures: builds the reference model
from a checkout of its repository (random weights, no download), loads its state dict into ours and compares
outputs on the fixed inputs. Run beside the project; nothing from the references is copied into it.

  git clone https://github.com/openai/CLIP /tmp/refs/CLIP
  git clone https://github.com/facebookresearch/dinov2 /tmp/refs/dinov2
  /usr/bin/python3 tools/check-architectures.py /tmp/refs/CLIP /tmp/refs/dinov2
"""
import importlib.util, pathlib, sys

import torch

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from models import _export as ex, clip, dinov2  # noqa: E402


def load_file(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report(name, ours, theirs):
    diff = (ours - theirs).abs().max().item()
    print(f"{name:28s} max |ours - reference| = {diff:.3g}")
    return diff < 1e-4


def check_clip(repo):
    ref = load_file("openai_clip_model", pathlib.Path(repo) / "clip" / "model.py")  # model.py alone: no ftfy needed
    torch.manual_seed(0)
    model = ref.CLIP(embed_dim=64, image_resolution=224, vision_layers=2, vision_width=128, vision_patch_size=32,
                     context_length=77, vocab_size=49408, transformer_width=64, transformer_heads=2, transformer_layers=2).eval()
    state = model.state_dict()
    image = clip.VisionTransformer(224, 32, 128, 2, 128 // 64, 64).eval()
    text = clip.TextTransformer(64, 2, 2, 64).eval()
    image.load_state_dict({k[len("visual."):]: v for k, v in state.items() if k.startswith("visual.")}, strict=True)
    text.load_state_dict({k: v for k, v in state.items() if not k.startswith("visual.") and k != "logit_scale"}, strict=True)
    pixels = torch.from_numpy(ex.fixed_pixels(2))
    ids = torch.tensor([row + [0] * (77 - len(row)) for row in clip.TEXT_IDS])
    with torch.no_grad():
        ok = report("clip image (encode_image)", image(pixels), model.encode_image(pixels))
        ok &= report("clip text (encode_text)", text(ids), model.encode_text(ids))
    return ok


def _sdpa(q, k, v, attn_mask=None, dropout_p=0.0, is_causal=False):
    """torch >= 2's scaled_dot_product_attention for torch 1.13 (the current dinov2 calls it; no mask used)."""
    return ((q * q.shape[-1] ** -0.5) @ k.transpose(-2, -1)).softmax(dim=-1) @ v


def check_dinov2(repo):
    if not hasattr(torch.nn.functional, "scaled_dot_product_attention"):
        torch.nn.functional.scaled_dot_product_attention = _sdpa
    sys.path.insert(0, str(repo))
    from dinov2.models.vision_transformer import vit_small
    torch.manual_seed(0)
    ref = vit_small(patch_size=14, img_size=518, init_values=1.0, block_chunks=0, num_register_tokens=0,
                    interpolate_antialias=False, interpolate_offset=0.1).eval()
    ours = dinov2.DinoVisionTransformer(generator=torch.Generator().manual_seed(0), **dinov2.FULL).eval()
    missing, unexpected = ours.load_state_dict(ref.state_dict(), strict=False)
    assert not missing and set(unexpected) <= {"mask_token"}, (missing, unexpected)
    pixels = torch.from_numpy(ex.fixed_pixels(2))
    with torch.no_grad():
        f = ref.forward_features(pixels)
        cls, patches = ours(pixels)
        ok = report("dinov2 x_norm_clstoken", cls, f["x_norm_clstoken"])
        ok &= report("dinov2 x_norm_patchtokens", patches, f["x_norm_patchtokens"])
        ours.bake_input_size(224)
        cls_baked, _ = ours(pixels)
        ok &= report("dinov2 baked 224 position", cls_baked, f["x_norm_clstoken"])
    return ok


if __name__ == "__main__":
    ok = check_clip(sys.argv[1]) & check_dinov2(sys.argv[2])
    print("architectures match" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)
