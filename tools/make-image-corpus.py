#!/usr/bin/python3
"""Writes the image-decoding test corpus and Pillow's expected pixels into tests/fixtures/images/.

Run from the repository root with Debian's Python (it has Pillow 9.4):
    /usr/bin/python3 tools/make-image-corpus.py

Every image is small and odd-sized. PNGs are written by a tiny writer below so that every colour type,
bit depth, palette/tRNS combination, Adam7 interlace and ancillary chunk (gAMA, sBIT) can be chosen
exactly; a few more come from Pillow's own PNG writer. JPEG and WebP files come from Pillow (libjpeg-turbo,
libwebp); CMYK variants without the Adobe marker and with the YCCK transform are made by editing bytes.

Outputs (all deterministic for a given Pillow/libjpeg/libwebp):
  corpus/*.png|jpg|webp    the images
  expected.tsv             name, variant, width, height, sha256 of the expected RGB bytes
  expected-rgb.gz          the expected RGB bytes of every row of expected.tsv, concatenated in order
Variants: "rgb" = Image.open(p).convert("RGB") (the harness's default decode);
"exif" = ImageOps.exif_transpose(im).convert("RGB"); "over-<hex>" = Image.alpha_composite of the image
(convert("RGBA")) over an opaque background of that colour, then convert("RGB").
"""
import gzip
import hashlib
import io
import struct
import warnings
import zlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "images"
CORPUS = OUT / "corpus"
RNG = np.random.default_rng(20261122)

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_rows(samples, depth):
    """samples: (h, w, c) unsigned ints -> list of packed rows (bytes) at the given bit depth."""
    rows = []
    for row in samples:
        flat = row.reshape(-1)
        if depth == 16:
            rows.append(flat.astype(">u2").tobytes())
        elif depth == 8:
            rows.append(flat.astype(np.uint8).tobytes())
        else:
            per_byte = 8 // depth
            padded = np.zeros(-(-len(flat) // per_byte) * per_byte, dtype=np.uint16)
            padded[: len(flat)] = flat
            groups = padded.reshape(-1, per_byte)
            shifts = np.array([8 - depth * (i + 1) for i in range(per_byte)], dtype=np.uint16)
            rows.append((groups << shifts).sum(axis=1).astype(np.uint8).tobytes())
    return rows


def png_bytes(samples, color_type, depth, palette=None, trns=None, interlace=False, extra=()):
    h, w, _ = samples.shape
    raw = b""
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        sub = samples[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        for row in pack_rows(sub, depth):
            raw += b"\x00" + row  # filter None; libpng and Pillow both unfilter, so any filter would do
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, int(interlace)))
    for kind, data in extra:
        out += chunk(kind, data)
    if palette is not None:
        out += chunk(b"PLTE", np.asarray(palette, dtype=np.uint8).tobytes())
    if trns is not None:
        out += chunk(b"tRNS", trns)
    return out + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def noise(h, w, c, top):
    """Random samples with the extremes and a ramp in the first row, so clipping and scaling show."""
    a = RNG.integers(0, top + 1, (h, w, c), dtype=np.int64)
    a[0, :, :] = np.linspace(0, top, w, dtype=np.int64)[:, None]
    a[-1, 0, :] = top
    return a


def handmade_pngs():
    files = {}
    for depth in (1, 2, 4, 8, 16):
        files[f"png_gray{depth}.png"] = png_bytes(noise(7, 13, 1, 2**depth - 1), 0, depth)
    small16 = noise(11, 17, 1, 600)  # 16-bit grey mostly below 256: Pillow's "I" -> RGB clip shows
    files["png_gray16_low.png"] = png_bytes(small16, 0, 16)
    files["png_gray1_adam7.png"] = png_bytes(noise(30, 40, 1, 1), 0, 1, interlace=True)
    files["png_gray4_adam7.png"] = png_bytes(noise(9, 19, 1, 15), 0, 4, interlace=True)
    files["png_gray16_adam7.png"] = png_bytes(small16, 0, 16, interlace=True)
    files["png_gray8_trns.png"] = png_bytes(noise(7, 13, 1, 255), 0, 8, trns=struct.pack(">H", 17))
    files["png_gray2_trns.png"] = png_bytes(noise(7, 13, 1, 3), 0, 2, trns=struct.pack(">H", 1))
    files["png_gray16_trns.png"] = png_bytes(small16, 0, 16, trns=struct.pack(">H", 100))
    for depth in (8, 16):
        files[f"png_rgb{depth}.png"] = png_bytes(noise(7, 13, 3, 2**depth - 1), 2, depth)
        files[f"png_rgb{depth}_adam7.png"] = png_bytes(noise(21, 33, 3, 2**depth - 1), 2, depth, interlace=True)
        files[f"png_ga{depth}.png"] = png_bytes(noise(11, 17, 2, 2**depth - 1), 4, depth)
        files[f"png_rgba{depth}.png"] = png_bytes(noise(11, 17, 4, 2**depth - 1), 6, depth)
        files[f"png_rgba{depth}_adam7.png"] = png_bytes(noise(30, 40, 4, 2**depth - 1), 6, depth, interlace=True)
    files["png_ga8_adam7.png"] = png_bytes(noise(13, 7, 2, 255), 4, 8, interlace=True)
    rgb = noise(7, 13, 3, 255)
    rgb[1, 1] = (10, 20, 30)
    files["png_rgb8_trns.png"] = png_bytes(rgb, 2, 8, trns=struct.pack(">HHH", 10, 20, 30))
    files["png_rgb16_trns.png"] = png_bytes(noise(7, 13, 3, 65535), 2, 16, trns=struct.pack(">HHH", 1, 2, 3))
    gamma = ((b"gAMA", struct.pack(">I", 45455)), (b"sBIT", bytes([5, 6, 5])))
    files["png_rgb8_gama_sbit.png"] = png_bytes(noise(7, 13, 3, 255), 2, 8, extra=gamma)
    files["png_rgb16_gama.png"] = png_bytes(noise(7, 13, 3, 65535), 2, 16, extra=gamma[:1])
    for depth in (1, 2, 4, 8):
        count = 2**depth
        palette = RNG.integers(0, 256, 3 * count, dtype=np.int64)
        files[f"png_p{depth}.png"] = png_bytes(noise(7, 13, 1, count - 1), 3, depth, palette=palette)
        alphas = bytes(RNG.integers(0, 256, max(1, count // 2 + 1), dtype=np.int64).tolist())[:count]
        files[f"png_p{depth}_trns.png"] = png_bytes(noise(9, 15, 1, count - 1), 3, depth, palette=palette, trns=alphas)
    palette = RNG.integers(0, 256, 3 * 256, dtype=np.int64)
    files["png_p8_adam7_trns.png"] = png_bytes(noise(29, 31, 1, 255), 3, 8, palette=palette, interlace=True, trns=bytes([0, 128, 255, 7]))
    files["png_p8_binary_trns.png"] = png_bytes(noise(9, 15, 1, 255), 3, 8, palette=palette, trns=bytes([255, 0, 255]))
    files["png_p8_short_palette.png"] = png_bytes(noise(9, 15, 1, 40), 3, 8, palette=palette[: 3 * 30])
    return files


def pillow_file(image, fmt, **params):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def photo(h, w):
    """A smooth picture with some noise: JPEG and lossy WebP see edges and gradients, not only noise."""
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x * 255 / max(w - 1, 1), y * 255 / max(h - 1, 1), (x + y) * 127 / max(w + h - 2, 1)], axis=-1)
    return np.clip(base + RNG.normal(0, 25, (h, w, 3)), 0, 255).astype(np.uint8)


def exif_with_orientation(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


def strip_adobe(jpeg):
    """Removes the APP14 'Adobe' segment, leaving a plain 4-component (CMYK) JPEG."""
    at = jpeg.find(b"\xff\xeeAdobe"[:2] + b"\x00\x0eAdobe")
    assert at > 0, "Pillow wrote no Adobe marker"
    return jpeg[:at] + jpeg[at + 16:]


def adobe_transform(jpeg, transform):
    at = jpeg.find(b"\xff\xee\x00\x0eAdobe")
    assert at > 0, "Pillow wrote no Adobe marker"
    return jpeg[: at + 15] + bytes([transform]) + jpeg[at + 16:]


def pillow_files():
    files = {}
    rgb = Image.fromarray(photo(30, 40))
    odd = Image.fromarray(photo(7, 13))
    rgba = Image.fromarray(np.dstack([photo(21, 33), noise(21, 33, 1, 255)[..., 0].astype(np.uint8)]), "RGBA")
    files["pil_rgba.png"] = pillow_file(rgba, "PNG")
    files["pil_l.png"] = pillow_file(rgb.convert("L"), "PNG")
    files["pil_1.png"] = pillow_file(rgb.convert("1"), "PNG")
    files["pil_la.png"] = pillow_file(rgba.convert("LA"), "PNG")
    p = rgb.quantize(16)
    files["pil_p4_bits.png"] = pillow_file(p, "PNG", bits=4)
    files["pil_p_transparency.png"] = pillow_file(p, "PNG", transparency=3)
    files["pil_rgb_optimized.png"] = pillow_file(rgb, "PNG", optimize=True)
    files["jpeg_baseline420.jpg"] = pillow_file(rgb, "JPEG", quality=90)
    files["jpeg_baseline_odd.jpg"] = pillow_file(odd, "JPEG", quality=75)
    files["jpeg_444.jpg"] = pillow_file(rgb, "JPEG", quality=95, subsampling=0)
    files["jpeg_422.jpg"] = pillow_file(odd, "JPEG", quality=85, subsampling=1)
    files["jpeg_progressive.jpg"] = pillow_file(rgb, "JPEG", quality=80, progressive=True)
    files["jpeg_progressive_odd.jpg"] = pillow_file(odd, "JPEG", quality=60, progressive=True, subsampling=1)
    files["jpeg_optimized.jpg"] = pillow_file(rgb, "JPEG", quality=70, optimize=True)
    files["jpeg_gray.jpg"] = pillow_file(rgb.convert("L"), "JPEG", quality=90)
    files["jpeg_gray_progressive.jpg"] = pillow_file(odd.convert("L"), "JPEG", quality=90, progressive=True)
    cmyk = pillow_file(rgb.convert("CMYK"), "JPEG", quality=90)
    files["jpeg_cmyk_adobe.jpg"] = cmyk
    files["jpeg_cmyk_plain.jpg"] = strip_adobe(cmyk)
    files["jpeg_ycck.jpg"] = adobe_transform(cmyk, 2)
    for orientation in range(1, 9):
        files[f"jpeg_exif_rot{orientation}.jpg"] = pillow_file(odd, "JPEG", quality=90, exif=exif_with_orientation(orientation))
    files["pil_exif_rot6.png"] = pillow_file(odd, "PNG", exif=exif_with_orientation(6))
    files["webp_lossy.webp"] = pillow_file(rgb, "WEBP", quality=80)
    files["webp_lossy_odd.webp"] = pillow_file(odd, "WEBP", quality=50)
    files["webp_lossless.webp"] = pillow_file(rgb, "WEBP", lossless=True)
    files["webp_lossy_alpha.webp"] = pillow_file(rgba, "WEBP", quality=80)
    files["webp_lossless_alpha.webp"] = pillow_file(rgba, "WEBP", lossless=True)
    files["webp_exif_rot8.webp"] = pillow_file(odd, "WEBP", quality=90, exif=exif_with_orientation(8))
    return files


BACKGROUNDS = [(255, 255, 255), (40, 120, 200)]
ALPHA_FILES = ["png_rgba8.png", "png_rgba16.png", "png_ga8.png", "png_ga16.png", "png_p4_trns.png",
               "png_p8_adam7_trns.png", "pil_rgba.png", "pil_la.png", "pil_p_transparency.png",
               "webp_lossy_alpha.webp", "webp_lossless_alpha.webp", "png_rgb8.png", "jpeg_baseline_odd.jpg"]


def expected_variants(name, path):
    with Image.open(path) as im:
        yield "rgb", im.convert("RGB")
        if "exif" in name:
            yield "exif", ImageOps.exif_transpose(im).convert("RGB")
        if name in ALPHA_FILES:
            for bg in BACKGROUNDS:
                back = Image.new("RGBA", im.size, bg + (255,))
                yield "over-%02x%02x%02x" % bg, Image.alpha_composite(back, im.convert("RGBA")).convert("RGB")


def main():
    # Pillow warns that P images with tRNS bytes lose them in convert("RGB"); that loss is what is recorded.
    warnings.simplefilter("ignore", UserWarning)
    CORPUS.mkdir(parents=True, exist_ok=True)
    for old in CORPUS.iterdir():
        old.unlink()
    files = {**handmade_pngs(), **pillow_files()}
    rows, blobs = [], []
    for name in sorted(files):
        path = CORPUS / name
        path.write_bytes(files[name])
        for variant, image in expected_variants(name, path):
            data = image.tobytes()
            rows.append(f"{name}\t{variant}\t{image.width}\t{image.height}\t{hashlib.sha256(data).hexdigest()}")
            blobs.append(data)
    header = "# written by tools/make-image-corpus.py with Pillow " + Image.__version__
    (OUT / "expected.tsv").write_text(header + "\nname\tvariant\twidth\theight\tsha256\n" + "\n".join(rows) + "\n")
    with open(OUT / "expected-rgb.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as z:
            z.write(b"".join(blobs))
    print(f"{len(files)} images, {len(rows)} expected outputs in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
