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
import argparse, importlib, json, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    out = pathlib.Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(HERE))
    wanted = [n for n in args.only.split(",") if n]
    manifest_path = out / "models.json"
    entries = {m["name"]: m for m in json.loads(manifest_path.read_text())["models"]} if manifest_path.exists() else {}
    for path in sorted((HERE / "models").glob("*.py")):
        if path.stem.startswith("_") or (wanted and path.stem not in wanted):
            continue
        module = importlib.import_module(f"models.{path.stem}")
        if not hasattr(module, "export_pretrained"):
            continue
        for entry in module.export_pretrained(out):
            entries[entry["name"]] = entry
        print(f"exported {path.stem}", file=sys.stderr)
    manifest = {"schemaVersion": 1, "models": [entries[k] for k in sorted(entries)]}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    main()
