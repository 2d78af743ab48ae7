"""CLIP ViT-B/32-shaped image and text towers with OpenAI CLIP's structure (module and parameter names of
openai/CLIP clip/model.py), random weights. Called by tools/make-test-models.py.

Image tower: conv1 (patch 32, no bias) -> class token + positional embedding -> ln_pre -> pre-LN transformer
(nn.MultiheadAttention, QuickGELU MLP) -> ln_post on the class token -> @ proj.
Text tower: token + positional embedding -> transformer with a causal mask -> ln_final -> the end-of-text
position (argmax of the ids, 49407 being the largest) -> @ text_projection.
Outputs are the raw projections (not normalised), as CLIP's encode_image / encode_text return them.

The text tower is exported through DynamicLengthText: the sequence axis is free (at most 77), the positional
embedding and the causal mask are cut to the input's length. With the causal mask no position attends to a later
one, so the end-of-text embedding of ids cut after their end-of-text token equals the 77-token one (up to float
rounding) while costing a fraction of it; the harness pads each text to a multiple of 8 tokens.
"""
import pathlib
from collections import OrderedDict

import torch
from torch import nn

from models import _export as ex

VOCAB = 49408
CONTEXT = 77
FULL = dict(width=768, layers=12, heads=12, patch=32, resolution=224, embed=512,
            text_width=512, text_layers=12, text_heads=8)
TINY = dict(width=32, layers=2, heads=2, patch=32, resolution=224, embed=16,
            text_width=8, text_layers=2, text_heads=2)
# "a photo of a cat" and "Place the red striped teapot from image 1 on the wooden table in image 2."
# (ids from the reference tokenizer), plus a 75-token run that fills the context.
TEXT_IDS = [
    [49406, 320, 1125, 539, 320, 2368, 49407],
    [49406, 1445, 518, 736, 22192, 40749, 633, 2867, 272, 525, 518, 9057, 2175, 530, 2867, 273, 269, 49407],
    [49406] + [(t * 131) % 49000 + 256 for t in range(75)] + [49407],
]


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, d_model, n_head, attn_mask=None):
        super().__init__()
        self.attn = nn.MultiheadAttention(d_model, n_head)
        self.ln_1 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(OrderedDict([
            ("c_fc", nn.Linear(d_model, d_model * 4)), ("gelu", QuickGELU()), ("c_proj", nn.Linear(d_model * 4, d_model))]))
        self.ln_2 = nn.LayerNorm(d_model)
        self.attn_mask = attn_mask

    def attention(self, x):
        mask = self.attn_mask.to(dtype=x.dtype, device=x.device) if self.attn_mask is not None else None
        return self.attn(x, x, x, need_weights=False, attn_mask=mask)[0]

    def forward(self, x):
        x = x + self.attention(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, width, layers, heads, attn_mask=None):
        super().__init__()
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads, attn_mask) for _ in range(layers)])

    def forward(self, x):
        return self.resblocks(x)


class VisionTransformer(nn.Module):
    def __init__(self, resolution, patch, width, layers, heads, output_dim):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, kernel_size=patch, stride=patch, bias=False)
        scale = width ** -0.5
        self.class_embedding = nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = nn.Parameter(scale * torch.randn((resolution // patch) ** 2 + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = Transformer(width, layers, heads)
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(scale * torch.randn(width, output_dim))

    def forward(self, x):
        x = self.conv1(x)
        x = x.reshape(x.shape[0], x.shape[1], -1).permute(0, 2, 1)
        cls = self.class_embedding.to(x.dtype) + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding.to(x.dtype)
        x = self.ln_pre(x).permute(1, 0, 2)  # NLD -> LND
        x = self.transformer(x).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


class TextTransformer(nn.Module):
    def __init__(self, width, layers, heads, output_dim):
        super().__init__()
        mask = torch.empty(CONTEXT, CONTEXT).fill_(float("-inf")).triu_(1)
        self.transformer = Transformer(width, layers, heads, attn_mask=mask)
        self.token_embedding = nn.Embedding(VOCAB, width)
        self.positional_embedding = nn.Parameter(torch.randn(CONTEXT, width) * 0.01)
        self.ln_final = nn.LayerNorm(width)
        self.text_projection = nn.Parameter(torch.randn(width, output_dim) * width ** -0.5)

    def forward(self, text):
        x = self.token_embedding(text) + self.positional_embedding
        x = self.transformer(x.permute(1, 0, 2)).permute(1, 0, 2)
        x = self.ln_final(x)
        return x[torch.arange(x.shape[0]), text.argmax(dim=-1)] @ self.text_projection


class DynamicLengthText(nn.Module):
    """encode_text of OpenAI CLIP's structure (token_embedding, positional_embedding, transformer.resblocks,
    ln_final, text_projection) for input_ids of any length <= 77: the same modules and weights, run on the
    length given."""

    def __init__(self, model):
        super().__init__()
        self.model = model
        self.register_buffer("mask", torch.empty(CONTEXT, CONTEXT).fill_(float("-inf")).triu_(1), persistent=False)

    def forward(self, input_ids):
        m, length = self.model, input_ids.shape[1]
        x = m.token_embedding(input_ids) + m.positional_embedding[:length]
        mask = self.mask[:length, :length].to(x.dtype)
        x = x.permute(1, 0, 2)  # NLD -> LND
        for block in m.transformer.resblocks:
            h = block.ln_1(x)
            x = x + block.attn(h, h, h, need_weights=False, attn_mask=mask)[0]
            x = x + block.mlp(block.ln_2(x))
        x = m.ln_final(x.permute(1, 0, 2))
        return x[torch.arange(x.shape[0]), input_ids.argmax(dim=-1)] @ m.text_projection


def export_text(model, ids, path):
    """Exports DynamicLengthText(model) with free batch and sequence axes."""
    module = DynamicLengthText(model).eval()
    with torch.no_grad():
        torch.onnx.export(module, (ids,), str(path), input_names=["input_ids"], output_names=["text_embeds"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "text_embeds": {0: "batch"}},
                          opset_version=17, do_constant_folding=True)
    return module


def text_spec():
    return ex.tensor_spec("input_ids", [-1, -1], "int64")


def _randomize_norms(module, generator):
    """LayerNorm starts as identity; give it random affine parameters so the test exercises them."""
    for m in module.modules():
        if isinstance(m, nn.LayerNorm):
            m.weight.data = 1 + 0.1 * torch.randn(m.weight.shape, generator=generator)
            m.bias.data = 0.1 * torch.randn(m.bias.shape, generator=generator)


def build(out_dir, tiny, seed):
    cfg = TINY if tiny else FULL
    version = f"{'tiny' if tiny else 'full'}-random-seed{seed}"
    ex.seeded(seed)
    generator = torch.Generator().manual_seed(seed + 1)
    image = VisionTransformer(cfg["resolution"], cfg["patch"], cfg["width"], cfg["layers"], cfg["heads"], cfg["embed"])
    text = TextTransformer(cfg["text_width"], cfg["text_layers"], cfg["text_heads"], cfg["embed"])
    _randomize_norms(image, generator)
    _randomize_norms(text, generator)
    image.eval(), text.eval()

    pixels = torch.from_numpy(ex.fixed_pixels(3))
    ids = torch.tensor([row + [0] * (CONTEXT - len(row)) for row in TEXT_IDS], dtype=torch.int64)
    image_path = out_dir / "clip-vit-b32-image.onnx"
    text_path = out_dir / "clip-vit-b32-text.onnx"
    ex.export(image, (pixels,), image_path, ["pixel_values"], ["image_embeds"])
    dynamic = export_text(text, ids, text_path)
    if tiny:
        with torch.no_grad():
            ex.write_reference(out_dir, "clip-vit-b32-image", {"image_embeds": image(pixels)})
            full = text(ids)
            cut = dynamic(ids[:, :24])[:2]  # the first two texts end before token 24
            assert torch.allclose(cut, full[:2], rtol=1e-5, atol=1e-6), "cutting after end-of-text changed the embedding"
            ex.write_reference(out_dir, "clip-vit-b32-text", {"text_embeds": full, "input_ids": ids.float()})
            from PIL import Image
            transform = ex.reference_transform(224, 224, (0.48145466, 0.4578275, 0.40821073), (0.26862954, 0.26130258, 0.27577711))
            pattern = transform(Image.open(ex.pattern_image(out_dir)).convert("RGB")).unsqueeze(0)
            ex.write_reference(out_dir, "clip-vit-b32-image", {"pattern-image_embeds": image(pattern)})
    e = cfg["embed"]
    return [
        ex.entry("clip-vit-b32-image", version, image_path,
                 [ex.tensor_spec("pixel_values", [-1, 3, 224, 224])], [ex.tensor_spec("image_embeds", [-1, e])],
                 preprocess="clip", embedding_size=e),
        ex.entry("clip-vit-b32-text", version, text_path,
                 [text_spec()], [ex.tensor_spec("text_embeds", [-1, e])],
                 embedding_size=e, extra={"vocabulary": "bpe_simple_vocab_16e6.txt.gz", "contextLength": str(CONTEXT)}),
    ]


PRETRAINED = {"ViT-B/32": "clip-vit-b32", "ViT-L/14": "clip-vit-l14"}


class _EncodeImage(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, pixel_values):
        return self.model.encode_image(pixel_values)


def export_pretrained(out_dir):
    """OpenAI's weights through the reference package (pip install git+https://github.com/openai/CLIP); needs internet."""
    import shutil
    import clip as openai_clip  # the reference package, not this module
    entries = []
    vocab = pathlib.Path(openai_clip.__file__).parent / "bpe_simple_vocab_16e6.txt.gz"
    shutil.copyfile(vocab, out_dir / vocab.name)
    for arch, name in PRETRAINED.items():
        model, _ = openai_clip.load(arch, device="cpu", jit=False)
        model = model.float().eval()
        size = model.visual.input_resolution
        embed = model.text_projection.shape[1]
        pixels = torch.from_numpy(ex.fixed_pixels(2, h=size, w=size))
        ids = openai_clip.tokenize(["a photo of a cat", "a teapot on a wooden table"])
        image_path, text_path = out_dir / f"{name}-image.onnx", out_dir / f"{name}-text.onnx"
        ex.export(_EncodeImage(model), (pixels,), image_path, ["pixel_values"], ["image_embeds"])
        dynamic = export_text(model, ids, text_path)
        with torch.no_grad():
            assert torch.allclose(dynamic(ids[:, :16]), model.encode_text(ids), rtol=1e-4, atol=1e-5), "dynamic-length text tower differs"
        version = f"openai-clip-{arch}"
        entries += [
            ex.entry(f"{name}-image", version, image_path, [ex.tensor_spec("pixel_values", [-1, 3, size, size])],
                     [ex.tensor_spec("image_embeds", [-1, embed])], preprocess="clip", embedding_size=embed),
            ex.entry(f"{name}-text", version, text_path, [text_spec()],
                     [ex.tensor_spec("text_embeds", [-1, embed])], embedding_size=embed,
                     extra={"vocabulary": vocab.name, "contextLength": str(CONTEXT)}),
        ]
    return entries
