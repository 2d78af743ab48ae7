"""Pixel operations of the suite: input images, subject transforms, the reference composition, file encoding.

Everything is plain Pillow with fixed parameters, so the same sources give the same bytes.
"""
import io

from PIL import Image, ImageFilter, ImageOps

OUTPUT = 512
INPUT_SUBJECT = 256
INPUT_FILL = 208
SCENE_INPUT = 512


def trim(rgba: Image.Image) -> Image.Image:
    """Crops an emoji to the bounding box of its visible pixels."""
    return rgba.crop(rgba.getchannel("A").getbbox())


def fit(sprite: Image.Image, longer_side: int) -> Image.Image:
    w, h = sprite.size
    scale = longer_side / max(w, h)
    return sprite.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.LANCZOS)


def subject_input(rgba: Image.Image):
    """The input image of a character or object: the emoji on white, 256x256. Returns (RGB image, box)."""
    sprite = fit(trim(rgba), INPUT_FILL)
    canvas = Image.new("RGB", (INPUT_SUBJECT, INPUT_SUBJECT), (255, 255, 255))
    x, y = (INPUT_SUBJECT - sprite.width) // 2, (INPUT_SUBJECT - sprite.height) // 2
    canvas.paste(sprite, (x, y), sprite)
    return canvas, [x, y, sprite.width, sprite.height]


def scene_square(photo: Image.Image, size: int = SCENE_INPUT) -> Image.Image:
    """Centre square crop of a photograph, resized to size x size."""
    w, h = photo.size
    side = min(w, h)
    left, top = (w - side) // 2, (h - side) // 2
    return photo.crop((left, top, left + side, top + side)).resize((size, size), Image.Resampling.LANCZOS)


def recolour(sprite: Image.Image, rgb) -> Image.Image:
    """Whole-body recolour: shading kept as luminance, hue and saturation taken from rgb."""
    dark = tuple(c // 5 for c in rgb)
    light = tuple(255 - (255 - c) // 5 for c in rgb)
    return _with_alpha(sprite, ImageOps.colorize(sprite.convert("L"), black=dark, white=light, mid=rgb))


def stylise(image: Image.Image, style: str) -> Image.Image:
    """Applies a named style to an RGB or RGBA image (alpha kept)."""
    rgb = image.convert("RGB")
    if style == "grayscale":
        out = rgb.convert("L").convert("RGB")
    elif style == "sepia":
        out = ImageOps.colorize(rgb.convert("L"), black=(38, 24, 12), white=(255, 242, 212), mid=(166, 122, 80))
    elif style == "poster":
        out = ImageOps.posterize(rgb, 2)
    elif style == "pixel":
        block = 16
        small = rgb.resize((max(1, rgb.width // block), max(1, rgb.height // block)), Image.Resampling.BOX)
        out = small.resize(rgb.size, Image.Resampling.NEAREST)
        if image.mode == "RGBA":
            alpha = image.getchannel("A").resize(small.size, Image.Resampling.BOX).resize(rgb.size, Image.Resampling.NEAREST)
            out.putalpha(alpha.point(lambda a: 255 if a >= 128 else 0))
            return out
    elif style == "sketch":
        out = rgb.convert("L").filter(ImageFilter.CONTOUR).convert("RGB")
    else:
        raise ValueError(f"unknown style {style}")
    return _with_alpha(image, out)


def _with_alpha(source: Image.Image, rgb: Image.Image) -> Image.Image:
    if source.mode != "RGBA":
        return rgb
    out = rgb.convert("RGBA")
    out.putalpha(source.getchannel("A"))
    return out


def sprite_for(rgba: Image.Image, placement: dict) -> Image.Image:
    """The subject as drawn in the reference: trimmed, scaled, recoloured, styled, mirrored, tilted."""
    sprite = fit(trim(rgba), placement["size"])
    if placement.get("colour"):
        sprite = recolour(sprite, placement["colour"])
    if placement.get("style"):
        sprite = stylise(sprite, placement["style"])
    if placement.get("mirror"):
        sprite = ImageOps.mirror(sprite)
    if placement.get("tilt"):
        sprite = sprite.rotate(placement["tilt"], resample=Image.Resampling.BICUBIC, expand=True)
    return sprite


def compose(background: Image.Image, layers) -> Image.Image:
    """Draws (sprite, centre x, centre y) layers in order on a copy of the 512x512 background."""
    canvas = background.convert("RGBA")
    for sprite, cx, cy in layers:
        layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        layer.paste(sprite, (round(cx - sprite.width / 2), round(cy - sprite.height / 2)))
        canvas = Image.alpha_composite(canvas, layer)
    return canvas.convert("RGB")


def encode_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=9)
    return buffer.getvalue()


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, subsampling=0, optimize=True)
    return buffer.getvalue()
