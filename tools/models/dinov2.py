"""DINOv2 ViT-S/14-shaped network with facebookresearch/dinov2's structure (vision_transformer.py), random
weights. Called by tools/make-test-models.py.

Patch embedding (conv 14x14, stride 14) -> class token -> position embeddings trained at 518 px (37x37 grid)
bicubically interpolated to the input grid (offset 0.1, no antialias, as dinov2 does) -> blocks
x + ls1(attn(norm1(x))), x + ls2(mlp(norm2(x))) with LayerNorm eps 1e-6 and exact GELU -> final LayerNorm.
Outputs: cls_token (x_norm_clstoken) and patch_tokens (x_norm_patchtokens, row-major 16x16 grid at 224 px).
The ONNX graph is exported at 224x224 so the interpolated position embeddings are baked in as a constant.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

from models import _export as ex

FULL = dict(dim=384, depth=12, heads=6, patch=14, trained_grid=37)
TINY = dict(dim=32, depth=2, heads=2, patch=14, trained_grid=37)
INPUT = 224


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.scale = (dim // heads) ** -0.5
        self.qkv = nn.Linear(dim, dim * 3, bias=True)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0] * self.scale, qkv[1], qkv[2]
        attn = (q @ k.transpose(-2, -1)).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, c))


class Mlp(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc1 = nn.Linear(dim, dim * 4)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(dim * 4, dim)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class LayerScale(nn.Module):
    def __init__(self, dim, init):
        super().__init__()
        self.gamma = nn.Parameter(init)

    def forward(self, x):
        return x * self.gamma


class Block(nn.Module):
    def __init__(self, dim, heads, generator):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.ls1 = LayerScale(dim, 0.5 + 0.2 * torch.randn(dim, generator=generator))
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim)
        self.ls2 = LayerScale(dim, 0.5 + 0.2 * torch.randn(dim, generator=generator))

    def forward(self, x):
        x = x + self.ls1(self.attn(self.norm1(x)))
        return x + self.ls2(self.mlp(self.norm2(x)))


class PatchEmbed(nn.Module):
    def __init__(self, patch, dim):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class DinoVisionTransformer(nn.Module):
    def __init__(self, dim, depth, heads, patch, trained_grid, generator):
        super().__init__()
        self.patch = patch
        self.patch_embed = PatchEmbed(patch, dim)
        self.cls_token = nn.Parameter(0.02 * torch.randn(1, 1, dim, generator=generator))
        self.pos_embed = nn.Parameter(0.02 * torch.randn(1, trained_grid ** 2 + 1, dim, generator=generator))
        self.blocks = nn.ModuleList([Block(dim, heads, generator) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.fixed_pos = None

    def interpolate_pos_encoding(self, npatch, w, h):
        n = self.pos_embed.shape[1] - 1
        if npatch == n and w == h:
            return self.pos_embed
        dim = self.pos_embed.shape[-1]
        w0, h0 = w // self.patch, h // self.patch
        m = int(math.sqrt(n))
        sx, sy = float(w0 + 0.1) / m, float(h0 + 0.1) / m
        patch_pos = F.interpolate(self.pos_embed[:, 1:].reshape(1, m, m, dim).permute(0, 3, 1, 2),
                                  scale_factor=(sx, sy), mode="bicubic", antialias=False)
        patch_pos = patch_pos.permute(0, 2, 3, 1).view(1, -1, dim)
        return torch.cat((self.pos_embed[:, :1], patch_pos), dim=1)

    def bake_input_size(self, size):
        """Fixes the input size: the interpolated position embeddings become a constant of the graph."""
        with torch.no_grad():
            grid = size // self.patch
            self.fixed_pos = self.interpolate_pos_encoding(grid * grid, size, size).clone()

    def forward(self, x):
        b, _, w, h = x.shape
        tokens = self.patch_embed(x)
        pos = self.fixed_pos if self.fixed_pos is not None else self.interpolate_pos_encoding(tokens.shape[1], w, h)
        x = torch.cat((self.cls_token.expand(b, -1, -1), tokens), dim=1) + pos
        for block in self.blocks:
            x = block(x)
        x = self.norm(x)
        return x[:, 0], x[:, 1:]


def build(out_dir, tiny, seed):
    cfg = TINY if tiny else FULL
    version = f"{'tiny' if tiny else 'full'}-random-seed{seed}"
    ex.seeded(seed)
    generator = torch.Generator().manual_seed(seed + 2)
    net = DinoVisionTransformer(generator=generator, **cfg)
    for m in net.modules():
        if isinstance(m, nn.LayerNorm):
            m.weight.data = 1 + 0.1 * torch.randn(m.weight.shape, generator=generator)
            m.bias.data = 0.1 * torch.randn(m.bias.shape, generator=generator)
    net.eval()
    pixels = torch.from_numpy(ex.fixed_pixels(3))
    with torch.no_grad():
        cls, patches = net(pixels)  # dynamic interpolation, as dinov2 runs it
        if tiny:
            from PIL import Image
            transform = ex.reference_transform(256, 224, (0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
            pattern = transform(Image.open(ex.pattern_image(out_dir)).convert("RGB")).unsqueeze(0)
            pattern_cls, pattern_patches = net(pattern)
            ex.write_reference(out_dir, "dinov2-vits14", {"pattern-cls_token": pattern_cls, "pattern-patch_tokens": pattern_patches})
    net.bake_input_size(INPUT)
    path = out_dir / "dinov2-vits14.onnx"
    ex.export(net, (pixels,), path, ["pixel_values"], ["cls_token", "patch_tokens"])
    if tiny:
        ex.write_reference(out_dir, "dinov2-vits14", {"cls_token": cls, "patch_tokens": patches})
    grid = (INPUT // cfg["patch"]) ** 2
    return [ex.entry("dinov2-vits14", version, path, [ex.tensor_spec("pixel_values", [-1, 3, INPUT, INPUT])],
                     [ex.tensor_spec("cls_token", [-1, cfg["dim"]]), ex.tensor_spec("patch_tokens", [-1, grid, cfg["dim"]])],
                     preprocess="dinov2", embedding_size=cfg["dim"],
                     extra={"patchSize": str(cfg["patch"]), "gridSize": str(INPUT // cfg["patch"])})]


class _Features(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, pixel_values):
        f = self.net.forward_features(pixel_values)
        return f["x_norm_clstoken"], f["x_norm_patchtokens"]


def export_pretrained(out_dir):
    """facebookresearch/dinov2 ViT-S/14 through torch.hub (needs internet), exported at 224x224 with the
    interpolated position embeddings computed once by dinov2's own code and baked in as a constant."""
    net = torch.hub.load("facebookresearch/dinov2", "dinov2_vits14").eval()
    pixels = torch.from_numpy(ex.fixed_pixels(2))
    grid = INPUT // net.patch_size
    with torch.no_grad():
        pos = net.interpolate_pos_encoding(torch.zeros(1, grid * grid + 1, net.embed_dim), INPUT, INPUT).clone()
    net.interpolate_pos_encoding = lambda x, w, h: pos
    path = out_dir / "dinov2-vits14.onnx"
    ex.export(_Features(net), (pixels,), path, ["pixel_values"], ["cls_token", "patch_tokens"])
    dim = net.embed_dim
    return [ex.entry("dinov2-vits14", "facebookresearch-dinov2-vits14", path,
                     [ex.tensor_spec("pixel_values", [-1, 3, INPUT, INPUT])],
                     [ex.tensor_spec("cls_token", [-1, dim]), ex.tensor_spec("patch_tokens", [-1, grid * grid, dim])],
                     preprocess="dinov2", embedding_size=dim,
                     extra={"patchSize": str(net.patch_size), "gridSize": str(grid)})]
