"""Pinned image sources of the shipped suite: fetched, integrity-checked, opened.

- npm @lobehub/fluent-emoji-3d 1.1.0 (Microsoft Fluent Emoji 3D, MIT): `npm pack` into the cache folder,
  the tarball's sha512 compared with the registry's pinned integrity.
- Debian bookworm mate-backgrounds 1.26.0-1 (GPL-2+): photographs read from /usr/share/backgrounds/mate,
  each file's sha256 compared with the pinned value (tools/setup.sh --tests installs the package).
"""
import base64, hashlib, io, pathlib, subprocess, tarfile

from PIL import Image

EMOJI_PACKAGE = "@lobehub/fluent-emoji-3d"
EMOJI_VERSION = "1.1.0"
EMOJI_TARBALL = "lobehub-fluent-emoji-3d-1.1.0.tgz"
EMOJI_INTEGRITY = "sha512-Wlq2lVStTnr8BDpIJ0pEnTKO4LuDxxqTEhTvRtD1DLRF0me7ogeRQjKoehDHXuVJ2Qaecgl5wRBv60lUAG3h7g=="

DEBIAN_PACKAGE = "mate-backgrounds"
DEBIAN_VERSION = "1.26.0-1"
DEBIAN_ROOT = pathlib.Path("/usr/share/backgrounds/mate")
DEBIAN_SHA256 = {
    "nature/Dune.jpg": "8a67c2cb0be8c46b70c237311a4fa4d2b4ac7d39568135384787801fa5cc9a91",
    "nature/Storm.jpg": "77ca53077831d3237f73393a91fc879158abc046d852941c26e90de336356957",
    "nature/GreenMeadow.jpg": "8fa0de0aa4089f7319c9fb7a6d006d4cab6023e8c8853731557cff53567b4832",
    "nature/Wood.jpg": "19c78500ac00a622e19907ab9cc7d06d46fe08c4a6142759a84195696150ec07",
    "nature/Garden.jpg": "d3095ee09d425ef23d27155412136cf14fc3c9af76ca58b452f55e23da324e78",
    "nature/Blinds.jpg": "f7aac0dcc2e06d0491643e84df3da1d9db7c4610f58806a880d56e074799f600",
    "nature/RainDrops.jpg": "3e4ea9671c28c90a86cf67b3db9daf18c4741587c596333a7529ca589aaa0c16",
    "nature/Aqua.jpg": "5c30118205982da441bf7e6a1ada636a8a0be879408140b3148280c665ed6bce",
}


class SourceError(RuntimeError):
    pass


class Sources:
    """Opens emoji (RGBA, 256x256) and scene photographs (RGB) from the pinned, verified sources."""

    def __init__(self, cache_dir: pathlib.Path):
        self.cache_dir = cache_dir
        self._tar = None

    def emoji(self, codepoints: str) -> Image.Image:
        tar = self._emoji_tar()
        try:
            data = tar.extractfile(f"package/assets/{codepoints}.webp").read()
        except KeyError:
            raise SourceError(f"{EMOJI_PACKAGE}@{EMOJI_VERSION} has no assets/{codepoints}.webp")
        image = Image.open(io.BytesIO(data))
        image.load()
        return image.convert("RGBA")

    def scene(self, relative: str) -> Image.Image:
        path = DEBIAN_ROOT / relative
        if not path.is_file():
            raise SourceError(f"{path} is missing: install the Debian package with "
                              f"`apt-get install {DEBIAN_PACKAGE}={DEBIAN_VERSION}` (tools/setup.sh --tests does)")
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != DEBIAN_SHA256[relative]:
            raise SourceError(f"{path}: sha256 {digest} differs from the pinned {DEBIAN_SHA256[relative]} "
                              f"({DEBIAN_PACKAGE} {DEBIAN_VERSION} expected)")
        image = Image.open(io.BytesIO(data))
        image.load()
        return image.convert("RGB")

    def _emoji_tar(self) -> tarfile.TarFile:
        if self._tar is None:
            tarball = self.cache_dir / EMOJI_TARBALL
            if not tarball.is_file() or _integrity(tarball) != EMOJI_INTEGRITY:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                subprocess.run(["npm", "pack", f"{EMOJI_PACKAGE}@{EMOJI_VERSION}", "--silent"],
                               cwd=self.cache_dir, check=True, stdout=subprocess.DEVNULL)
            actual = _integrity(tarball)
            if actual != EMOJI_INTEGRITY:
                raise SourceError(f"{tarball}: integrity {actual} differs from the pinned {EMOJI_INTEGRITY}")
            self._tar = tarfile.open(tarball, "r:gz")
        return self._tar


def _integrity(path: pathlib.Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode("ascii")
