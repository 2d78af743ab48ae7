#!/usr/bin/env python3
"""Builds the networks the harness runs, with Debian's python3-torch (no pretrained weights needed).

  /usr/bin/python3 tools/make-test-models.py --tiny  OUT_DIR   tiny variants for tests (committed under tests/fixtures)
  /usr/bin/python3 tools/make-test-models.py --full  OUT_DIR   full-size architectures, random weights (benchmarks; not committed)
  ... --only NAME[,NAME]                                         build only these modules

Each module in tools/models/*.py has build(out_dir, tiny, seed) -> list of manifest entries (dicts) and writes
its ONNX files and reference outputs (computed in PyTorch) into out_dir. This driver writes models.json.
"""
import argparse, pathlib, sys

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
    sys.path.insert(0, str(HERE))
    from models._manifest import build_manifest
    build_manifest(args.out_dir, args.only, lambda module: module.build(pathlib.Path(args.out_dir), args.tiny, args.seed), "built")


if __name__ == "__main__":
    main()
