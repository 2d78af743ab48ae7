#!/usr/bin/env python3
"""Builds the networks the harness runs, with Debian's python3-torch (no pretrained weights needed).

  /usr/bin/python3 tools/make-test-models.py --tiny  OUT_DIR   tiny variants for tests (committed under tests/fixtures)
  /usr/bin/python3 tools/make-test-models.py --full  OUT_DIR   full-size architectures, random weights (benchmarks; not committed)
  ... --only NAME[,NAME]                                         build only these modules

Each module in tools/models/*.py has build(out_dir, tiny, seed) -> list of manifest entries (dicts) and writes
its ONNX files and reference outputs (computed in PyTorch) into out_dir. This driver writes models.json.
"""
import argparse, importlib, json, os, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--tiny", action="store_true")
    size.add_argument("--full", action="store_true")
    ap.add_argument("out_dir")
    ap.add_argument("--only", default="")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    out = pathlib.Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(HERE))
    wanted = [n for n in args.only.split(",") if n]
    names = sorted(p.stem for p in (HERE / "models").glob("*.py") if not p.stem.startswith("_"))
    manifest_path = out / "models.json"
    entries = {}
    if manifest_path.exists():
        entries = {m["name"]: m for m in json.loads(manifest_path.read_text())["models"]}
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"models.{name}")
        for entry in module.build(out, args.tiny, args.seed):
            entries[entry["name"]] = entry
        print(f"built {name}", file=sys.stderr)
    manifest = {"schemaVersion": 1, "models": [entries[k] for k in sorted(entries)]}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    main()
