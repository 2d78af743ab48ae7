#!/usr/bin/python3
"""Exports the canonical pretrained networks to ONNX with their reference packages and writes models.json
(the same manifest format as tools/make-test-models.py). Needs internet and the reference packages:

  pip install torch torchvision git+https://github.com/openai/CLIP      (CLIP ViT-B/32, ViT-L/14)
  DINOv2 ViT-S/14 comes through torch.hub (facebookresearch/dinov2).
  python3 tools/export-models.py OUT_DIR [--only clip,dinov2]
  omnictx models verify --models OUT_DIR

Hook: every module tools/models/NAME.py with export_pretrained(out_dir) -> list of manifest entries is run
(clip and dinov2 here; Inception for FID and LPIPS add theirs in their modules). Publish OUT_DIR as a folder
URL to let others run `omnictx models fetch --from URL`.
"""
import argparse, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from models._manifest import build_manifest
    out = pathlib.Path(args.out_dir)
    build_manifest(out, args.only, lambda module: module.export_pretrained(out) if hasattr(module, "export_pretrained") else None, "exported")


if __name__ == "__main__":
    main()
