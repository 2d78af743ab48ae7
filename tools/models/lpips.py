"""LPIPS backbones (AlexNet and VGG16 features, torchvision layout) exporting the five ReLU taps, random weights.

build(out_dir, tiny, seed) writes lpips-alex.onnx and lpips-vgg.onnx: input "pixels" float32 [N,3,H,W] in
[-1, 1] (x / 127.5 - 1); the LPIPS scaling layer (x - shift) / scale is the first operation IN THE GRAPH; outputs
"relu1".."relu5" float32 [N, C_k, H_k, W_k] (alex C = 64,192,384,256,256; vgg 64,128,256,512,512; tiny: / 16).
Convolution weights are Kaiming-normal (variance preserving), biases small. The v0.1 linear weights are not in
the graph: C# reads them from a JSON file in the models folder (entry extra "linWeights", key "linKey");
the tiny build writes its own non-negative random ones (lpips-tiny-lin.json) in the real file's layout.
Reference outputs: reference/lpips-{alex,vgg}.json (taps of one test pattern and LPIPS distances of pairs).
"""
import numpy as np
import torch
import torch.nn as nn
from models import _metric_common as common

SHIFT = (-0.030, -0.088, -0.188)
SCALE = (0.458, 0.448, 0.450)
# (layers, tap indices) in torchvision's `features` layout; "M" = max pool 2x2 (vgg) or 3x3 s2 (alex).
ALEX = [(3, 64, 11, 4, 2), "R", "M", (64, 192, 5, 1, 2), "R", "M", (192, 384, 3, 1, 1), "R",
        (384, 256, 3, 1, 1), "R", (256, 256, 3, 1, 1), "R"]
ALEX_TAPS = [1, 4, 7, 9, 11]
VGG_CH = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512]
VGG_TAPS = [3, 8, 15, 22, 29]


def vgg_layout():
    layers, cin = [], 3
    for c in VGG_CH:
        if c == "M":
            layers.append("M")
        else:
            layers += [(cin, c, 3, 1, 1), "R"]
            cin = c
    return layers


class Taps(nn.Module):
    def __init__(self, layout, taps, divisor, alex):
        super().__init__()
        w = lambda c: c if c == 3 else c // divisor
        mods = []
        for spec in layout:
            if spec == "R":
                mods.append(nn.ReLU(inplace=False))
            elif spec == "M":
                mods.append(nn.MaxPool2d(3, 2) if alex else nn.MaxPool2d(2, 2))
            else:
                cin, cout, k, s, p = spec
                mods.append(nn.Conv2d(w(cin), w(cout), k, stride=s, padding=p))
        self.features = nn.Sequential(*mods)
        self.taps = taps
        self.register_buffer("shift", torch.tensor(SHIFT).view(1, 3, 1, 1))
        self.register_buffer("scale", torch.tensor(SCALE).view(1, 3, 1, 1))
        self.channels = [self.features[t - 1].out_channels for t in taps]

    def forward(self, x):
        x = (x - self.shift) / self.scale
        out = []
        for i, layer in enumerate(self.features):
            x = layer(x)
            if i in self.taps:
                out.append(x)
            if i == self.taps[-1]:
                break
        return tuple(out)


def make(net, tiny, seed):
    torch.manual_seed(seed + (0 if net == "alex" else 1))
    model = Taps(ALEX if net == "alex" else vgg_layout(), ALEX_TAPS if net == "alex" else VGG_TAPS, 16 if tiny else 1, net == "alex")
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.uniform_(m.bias, -0.05, 0.1)
    return model.eval()


def lin_weights(channels, seed):
    """Non-negative linear weights with some exact zeros, like the trained v0.1 ones."""
    rng = np.random.default_rng(seed)
    out = []
    for c in channels:
        v = np.abs(rng.normal(0, 0.2, c)).astype(np.float32)
        v[rng.random(c) < 0.3] = 0
        out.append(v)
    return out


def lpips_distance(model, lins, a, b):
    """LPIPS v0.1 in PyTorch: unit-normalise each tap over channels (eps 1e-10), squared difference,
    channel weights, spatial mean, sum over taps. a, b in [-1, 1]."""
    total = 0
    for fa, fb, w in zip(model(a), model(b), lins):
        na = fa / (torch.sqrt(torch.sum(fa ** 2, dim=1, keepdim=True)) + 1e-10)
        nb = fb / (torch.sqrt(torch.sum(fb ** 2, dim=1, keepdim=True)) + 1e-10)
        d = ((na - nb) ** 2 * torch.from_numpy(w).view(1, -1, 1, 1)).sum(1, keepdim=True)
        total = total + d.mean(dim=(2, 3))
    return total.view(-1)


def pixels(index, h, w):
    return common.to_nchw([common.test_pattern(index, h, w)], 127.5, 127.5)


# LPIPS reference pairs: (pattern a, pattern b, height, width)
PAIRS = [(0, 1, 64, 64), (2, 3, 48, 80), (4, 4, 64, 64), (5, 6, 96, 72)]


def build(out_dir, tiny, seed):
    entries, lin_file = [], {}
    lin_name = "lpips-tiny-lin.json" if tiny else "lpips_v0.1_lin_weights.json"
    for net in ("alex", "vgg"):
        model = make(net, tiny, seed)
        name = f"lpips-{net}"
        path = out_dir / (name + ".onnx")
        outputs = [f"relu{k + 1}" for k in range(5)]
        axes = {"pixels": {0: "batch", 2: "height", 3: "width"}}
        axes.update({o: {0: "batch", 2: f"h{k + 1}", 3: f"w{k + 1}"} for k, o in enumerate(outputs)})
        common.export(model, pixels(0, 64, 64), path, "pixels", outputs, axes)
        lins = lin_weights(model.channels, seed + 7 + (0 if net == "alex" else 1))
        lin_file[f"v0.1/{net}"] = {f"lin{k}.model.1.weight": {"shape": [1, len(w), 1, 1], "values": common.floats(w)}
                                   for k, w in enumerate(lins)}
        with torch.no_grad():
            taps = model(pixels(0, 32, 32))
            pairs = [{"a": a, "b": b, "height": h, "width": w,
                      "distance": float(lpips_distance(model, lins, pixels(a, h, w), pixels(b, h, w))[0])}
                     for a, b, h, w in PAIRS]
        if tiny:
            common.write_json(out_dir / "reference" / (name + ".json"), {
                "model": name, "linWeights": lin_name, "tapsInput": "test pattern 0, 32x32, x / 127.5 - 1",
                "taps": [common.floats(t[0]) for t in taps], "pairs": pairs})
        size = "tiny (channels / 16)" if tiny else "full"
        entries.append(common.entry(
            name, f"torchvision {'alexnet' if net == 'alex' else 'vgg16'} features taps, {size}, random weights seed {seed}",
            path, [("pixels", [-1, 3, -1, -1])], [(o, [-1, c, -1, -1]) for o, c in zip(outputs, model.channels)],
            "lpips", None, {"linWeights": lin_name, "linKey": f"v0.1/{net}", "scalingLayer": "in-graph"}))
    if tiny:
        common.write_json(out_dir / lin_name, lin_file)
    return entries
