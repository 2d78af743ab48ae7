"""Words a plan: the English and Chinese instruction, keywords and checklist items, from the same data.

English word counts per tier: basic 25-50, intermediate 50-100, advanced 100-200, expert 200+. Core sentences
state the composition; then general requirements (all true of the reference) are added until the tier's minimum.
"""
import random

from catalog import CHARACTERS, OBJECTS, SCENES, COLOURS, BACKGROUNDS, STYLES
from fillers import fillers_for

WORDS = {"basic": (25, 50), "intermediate": (50, 100), "advanced": (100, 200), "expert": (200, 400)}
POSITIONS = {
    "centre": ("in the centre of the picture", "画面中央"), "left": ("on the left side of the picture", "画面左侧"),
    "right": ("on the right side of the picture", "画面右侧"), "top": ("near the top of the picture", "画面上方"),
    "bottom": ("near the bottom of the picture", "画面下方"),
    "upper-left": ("in the upper-left corner of the picture", "画面左上角"),
    "upper-right": ("in the upper-right corner of the picture", "画面右上角"),
    "lower-left": ("in the lower-left corner of the picture", "画面左下角"),
    "lower-right": ("in the lower-right corner of the picture", "画面右下角"),
}
GROUND = {"centre": ("in the middle", "中间"), "left": ("on the left", "左侧"), "right": ("on the right", "右侧")}
SIZE_TEXT = {
    "small": ("small, about a quarter of the picture's size", "画得小一些，大约占画面尺寸的四分之一"),
    "medium": ("medium-sized, about a third of the picture's size", "保持中等大小，大约占画面尺寸的三分之一"),
    "large": ("large, about half of the picture's size", "画得大一些，大约占画面尺寸的一半"),
}
INTROS = [
    ("Create a new image featuring {refs}.", "用{refs}创作一幅新的图像。"),
    ("Compose a single picture that brings together {refs}.", "把{refs}组合到同一幅画面中。"),
    ("Make one new picture using {refs}.", "请使用{refs}生成一张新图片。"),
]
SINGLE_INTROS = [
    ("Create a new image of {refs}.", "用{refs}创作一幅新的图像。"),
    ("Make a new picture with {refs} in it.", "请以{refs}为主角生成一张新图片。"),
    ("Draw {refs} again in a new picture.", "把{refs}重新画进一幅新的画面。"),
]
SCENE_WORDS = {"dune": "sand dune", "storm": "stormy road", "meadow": "green meadow", "deck": "wooden deck",
               "garden": "flower garden", "leaf": "green leaf", "raindrops": "raindrops", "water": "water splash"}


def word_count(text):
    return len(text.split())


def _join(items, en):
    if len(items) == 1:
        return items[0]
    return (", ".join(items[:-1]) + " and " + items[-1]) if en else ("、".join(items[:-1]) + "和" + items[-1])


class Words:
    """Collects parallel sentences and checklist items for one case."""

    def __init__(self, plan):
        self.plan = plan
        self.sentences = []
        self.checklist = []
        self.keywords = []

    def say(self, en, zh):
        self.sentences.append((en, zh))

    def check(self, kind, statement, *contrasts):
        self.checklist.append({"kind": kind, "statement": statement, "contrasts": list(contrasts)})


def describe(plan):
    """Returns (instruction {en, zh}, keywords, checklist)."""
    w = Words(plan)
    by_image = {p["image"]: p for p in plan["placements"]}
    names = [(p["subject"].en, p["subject"].zh) for p in (by_image[i] for i in sorted(by_image))]
    refs_en = _join([f"the {en} from image {i + 1}" for i, (en, _) in enumerate(names)], True)
    refs_zh = _join([f"图{i + 1}中的{zh}" for i, (_, zh) in enumerate(names)], False)
    intro_en, intro_zh = (INTROS if len(names) > 1 else SINGLE_INTROS)[plan["intro"]]
    w.say(intro_en.format(refs=refs_en), intro_zh.format(refs=refs_zh))
    for p in sorted(plan["placements"], key=lambda p: p["image"]):
        s = p["subject"]
        w.keywords.append(s.en)
        w.check("object", f"The image contains {s.article} {s.en}.", f"The image contains no {s.en}.",
                _swap_subject(s, plan))
    _layout(w, plan, by_image)
    _background(w, plan)
    for p in sorted(plan["placements"], key=lambda p: p["image"]):
        _edits(w, p)
    _mirrors(w, [p["subject"] for p in sorted(plan["placements"], key=lambda p: p["image"]) if p.get("mirror")])
    if plan["global_style"]:
        st = plan["global_style"]
        w.say(f"Finally, render the whole picture {st.en_look}.", f"最后，把整幅画面{st.zh_look}。")
        w.check("style", f"The whole image is rendered in a {st.en} style.",
                f"The whole image is a plain full-colour picture without a {st.en} style.")
        w.keywords.append(st.en)
    _fill(w, plan)
    en = " ".join(e for e, _ in w.sentences)
    zh = "".join(z for _, z in w.sentences)
    return {"en": en, "zh": zh}, _unique(w.keywords), w.checklist


def _swap_subject(subject, plan):
    pool = CHARACTERS if subject.kind == "character" else OBJECTS
    used = {s.slug for s in plan["subjects"]}
    other = random.Random(plan["id"] + subject.slug).choice([s for s in pool if s.slug not in used])
    return f"The image contains {other.article} {other.en} instead of {subject.article} {subject.en}."


def _layout(w, plan, by_image):
    ps = [by_image[i] for i in sorted(by_image)]
    a = ps[0]["subject"]
    layout, scene = plan["layout"], plan["scene"]
    if layout == "single":
        where, (size_en, size_zh) = ps[0]["where"], SIZE_TEXT[ps[0]["size_slug"]]
        if plan["tier"] == "basic":
            size_en, size_zh = size_en.split(",")[0], size_zh.split("，")[0]
        if scene:
            verb_en, verb_zh = ("standing", "站在") if a.kind == "character" else ("resting", "放在")
            pos_en, pos_zh = GROUND[where]
            w.say(f"Place the {a.en} {verb_en} on the ground {pos_en} of the scene, {size_en}.",
                  f"让{a.zh}{verb_zh}场景{pos_zh}的地面上，{size_zh}。")
            w.check("spatial", f"The {a.en} is on the ground {pos_en} of the scene.",
                    f"The {a.en} is floating in the sky.")
        else:
            pos_en, pos_zh = POSITIONS[where]
            w.say(f"Place the {a.en} {pos_en} and make it {size_en}.", f"把{a.zh}放在{pos_zh}，{size_zh}。")
            w.check("spatial", f"The {a.en} is {pos_en}.", *_other_positions(a, where))
        w.check("attribute", f"The {a.en} is {ps[0]['size_slug'] if ps[0]['size_slug'] != 'medium' else 'medium-sized'} in the frame.",
                *[f"The {a.en} is {s} in the frame." for s in ("small", "medium-sized", "large")
                  if s != (ps[0]["size_slug"] if ps[0]["size_slug"] != "medium" else "medium-sized")])
        return
    b = ps[1]["subject"]
    if layout == "side_by_side":
        ground_en, ground_zh = (", both on the ground of the scene", "，都位于场景的地面上") if scene else ("", "")
        w.say(f"Put the {a.en} on the left and the {b.en} on the right, side by side, both medium-sized{ground_en}.",
              f"把{a.zh}放在左边，{b.zh}放在右边，两者并排，都保持中等大小{ground_zh}。")
        w.check("spatial", f"The {a.en} is to the left of the {b.en}.", f"The {a.en} is to the right of the {b.en}.")
    elif layout == "stacked":
        w.say(f"Put the {a.en} near the top of the picture and the {b.en} directly below it, near the bottom, "
              "both medium-sized.", f"把{a.zh}放在画面上方，{b.zh}放在它的正下方、靠近画面底部，两者都保持中等大小。")
        w.check("spatial", f"The {a.en} is above the {b.en}.", f"The {a.en} is below the {b.en}.")
    elif layout == "on_top":
        verb_en, verb_zh = ("sit", "坐在") if a.kind == "character" else ("rest", "放在")
        where_en, where_zh = ("on the ground in the middle of the scene", "场景中间的地面上") if scene else \
            ("near the bottom of the picture", "画面下部")
        w.say(f"Let the {a.en} {verb_en} on top of the {b.en}, which is large and stands {where_en}; "
              f"the {a.en} is small.", f"让{a.zh}{verb_zh}{b.zh}的上面；{b.zh}画得大一些，位于{where_zh}，{a.zh}画得小一些。")
        w.check("action", f"The {a.en} is {verb_en}ting on top of the {b.en}." if verb_en == "sit"
                else f"The {a.en} is resting on top of the {b.en}.", f"The {a.en} is beside the {b.en}.",
                f"The {b.en} is on top of the {a.en}.")
    elif layout == "front_behind":
        w.say(f"Place the {a.en} large in the foreground, slightly overlapping the {b.en}, which is small and sits "
              f"further back, above and to the right of it.",
              f"把{a.zh}画得大一些放在前景，并稍微挡住{b.zh}；{b.zh}画得小一些，位于它的右上后方。")
        w.check("spatial", f"The {a.en} is in front of the {b.en}.", f"The {b.en} is in front of the {a.en}.")
    elif layout == "row":
        c = ps[2]["subject"]
        w.say(f"Line up the {a.en}, the {b.en} and the {c.en} from left to right, all of them small.",
              f"把{a.zh}、{b.zh}和{c.zh}从左到右排成一排，都画得小一些。")
        w.check("spatial", f"The {a.en} is to the left of the {b.en}.", f"The {a.en} is to the right of the {b.en}.")
        w.check("spatial", f"The {b.en} is to the left of the {c.en}.", f"The {b.en} is to the right of the {c.en}.")
    elif layout == "triangle":
        c = ps[2]["subject"]
        w.say(f"Put the {a.en} at the top centre, the {b.en} at the lower left and the {c.en} at the lower right, "
              "all medium-sized.",
              f"把{a.zh}放在上方正中，{b.zh}放在左下方，{c.zh}放在右下方，三者都保持中等大小。")
        w.check("spatial", f"The {a.en} is above the {b.en} and the {c.en}.", f"The {a.en} is below the {b.en} and the {c.en}.")
        w.check("spatial", f"The {b.en} is to the left of the {c.en}.", f"The {b.en} is to the right of the {c.en}.")


def _other_positions(subject, where):
    others = [k for k in ("left", "right", "top", "bottom", "centre") if k not in where][:2]
    return [f"The {subject.en} is {POSITIONS[k][0]}." for k in others]


def _background(w, plan):
    scene = plan["scene"]
    if scene:
        k = len(plan["subjects"]) + 1
        if plan["tier"] == "basic":
            w.say(f"Use the {SCENE_WORDS[scene.slug]} photograph in image {k} as the background.",
                  f"以图{k}的照片作为背景。")
        else:
            w.say(f"Use the photograph in image {k}, {scene.en}, as the full background.",
                  f"以图{k}的照片（{scene.zh}）作为完整的背景。")
        other = random.Random(plan["id"] + "scene").choice([s for s in SCENES if s.slug != scene.slug])
        w.check("object", f"The background shows {scene.en}.", f"The background shows {other.en}.",
                "The background is a plain single colour.")
        w.keywords.append(SCENE_WORDS[scene.slug])
    else:
        bg = plan["background"]
        if plan["tier"] == "basic":
            w.say(f"Use a plain {bg.en} background.", f"背景为纯{bg.zh}。")
        else:
            w.say(f"Use a plain {bg.en} background with nothing else in it.", f"背景为纯{bg.zh}，不要有其他内容。")
        others = [c for c in BACKGROUNDS if c.slug != bg.slug][:2]
        w.check("attribute", f"The background is plain {bg.en}.", *[f"The background is plain {c.en}." for c in others],
                "The background is a photograph of a landscape.")
        w.keywords.append(f"{bg.en} background")


def _edits(w, p):
    s = p["subject"]
    if p.get("colour"):
        c = p["colour"]
        w.say(f"Recolour the {s.en} {c.en} all over while keeping its shading.", f"把{s.zh}整体改成{c.zh}，保留原有的明暗。")
        other = next(x for x in COLOURS if x.slug != c.slug)
        w.check("attribute", f"The {s.en} is {c.en}.", f"The {s.en} is {other.en}.", f"The {s.en} keeps its original colours.")
        w.keywords.append(c.en)
    if p.get("style"):
        st = p["style"]
        w.say(f"Render the {s.en} {st.en_look}.", f"把{s.zh}{st.zh_look}。")
        w.check("style", f"The {s.en} is drawn in a {st.en} style.", f"The {s.en} is drawn in its original smooth style.")
        w.keywords.append(st.en)
    if p.get("mirror"):
        w.check("attribute", f"The {s.en} is mirrored left to right compared with its input image.",
                f"The {s.en} faces the same way as in its input image.")
    if p.get("leap"):
        w.say(f"Show the {s.en} leaping up into the air, tilted as if in mid-jump.", f"让{s.zh}跃向空中，身体倾斜，像正跳在半空。")
        w.check("action", f"The {s.en} is leaping in the air.", f"The {s.en} is standing still.")
        w.keywords.append("leaping")


def _mirrors(w, subjects):
    """One sentence for every subject flipped left to right."""
    if len(subjects) == 1:
        w.say(f"Flip the {subjects[0].en} horizontally so that it faces the other way.", f"把{subjects[0].zh}水平翻转，让它朝向另一侧。")
    elif subjects:
        en = _join([f"the {s.en}" for s in subjects], True)
        zh = _join([s.zh for s in subjects], False)
        w.say(f"Flip {en} horizontally so that each faces the other way.", f"把{zh}都水平翻转，让它们朝向另一侧。")


def _fill(w, plan):
    low, high = WORDS[plan["tier"]]
    pool = fillers_for(plan)
    random.Random(plan["filler_seed"]).shuffle(pool)
    count = sum(word_count(e) for e, _ in w.sentences)
    for en, zh in pool:
        if count >= low:
            break
        if count + word_count(en) <= high:
            w.sentences.append((en, zh))
            count += word_count(en)
    if not low <= count <= high:
        raise ValueError(f"{plan['id']}: {count} English words, outside {low}-{high} for tier {plan['tier']}")


def _unique(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
