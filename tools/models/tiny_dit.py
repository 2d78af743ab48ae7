"""Tiny DiT-style velocity network + tiny VAE, and the expected sampler outputs computed in PyTorch.

Module for tools/make-test-models.py: build(out_dir, tiny, seed) -> manifest entries. Writes, into out_dir:
  tiny-dit-velocity.onnx      v = f(x [B,4,8,8], t [B], text [B,16], image [B,4,8,8])
  tiny-dit-vae-decoder.onnx   image [B,3,32,32] = g(latent [B,4,8,8]), pixels in [-1, 1]
  tiny-dit-vae-encoder.onnx   latent [B,4,8,8] = e(image [B,3,32,32])
  tiny-dit-expected.json      conditioning, noise head and the decoded samples of several sampler settings
The sampler below is the harness's (OmniGen2 convention, dual guidance, Euler/Heun), written independently in
PyTorch; the initial noise is the harness's Philox4x32-10 + Box-Muller stream, written in NumPy.
Run: /usr/bin/python3 tools/make-test-models.py --tiny tests/fixtures/generation/tiny-dit --only tiny_dit
"""
import base64, json, math, pathlib
import numpy as np
import torch
from torch import nn
from models._export import sha256

C, S, TEXT = 4, 8, 16


class TinyDiT(nn.Module):
    def __init__(self, dim=32):
        super().__init__()
        self.patch = nn.Linear(C * 4, dim)
        self.ref_patch = nn.Linear(C * 4, dim)
        self.pos = nn.Parameter(torch.randn(1, 32, dim) * 0.1)
        self.time = nn.Sequential(nn.Linear(16, dim), nn.SiLU(), nn.Linear(dim, 2 * dim))
        self.text = nn.Linear(TEXT, 2 * dim)
        self.attn = nn.MultiheadAttention(dim, 4, batch_first=True)
        self.norm1, self.norm2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
        self.out = nn.Linear(dim, C * 4)

    @staticmethod
    def tokens(x):  # [B,C,8,8] -> [B,16,C*4] (2x2 patches)
        b = x.shape[0]
        return x.reshape(b, C, 4, 2, 4, 2).permute(0, 2, 4, 1, 3, 5).reshape(b, 16, C * 4)

    def forward(self, x, t, text, image):
        b = x.shape[0]
        freqs = torch.exp(-math.log(1000.0) * torch.arange(8, dtype=torch.float32) / 8)
        angles = t[:, None] * 1000.0 * freqs[None, :]
        temb = torch.cat([torch.sin(angles), torch.cos(angles)], dim=1)
        scale, shift = (self.time(temb) + self.text(text)).chunk(2, dim=1)
        h = torch.cat([self.patch(self.tokens(x)), self.ref_patch(self.tokens(image))], dim=1) + self.pos
        n = self.norm1(h) * (1 + scale[:, None]) + shift[:, None]
        h = h + self.attn(n, n, n, need_weights=False)[0]
        h = h + self.mlp(self.norm2(h))
        v = self.out(h[:, :16])
        return v.reshape(b, 4, 4, C, 2, 2).permute(0, 3, 1, 4, 2, 5).reshape(b, C, S, S)


class TinyEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 8, 2, 2), nn.SiLU(), nn.Conv2d(8, C, 2, 2))

    def forward(self, image):
        return self.net(image)


class TinyDecoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.ConvTranspose2d(C, 8, 2, 2), nn.SiLU(), nn.ConvTranspose2d(8, 3, 2, 2), nn.Tanh())

    def forward(self, latent):
        return self.net(latent)


# ---- the harness's noise: Philox4x32-10 keyed by the seed, counter (block, FNV-1a 64 of the case id), Box-Muller ----
M0, M1, W0, W1, MASK = 0xD2511F53, 0xCD9E8D57, 0x9E3779B9, 0xBB67AE85, 0xFFFFFFFF


def philox(c, k0, k1):
    c0, c1, c2, c3 = c
    for r in range(10):
        if r:
            k0, k1 = (k0 + W0) & MASK, (k1 + W1) & MASK
        p0, p1 = M0 * c0, M1 * c2
        c0, c1, c2, c3 = ((p1 >> 32) ^ c1 ^ k0) & MASK, p1 & MASK, ((p0 >> 32) ^ c3 ^ k1) & MASK, p0 & MASK
    return c0, c1, c2, c3


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def noise(n, seed, name):
    h = fnv1a64(name)
    out = np.empty(((n + 3) // 4) * 4, dtype=np.float32)
    for b in range(len(out) // 4):
        r = philox((b & MASK, b >> 32, h & MASK, h >> 32), seed & MASK, seed >> 32)
        for j in (0, 2):
            rho = math.sqrt(-2.0 * math.log((r[j] + 0.5) / 2**32))
            turn = 2 * math.pi * ((r[j + 1] + 0.5) / 2**32)
            out[4 * b + j], out[4 * b + j + 1] = rho * math.cos(turn), rho * math.sin(turn)
    return out[:n]


# ---- the sampler (OmniGen2 convention) ----
def schedule(steps, m):
    t = [(i / steps) / (m - m * (i / steps) + (i / steps)) for i in range(steps)]
    return np.array(t + [1.0], dtype=np.float64).astype(np.float32)


def guided(model, x, t, s_txt, s_img, cond):
    if s_txt == 1 and s_img == 1:
        branches = ["cond"]
    elif s_img == 1:
        branches = ["cond", "ref"]
    else:
        branches = ["cond", "ref", "uncond"]
    n = len(branches)
    text = torch.stack([cond["text"] if b == "cond" else cond["negative"] for b in branches])
    image = torch.stack([cond["image"] if b != "uncond" else torch.zeros_like(cond["image"]) for b in branches])
    v = model(x.expand(n, -1, -1, -1), torch.full((n,), float(t)), text, image)
    if n == 1:
        return v[0:1]
    if n == 2:
        return v[1:2] + s_txt * (v[0:1] - v[1:2])
    return v[2:3] + s_img * (v[1:2] - v[2:3]) + s_txt * (v[0:1] - v[1:2])


def sample(model, x, cfg, cond):
    steps = cfg["steps"]
    m = {"dynamic": math.sqrt(S * S) / 40, "none": 1.0}.get(cfg["shift"]) or float(cfg["shift"])
    times = schedule(steps, m)
    for i in range(steps):
        inside = cfg["cfgRange"][0] <= i / steps <= cfg["cfgRange"][1]
        s_txt = np.float32(cfg["text"]) if inside else np.float32(1)
        s_img = np.float32(cfg["image"]) if inside else np.float32(1)
        dt = float(np.float32(times[i + 1]) - np.float32(times[i]))
        v = guided(model, x, times[i], float(s_txt), float(s_img), cond)
        if cfg["solver"] == "euler" or i == steps - 1:
            x = x + v * dt
        else:
            pred = x + v * dt
            v2 = guided(model, pred, times[i + 1], float(s_txt), float(s_img), cond)
            x = x + (v + v2) * (0.5 * dt)
    return x


CONFIGS = [
    {"name": "euler-dynamic", "solver": "euler", "steps": 8, "shift": "dynamic", "text": 5.0, "image": 2.0, "cfgRange": [0.0, 1.0]},
    {"name": "heun-fixed-cfgrange", "solver": "heun", "steps": 6, "shift": "3.0", "text": 4.0, "image": 1.5, "cfgRange": [0.0, 0.5]},
    {"name": "euler-text-only", "solver": "euler", "steps": 5, "shift": "none", "text": 3.0, "image": 1.0, "cfgRange": [0.0, 1.0]},
]


def b64(tensor):
    """Little-endian float32 bytes, base64: exact and compact."""
    return base64.b64encode(tensor.detach().numpy().astype("<f4").tobytes()).decode("ascii")




def build(out_dir, tiny, seed):
    out = pathlib.Path(out_dir)
    torch.manual_seed(seed)
    model, decoder, encoder = TinyDiT().eval(), TinyDecoder().eval(), TinyEncoder().eval()
    b = 2
    args = (torch.randn(b, C, S, S), torch.rand(b), torch.randn(b, TEXT), torch.randn(b, C, S, S))
    torch.onnx.export(model, args, out / "tiny-dit-velocity.onnx", opset_version=17,
                      input_names=["x", "t", "text", "image"], output_names=["v"],
                      dynamic_axes={k: {0: "batch"} for k in ["x", "t", "text", "image", "v"]})
    torch.onnx.export(decoder, (torch.randn(1, C, S, S),), out / "tiny-dit-vae-decoder.onnx", opset_version=17,
                      input_names=["latent"], output_names=["image"], dynamic_axes={"latent": {0: "batch"}, "image": {0: "batch"}})
    torch.onnx.export(encoder, (torch.randn(1, 3, 32, 32),), out / "tiny-dit-vae-encoder.onnx", opset_version=17,
                      input_names=["image"], output_names=["latent"], dynamic_axes={"image": {0: "batch"}, "latent": {0: "batch"}})
    gen = torch.Generator().manual_seed(seed + 1)
    cond = {"text": torch.randn(TEXT, generator=gen), "negative": torch.randn(TEXT, generator=gen) * 0.1,
            "image": torch.randn(C, S, S, generator=gen)}
    x0 = torch.from_numpy(noise(C * S * S, 0, "tiny-case")).reshape(1, C, S, S)
    results = []
    with torch.no_grad():
        for cfg in CONFIGS:
            latent = sample(model, x0.clone(), cfg, cond)
            results.append({**cfg, "sampleLatent": b64(latent), "decodedImage": b64(decoder(latent))})
    expected = {"caseId": "tiny-case", "seed": 0, "noiseHead": b64(x0.flatten()[:16]),
                "text": b64(cond["text"]), "negative": b64(cond["negative"]), "image": b64(cond["image"]),
                "results": results}
    (out / "tiny-dit-expected.json").write_text(json.dumps(expected) + "\n")
    return [
        {"name": "tiny-dit-velocity", "version": "1", "file": "tiny-dit-velocity.onnx", "sha256": sha256(out / "tiny-dit-velocity.onnx"),
         "inputs": [{"name": "x", "shape": [-1, C, S, S]}, {"name": "t", "shape": [-1]}, {"name": "text", "shape": [-1, TEXT]},
                    {"name": "image", "shape": [-1, C, S, S]}],
         "outputs": [{"name": "v", "shape": [-1, C, S, S]}],
         "extra": {"role": "velocity", "xInput": "x", "timeInput": "t", "textInput": "text", "imageInput": "image",
                   "vaeDecoder": "tiny-dit-vae-decoder", "vaeEncoder": "tiny-dit-vae-encoder"}},
        {"name": "tiny-dit-vae-decoder", "version": "1", "file": "tiny-dit-vae-decoder.onnx", "sha256": sha256(out / "tiny-dit-vae-decoder.onnx"),
         "inputs": [{"name": "latent", "shape": [-1, C, S, S]}], "outputs": [{"name": "image", "shape": [-1, 3, 32, 32]}],
         "extra": {"role": "vae-decoder"}},
        {"name": "tiny-dit-vae-encoder", "version": "1", "file": "tiny-dit-vae-encoder.onnx", "sha256": sha256(out / "tiny-dit-vae-encoder.onnx"),
         "inputs": [{"name": "image", "shape": [-1, 3, 32, 32]}], "outputs": [{"name": "latent", "shape": [-1, C, S, S]}],
         "extra": {"role": "vae-encoder"}},
    ]
