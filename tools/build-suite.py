#!/usr/bin/python3
"""Builds the shipped suite benchmark-cases/omnicontext-synth byte for byte from pinned image sources.

  /usr/bin/python3 tools/build-suite.py                      the whole suite into benchmark-cases/omnicontext-synth
  /usr/bin/python3 tools/build-suite.py --out DIR --only ID[,ID]  only these cases (and the pool images they use)

Needs Debian's python3-pil, npm (fetches @lobehub/fluent-emoji-3d with `npm pack`, integrity checked) and the
Debian package mate-backgrounds (scene photographs, sha256 checked); tools/setup.sh --tests installs both.
Cases are planned in tools/suite/plan.py, worded in text.py (English and Chinese) and rendered in render.py: each
reference image is exactly the composition its instruction describes.
"""
import argparse, json, pathlib, shutil, sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "suite"))

from PIL import Image  # noqa: E402

import render  # noqa: E402
from attribution import attribution_markdown  # noqa: E402
from plan import plan_all, SUBTASKS, TIERS  # noqa: E402
from sources import Sources  # noqa: E402
from text import describe, SCENE_WORDS  # noqa: E402

FORMAT_VERSION = 1
SUITE_VERSION = "1.0.0"
REFERENCE_QUALITY = 90
SCENE_QUALITY = 92
LEAP_RAISE, LEAP_TILT, ON_TOP_SINK, MARGIN = 70, 12, 14, 4


class Builder:
    def __init__(self, out: pathlib.Path, sources: Sources):
        self.out, self.sources = out, sources
        self.emoji, self.scenes, self.inputs = {}, {}, {}

    def write(self, relative, data: bytes):
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def subject_input(self, subject):
        """Pool path and content box of a character or object input image (written once)."""
        if subject.slug not in self.inputs:
            image, box = render.subject_input(self.emoji_of(subject))
            relative = f"pool/{subject.kind}s/{subject.slug}.png"
            self.write(relative, render.encode_png(image))
            self.inputs[subject.slug] = (relative, box)
        return self.inputs[subject.slug]

    def scene_input(self, scene):
        if scene.slug not in self.scenes:
            square = render.scene_square(self.sources.scene(scene.file))
            relative = f"pool/scenes/{scene.slug}.jpg"
            self.write(relative, render.encode_jpeg(square, SCENE_QUALITY))
            self.scenes[scene.slug] = (relative, square)
        return self.scenes[scene.slug]

    def emoji_of(self, subject):
        if subject.slug not in self.emoji:
            self.emoji[subject.slug] = self.sources.emoji(subject.codepoints)
        return self.emoji[subject.slug]

    def build(self, plan):
        inputs, subjects = [], []
        for s in plan["subjects"]:
            relative, box = self.subject_input(s)
            inputs.append(relative)
            subjects.append({"name": s.en, "kind": s.kind, "imageIndex": len(inputs) - 1,
                             "box": dict(zip(("x", "y", "width", "height"), box))})
        if plan["scene"]:
            relative, square = self.scene_input(plan["scene"])
            inputs.append(relative)
            subjects.append({"name": SCENE_WORDS[plan["scene"].slug], "kind": "scene", "imageIndex": len(inputs) - 1})
            background = square
        else:
            background = Image.new("RGB", (render.OUTPUT, render.OUTPUT), plan["background"].rgb)
        reference = render.compose(background, self.layers(plan))
        if plan["global_style"]:
            reference = render.stylise(reference, plan["global_style"].slug)
        reference_path = f"references/{plan['subtask']}/{plan['id']}.jpg"
        self.write(reference_path, render.encode_jpeg(reference, REFERENCE_QUALITY))
        instruction, keywords, checklist = describe(plan)
        case = {
            "formatVersion": FORMAT_VERSION, "id": plan["id"], "subtask": plan["subtask"],
            "group": group_of(plan["subtask"]), "tier": plan["tier"], "instruction": instruction,
            "inputImages": inputs, "subjects": subjects, "keywords": keywords, "checklist": checklist,
            "referenceImage": reference_path, "outputSize": {"width": render.OUTPUT, "height": render.OUTPUT},
        }
        self.write(f"cases/{plan['subtask']}/{plan['id']}.json", to_json(case))

    def layers(self, plan):
        """Resolves anchors to (sprite, centre x, centre y), in drawing order."""
        resolved, layers = {}, []
        for p in plan["placements"]:
            leap = p.get("leap", False)
            sprite = render.sprite_for(self.emoji_of(p["subject"]), dict(p, tilt=LEAP_TILT if leap else 0,
                                                                         colour=p.get("colour") and p["colour"].rgb,
                                                                         style=p.get("style") and p["style"].slug))
            kind = p["anchor"][0]
            if kind == "centre":
                cx, cy = p["anchor"][1], p["anchor"][2]
            elif kind == "ground":
                cx, cy = p["anchor"][1], p["anchor"][2] - sprite.height / 2
            else:
                scx, scy, sh = resolved[p["anchor"][1]]
                cx, cy = scx, scy - sh / 2 + ON_TOP_SINK - sprite.height / 2
            if leap:
                cy -= LEAP_RAISE
            cx = min(max(cx, sprite.width / 2 + MARGIN), render.OUTPUT - sprite.width / 2 - MARGIN)
            cy = min(max(cy, sprite.height / 2 + MARGIN), render.OUTPUT - sprite.height / 2 - MARGIN)
            resolved[p["image"]] = (cx, cy, sprite.height)
            layers.append((sprite, cx, cy))
        return layers


def group_of(subtask):
    return "single" if subtask.startswith("single") else "multiple" if subtask.startswith("multi") else "scene"


def to_json(value) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = HERE.parent
    ap.add_argument("--out", default=str(root / "benchmark-cases" / "omnicontext-synth"))
    ap.add_argument("--only", default="", help="comma-separated case ids")
    ap.add_argument("--cache", default=str(root / ".deps" / "suite-sources"))
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    plans = plan_all()
    wanted = {x for x in args.only.split(",") if x}
    unknown = wanted - {p["id"] for p in plans}
    if unknown:
        sys.exit(f"build-suite: unknown case ids {sorted(unknown)}")
    if not wanted:
        for part in ("cases", "references", "pool"):
            shutil.rmtree(out / part, ignore_errors=True)
    builder = Builder(out, Sources(pathlib.Path(args.cache)))
    for plan in plans:
        if not wanted or plan["id"] in wanted:
            builder.build(plan)
    counts = {s: {t: sum(1 for p in plans if p["subtask"] == s and p["tier"] == t) for t in TIERS} for s in SUBTASKS}
    builder.write("suite.json", to_json({
        "formatVersion": FORMAT_VERSION, "name": "omnicontext-synth", "version": SUITE_VERSION,
        "description": "OmniContext-shaped suite built by tools/build-suite.py from openly licensed images",
        "caseCount": len(plans), "counts": counts}))
    builder.write("ATTRIBUTION.md", attribution_markdown().encode("utf-8"))
    print(f"build-suite: {len(wanted) or len(plans)} cases written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
