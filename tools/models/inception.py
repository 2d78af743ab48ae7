"""FID Inception-v3 (the TF "inception-2015-12-05" graph as pytorch-fid defines it), random weights.

build(out_dir, tiny, seed) writes inception-v3-fid.onnx: input "pixels" float32 [N,3,299,299] already
normalised by the preprocessing mode, output "pool3" float32 [N, D] (D = 2048 full, 128 tiny: every channel
count divided by 16, same blocks). Architecture details: BatchNorm eps 1e-3; the pool branch of Mixed_5b..7b is
avg pool 3x3 s1 p1 with count_include_pad=False, of Mixed_7c max pool 3x3 s1 p1; 1008-class fc (not exported).
Module names equal torchvision's, so the state dict loads into pytorch-fid's FID Inception unchanged.
BatchNorm running statistics are calibrated on test patterns, so activations stay O(1) through all blocks.
Reference outputs: reference/inception-v3-fid.json (features of test patterns, computed in PyTorch).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from models import _metric_common as common

NAME = "inception-v3-fid"


class Conv(nn.Module):
    def __init__(self, cin, cout, **kw):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, bias=False, **kw)
        self.bn = nn.BatchNorm2d(cout, eps=0.001)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


def avg_pool(x):
    return F.avg_pool2d(x, 3, stride=1, padding=1, count_include_pad=False)


class BlockA(nn.Module):
    def __init__(self, cin, pool, w):
        super().__init__()
        self.branch1x1 = Conv(cin, w(64), kernel_size=1)
        self.branch5x5_1 = Conv(cin, w(48), kernel_size=1)
        self.branch5x5_2 = Conv(w(48), w(64), kernel_size=5, padding=2)
        self.branch3x3dbl_1 = Conv(cin, w(64), kernel_size=1)
        self.branch3x3dbl_2 = Conv(w(64), w(96), kernel_size=3, padding=1)
        self.branch3x3dbl_3 = Conv(w(96), w(96), kernel_size=3, padding=1)
        self.branch_pool = Conv(cin, pool, kernel_size=1)
        self.out = w(64) + w(64) + w(96) + pool

    def forward(self, x):
        return torch.cat([self.branch1x1(x), self.branch5x5_2(self.branch5x5_1(x)),
                          self.branch3x3dbl_3(self.branch3x3dbl_2(self.branch3x3dbl_1(x))),
                          self.branch_pool(avg_pool(x))], 1)


class BlockB(nn.Module):
    def __init__(self, cin, w):
        super().__init__()
        self.branch3x3 = Conv(cin, w(384), kernel_size=3, stride=2)
        self.branch3x3dbl_1 = Conv(cin, w(64), kernel_size=1)
        self.branch3x3dbl_2 = Conv(w(64), w(96), kernel_size=3, padding=1)
        self.branch3x3dbl_3 = Conv(w(96), w(96), kernel_size=3, stride=2)
        self.out = w(384) + w(96) + cin

    def forward(self, x):
        return torch.cat([self.branch3x3(x), self.branch3x3dbl_3(self.branch3x3dbl_2(self.branch3x3dbl_1(x))),
                          F.max_pool2d(x, 3, stride=2)], 1)


class BlockC(nn.Module):
    def __init__(self, cin, c7, w):
        super().__init__()
        self.branch1x1 = Conv(cin, w(192), kernel_size=1)
        self.branch7x7_1 = Conv(cin, c7, kernel_size=1)
        self.branch7x7_2 = Conv(c7, c7, kernel_size=(1, 7), padding=(0, 3))
        self.branch7x7_3 = Conv(c7, w(192), kernel_size=(7, 1), padding=(3, 0))
        self.branch7x7dbl_1 = Conv(cin, c7, kernel_size=1)
        self.branch7x7dbl_2 = Conv(c7, c7, kernel_size=(7, 1), padding=(3, 0))
        self.branch7x7dbl_3 = Conv(c7, c7, kernel_size=(1, 7), padding=(0, 3))
        self.branch7x7dbl_4 = Conv(c7, c7, kernel_size=(7, 1), padding=(3, 0))
        self.branch7x7dbl_5 = Conv(c7, w(192), kernel_size=(1, 7), padding=(0, 3))
        self.branch_pool = Conv(cin, w(192), kernel_size=1)
        self.out = 4 * w(192)

    def forward(self, x):
        d = x
        for layer in (self.branch7x7dbl_1, self.branch7x7dbl_2, self.branch7x7dbl_3, self.branch7x7dbl_4, self.branch7x7dbl_5):
            d = layer(d)
        return torch.cat([self.branch1x1(x), self.branch7x7_3(self.branch7x7_2(self.branch7x7_1(x))), d,
                          self.branch_pool(avg_pool(x))], 1)


class BlockD(nn.Module):
    def __init__(self, cin, w):
        super().__init__()
        self.branch3x3_1 = Conv(cin, w(192), kernel_size=1)
        self.branch3x3_2 = Conv(w(192), w(320), kernel_size=3, stride=2)
        self.branch7x7x3_1 = Conv(cin, w(192), kernel_size=1)
        self.branch7x7x3_2 = Conv(w(192), w(192), kernel_size=(1, 7), padding=(0, 3))
        self.branch7x7x3_3 = Conv(w(192), w(192), kernel_size=(7, 1), padding=(3, 0))
        self.branch7x7x3_4 = Conv(w(192), w(192), kernel_size=3, stride=2)
        self.out = w(320) + w(192) + cin

    def forward(self, x):
        b = x
        for layer in (self.branch7x7x3_1, self.branch7x7x3_2, self.branch7x7x3_3, self.branch7x7x3_4):
            b = layer(b)
        return torch.cat([self.branch3x3_2(self.branch3x3_1(x)), b, F.max_pool2d(x, 3, stride=2)], 1)


class BlockE(nn.Module):
    def __init__(self, cin, w, max_pool):
        super().__init__()
        self.max_pool = max_pool
        self.branch1x1 = Conv(cin, w(320), kernel_size=1)
        self.branch3x3_1 = Conv(cin, w(384), kernel_size=1)
        self.branch3x3_2a = Conv(w(384), w(384), kernel_size=(1, 3), padding=(0, 1))
        self.branch3x3_2b = Conv(w(384), w(384), kernel_size=(3, 1), padding=(1, 0))
        self.branch3x3dbl_1 = Conv(cin, w(448), kernel_size=1)
        self.branch3x3dbl_2 = Conv(w(448), w(384), kernel_size=3, padding=1)
        self.branch3x3dbl_3a = Conv(w(384), w(384), kernel_size=(1, 3), padding=(0, 1))
        self.branch3x3dbl_3b = Conv(w(384), w(384), kernel_size=(3, 1), padding=(1, 0))
        self.branch_pool = Conv(cin, w(192), kernel_size=1)
        self.out = w(320) + 4 * w(384) + w(192)

    def forward(self, x):
        b3 = self.branch3x3_1(x)
        bd = self.branch3x3dbl_2(self.branch3x3dbl_1(x))
        pooled = F.max_pool2d(x, 3, stride=1, padding=1) if self.max_pool else avg_pool(x)
        return torch.cat([self.branch1x1(x), self.branch3x3_2a(b3), self.branch3x3_2b(b3),
                          self.branch3x3dbl_3a(bd), self.branch3x3dbl_3b(bd), self.branch_pool(pooled)], 1)


class FidInception(nn.Module):
    """Inception-v3 up to pool3; divisor 1 is the full network, 16 the tiny one."""

    def __init__(self, divisor=1):
        super().__init__()
        w = lambda c: c // divisor
        self.Conv2d_1a_3x3 = Conv(3, w(32), kernel_size=3, stride=2)
        self.Conv2d_2a_3x3 = Conv(w(32), w(32), kernel_size=3)
        self.Conv2d_2b_3x3 = Conv(w(32), w(64), kernel_size=3, padding=1)
        self.Conv2d_3b_1x1 = Conv(w(64), w(80), kernel_size=1)
        self.Conv2d_4a_3x3 = Conv(w(80), w(192), kernel_size=3)
        self.Mixed_5b = BlockA(w(192), w(32), w)
        self.Mixed_5c = BlockA(self.Mixed_5b.out, w(64), w)
        self.Mixed_5d = BlockA(self.Mixed_5c.out, w(64), w)
        self.Mixed_6a = BlockB(self.Mixed_5d.out, w)
        self.Mixed_6b = BlockC(self.Mixed_6a.out, w(128), w)
        self.Mixed_6c = BlockC(768 // divisor, w(160), w)
        self.Mixed_6d = BlockC(768 // divisor, w(160), w)
        self.Mixed_6e = BlockC(768 // divisor, w(192), w)
        self.Mixed_7a = BlockD(768 // divisor, w)
        self.Mixed_7b = BlockE(self.Mixed_7a.out, w, max_pool=False)
        self.Mixed_7c = BlockE(self.Mixed_7b.out, w, max_pool=True)
        self.features = self.Mixed_7c.out
        self.fc = nn.Linear(self.features, 1008)

    def forward(self, x):
        for name in ("Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3"):
            x = getattr(self, name)(x)
        x = F.max_pool2d(x, 3, stride=2)
        x = self.Conv2d_4a_3x3(self.Conv2d_3b_1x1(x))
        x = F.max_pool2d(x, 3, stride=2)
        for name in ("5b", "5c", "5d", "6a", "6b", "6c", "6d", "6e", "7a", "7b", "7c"):
            x = getattr(self, "Mixed_" + name)(x)
        return torch.flatten(F.adaptive_avg_pool2d(x, 1), 1)


def make(tiny, seed):
    """The model with random weights and calibrated BatchNorm statistics (deterministic per seed)."""
    torch.manual_seed(seed)
    model = FidInception(16 if tiny else 1)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.momentum = None  # cumulative average over the calibration batch
            nn.init.uniform_(m.weight, 0.5, 1.5)
            nn.init.uniform_(m.bias, -0.2, 0.3)
    calibration = common.to_nchw([common.test_pattern(1000 + i, 299, 299) for i in range(4)], 128.0, 128.0)
    model.train()
    with torch.no_grad():
        model(calibration)
    return model.eval()


def reference_inputs():
    """Test patterns 0..7 at 299x299, normalised as the clean/tf1 modes do at native size: (x - 128) / 128."""
    return common.to_nchw([common.test_pattern(i, 299, 299) for i in range(8)], 128.0, 128.0)


def build(out_dir, tiny, seed):
    model = make(tiny, seed)
    path = out_dir / (NAME + ".onnx")
    x = reference_inputs()
    common.export(model, x[:2], path, "pixels", ["pool3"], {"pixels": {0: "batch"}, "pool3": {0: "batch"}})
    with torch.no_grad():
        features = model(x)
    common.write_json(out_dir / "reference" / (NAME + ".json"), {
        "model": NAME, "inputs": "test patterns 0..7, 299x299, (x - 128) / 128", "features": common.floats(features)})
    size = "tiny (channels / 16)" if tiny else "full"
    return [common.entry(NAME, f"pt_inception-2015-12-05 architecture, {size}, random weights seed {seed}", path,
                         [("pixels", [-1, 3, 299, 299])], [("pool3", [-1, model.features])],
                         "inception-clean", model.features)]
