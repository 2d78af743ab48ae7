"""The models.json handling shared by tools/make-test-models.py and tools/export-models.py.

Not a model module itself (leading underscore: the drivers skip it).
"""
import importlib, json, pathlib, sys

MODELS_DIR = pathlib.Path(__file__).resolve().parent


def build_manifest(out, only, step, verb):
    """Runs step(module) -> manifest entries for every model module (all, or those named in `only`, a
    comma-separated string) and merges the entries into out/models.json, keeping entries it did not rebuild.
    Modules whose step returns None are skipped."""
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = [n for n in only.split(",") if n]
    manifest_path = out / "models.json"
    entries = {m["name"]: m for m in json.loads(manifest_path.read_text())["models"]} if manifest_path.exists() else {}
    for path in sorted(MODELS_DIR.glob("*.py")):
        if path.stem.startswith("_") or (wanted and path.stem not in wanted):
            continue
        built = step(importlib.import_module(f"models.{path.stem}"))
        if built is None:
            continue
        for entry in built:
            entries[entry["name"]] = entry
        print(f"{verb} {path.stem}", file=sys.stderr)
    manifest = {"schemaVersion": 1, "models": [entries[k] for k in sorted(entries)]}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
