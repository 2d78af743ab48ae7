"""Plans the 400 cases: which subjects, which scene, the layout and the edits, per subtask and tier.

A plan is plain data; text.py words it and build-suite.py renders it, so instruction and reference agree.
"""
import random

from catalog import CHARACTERS, OBJECTS, SCENES, COLOURS, BACKGROUNDS, STYLES, SIZES

SUBTASKS = ["single_character", "single_object", "multi_character", "multi_object", "multi_character_object",
            "scene_character", "scene_object", "scene_character_object"]
TIERS = ["basic", "intermediate", "advanced", "expert"]
# cases per tier in each subtask: 120 basic, 150 intermediate, 80 advanced, 50 expert in all (omnicontext-reference.md)
TIER_MIX = {
    "single_character": (30, 10, 5, 5), "single_object": (30, 10, 5, 5),
    "multi_character": (15, 25, 5, 5), "multi_object": (15, 25, 5, 5), "multi_character_object": (10, 30, 5, 5),
    "scene_character": (10, 20, 15, 5), "scene_object": (10, 20, 15, 5), "scene_character_object": (0, 10, 25, 15),
}
PLAIN_POSITIONS = {  # slug: (centre x, centre y)
    "centre": (256, 256), "left": (140, 256), "right": (372, 256), "top": (256, 140), "bottom": (256, 372),
    "upper-left": (140, 140), "upper-right": (372, 140), "lower-left": (140, 372), "lower-right": (372, 372),
}
GROUND_X = {"left": 150, "centre": 256, "right": 362}


def plan_all():
    plans = []
    for subtask in SUBTASKS:
        rng = random.Random(f"omnicontext-synth/{subtask}")
        tiers = [t for t, n in zip(TIERS, TIER_MIX[subtask]) for _ in range(n)]
        rng.shuffle(tiers)
        for number, tier in enumerate(tiers, start=1):
            case_id = f"{subtask}-{number:03d}"
            plans.append(plan_case(case_id, subtask, tier, random.Random(case_id)))
    return plans


def plan_case(case_id, subtask, tier, rng):
    subjects = _pick_subjects(subtask, rng)
    if tier == "basic":  # basic cases carry at most two subjects, one in a scene (short instructions)
        keep = 1 if subtask.startswith("scene") else 2
        subjects = subjects if len(subjects) <= keep else (subjects[:1] + subjects[-1:])[:keep]
    scene = rng.choice(SCENES) if subtask.startswith("scene") else None
    level = TIERS.index(tier)
    layout = _pick_layout(len(subjects), scene is not None, level, rng)
    placements = [dict(subject=s, image=i) for i, s in enumerate(subjects)]
    _place(placements, layout, scene, rng)
    _edit(placements, layout, level, rng)
    return dict(
        id=case_id, subtask=subtask, tier=tier, subjects=subjects, scene=scene, layout=layout,
        placements=placements, background=None if scene else rng.choice(BACKGROUNDS),
        global_style=rng.choice(STYLES) if level == 3 else None,
        intro=rng.randrange(3), filler_seed=rng.randrange(1 << 30))


def _pick_subjects(subtask, rng):
    if subtask == "single_character":
        return rng.sample(CHARACTERS, 1)
    if subtask == "single_object":
        return rng.sample(OBJECTS, 1)
    if subtask == "multi_character":
        return rng.sample(CHARACTERS, rng.choice([2, 2, 3]))
    if subtask == "multi_object":
        return rng.sample(OBJECTS, rng.choice([2, 2, 3]))
    if subtask == "multi_character_object":
        chars, objs = rng.choice([(1, 1), (1, 1), (2, 1), (1, 2)])
        return rng.sample(CHARACTERS, chars) + rng.sample(OBJECTS, objs)
    if subtask == "scene_character":
        return rng.sample(CHARACTERS, rng.choice([1, 1, 2]))
    if subtask == "scene_object":
        return rng.sample(OBJECTS, rng.choice([1, 1, 2]))
    return rng.sample(CHARACTERS, 1) + rng.sample(OBJECTS, 1)


def _pick_layout(count, in_scene, level, rng):
    if count == 1:
        return "single"
    if count == 3:
        return rng.choice(["row", "triangle"])
    if in_scene:
        return rng.choice(["side_by_side", "on_top"] if level >= 1 else ["side_by_side"])
    return rng.choice(["side_by_side", "stacked", "on_top", "front_behind"] if level >= 1 else ["side_by_side", "stacked"])


def _place(placements, layout, scene, rng):
    """Sets size (slug) and anchor per placement: ("centre", x, y), ("ground", x, bottom) or ("on", image index)."""
    def put(p, size, anchor):
        p.update(size_slug=size, size=SIZES[size][0], anchor=anchor)

    a = placements[0]
    if layout == "single":
        if scene:
            where = rng.choice(list(GROUND_X))
            put(a, rng.choice(["medium", "large"]), ("ground", GROUND_X[where], scene.ground))
        else:
            where = rng.choice(list(PLAIN_POSITIONS))
            size = rng.choice(["small", "medium", "large"] if where == "centre" else ["small", "medium"])
            put(a, size, ("centre",) + PLAIN_POSITIONS[where])
        a["where"] = where
        return
    b = placements[1]
    if layout == "side_by_side":
        if scene:
            put(a, "medium", ("ground", 150, scene.ground)); put(b, "medium", ("ground", 362, scene.ground))
        else:
            put(a, "medium", ("centre", 140, 256)); put(b, "medium", ("centre", 372, 256))
    elif layout == "stacked":
        put(a, "medium", ("centre", 256, 140)); put(b, "medium", ("centre", 256, 372))
    elif layout == "on_top":
        support = ("ground", 256, scene.ground) if scene else ("ground", 256, 480)
        put(b, "large", support); put(a, "small", ("on", b["image"]))
        placements.reverse()  # the support is drawn first
    elif layout == "front_behind":
        put(b, "small", ("centre", 310, 210)); put(a, "large", ("centre", 220, 300))
        placements.reverse()
    elif layout == "row":
        for p, x in zip(placements, (96, 256, 416)):
            put(p, "small", ("centre", x, 256))
    elif layout == "triangle":
        c = placements[2]
        put(a, "medium", ("centre", 256, 140)); put(b, "medium", ("centre", 140, 372)); put(c, "medium", ("centre", 372, 372))


def _edit(placements, layout, level, rng):
    """Recolour, restyle, mirror or make a character leap, more often at higher tiers."""
    if level == 0:
        return
    ordered = sorted(placements, key=lambda p: p["image"])
    if level == 1:
        target = rng.choice(ordered)
        roll = rng.random()
        if roll < 0.5:
            target["colour"] = rng.choice(COLOURS)
        elif roll < 0.75:
            target["mirror"] = True
        return
    colours = rng.sample(COLOURS, len(ordered))
    for p, colour in zip(ordered, colours):
        roll = rng.random()
        if roll < 0.4:
            p["colour"] = colour
        elif roll < 0.65 and level == 2:
            p["style"] = rng.choice(STYLES)
        elif roll < 0.8:
            p["mirror"] = True
        can_leap = layout in ("single", "side_by_side", "row") and p["anchor"][0] != "on"
        if can_leap and p["subject"].kind == "character" and rng.random() < 0.3:
            p["leap"] = True
