"""General requirements added to instructions until they reach their tier's length. Each one is true of the
reference the tool renders, and only offered where it applies (scene or plain background, styled or not)."""

GENERAL = [
    ("Do not add any text, logos, watermarks or borders.", "不要添加任何文字、标志、水印或边框。"),
    ("Do not add any other people, animals or objects.", "不要添加其他人物、动物或物体。"),
    ("Every subject must be fully inside the frame, with no part cut off at the edges.",
     "每个主体都要完整地出现在画面内，边缘不能被裁切。"),
    ("The final picture is square, 512 by 512 pixels.", "最终画面为正方形，尺寸为 512×512 像素。"),
    ("Do not change the identity of any subject: a viewer should recognise each one at a glance.",
     "不要改变任何主体的身份，观看者应能一眼认出每一个。"),
    ("Use a straight-on, eye-level view without any perspective distortion.", "采用正面平视的视角，不要有透视变形。"),
    ("Keep the overall composition simple, tidy and balanced.", "整体构图保持简洁、整齐、均衡。"),
    ("Apart from the changes asked for here, keep each subject's shape, proportions and details as they appear in "
     "its input image.", "除了这里要求的改动之外，每个主体的外形、比例和细节都要与输入图像保持一致。"),
    ("Keep the edges of each subject clean, with no halo or leftover background from its input image.",
     "每个主体的边缘要干净，不要留下光晕或输入图像中的背景残留。"),
    ("Do not add dramatic shadows, glows or reflections that are not in the input images.",
     "不要添加输入图像中没有的夸张阴影、光晕或倒影。"),
    ("Reproduce the fine details of each subject, such as its edges, markings and highlights, instead of "
     "inventing a new design.", "要还原每个主体的细节，例如边缘、花纹和高光，而不是重新设计一个新形象。"),
]
NOT_TILTED = [("Do not rotate or tilt any subject.", "不要旋转或倾斜任何主体。")]
SEPARATE = [("The subjects must not overlap one another.", "各个主体之间不要相互重叠。")]
UNSTYLED = [
    ("Any subject that this instruction does not recolour or restyle keeps exactly the colours of its input image.",
     "本指令没有要求改色或改变风格的主体，颜色要与输入图像完全一致。"),
]
PLAIN = [
    ("Treat the input images only as references for how the subjects look; the result has its own background.",
     "输入图像只用来参考主体的外观，结果要使用自己的背景。"),
    ("The background should be one flat colour, without gradients, texture or a floor line.",
     "背景应是单一的平涂颜色，不要有渐变、纹理或地平线。"),
]
SCENE = [
    ("Keep the horizon and the main shapes of the scene exactly where they are in the photograph.",
     "场景中的地平线和主要形状要保持在照片中原来的位置。"),
    ("Do not blur the background any further and do not add a vignette.", "不要进一步虚化背景，也不要添加暗角。"),
    ("The photograph fills the whole frame; do not crop, stretch or mirror it.",
     "照片要铺满整个画面，不要裁切、拉伸或镜像。"),
]
SCENE_UNSTYLED = [
    ("Keep the photograph's own colours and lighting; do not repaint or recolour the scene.",
     "保留照片本身的色彩和光线，不要重新绘制或改变场景的颜色。"),
]
STYLED = [
    ("The style change applies to the whole picture, background included, so that the result looks like one "
     "consistent artwork.", "风格变化作用于整幅画面，包括背景，使结果看起来是一件统一的作品。"),
    ("Even in this style, each subject must remain easy to recognise.", "即使在这种风格下，每个主体也必须容易辨认。"),
]
DETAILS = {
    "character": ("For the {en}, reproduce the face, the expression and the body proportions of image {i} faithfully.",
                  "{zh}要忠实还原图{i}中的面部、表情和身体比例。"),
    "object": ("For the {en}, reproduce the outline, the materials and the proportions of image {i} faithfully.",
               "{zh}要忠实还原图{i}中的外形、材质和比例。"),
}


def fillers_for(plan):
    """The requirements that hold for this plan's reference, in a fixed order (the caller shuffles)."""
    ps = plan["placements"]
    out = list(GENERAL)
    for p in sorted(ps, key=lambda p: p["image"]):
        en, zh = DETAILS[p["subject"].kind]
        out.append((en.format(en=p["subject"].en, i=p["image"] + 1), zh.format(zh=p["subject"].zh, i=p["image"] + 1)))
    if not any(p.get("leap") for p in ps):
        out += NOT_TILTED
    if len(ps) > 1 and plan["layout"] not in ("on_top", "front_behind"):
        out += SEPARATE
    if not plan["global_style"]:
        out += UNSTYLED
    out += SCENE if plan["scene"] else PLAIN
    if plan["scene"] and not plan["global_style"]:
        out += SCENE_UNSTYLED
    if plan["global_style"]:
        out += STYLED
    return out
