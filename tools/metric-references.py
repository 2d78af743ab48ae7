#!/usr/bin/python3
"""Expected values for the FID/KID, LPIPS, PSNR and SSIM parity tests (tests/fixtures/metrics/).

  /usr/bin/python3 tools/metric-references.py [--pytorch-fid DIR] [--lpips DIR] [--lin-weights JSON]

Needs Debian's python3-torch, python3-numpy, python3-scipy and python3-skimage (apt-get install python3-skimage).
DIR are checkouts of github.com/mseitzer/pytorch-fid and github.com/richzhang/PerceptualSimilarity run beside
the project (never copied into it); when given, their own functions compute a second expected value:
  - pytorch-fid: calculate_frechet_distance on the committed feature sets; its FID Inception-v3 with the
    full-size random weights of tools/models/inception.py must give the same pool3 features as ours.
  - PerceptualSimilarity: lpips.LPIPS with our tiny trunks and tiny linear weights plugged in; with
    --lin-weights (the real v0.1 JSON) also the full-size trunks against our PyTorch LPIPS formula.
The committed files were made with all three options (the tests read the reference projects' values):
  --pytorch-fid <checkout of mseitzer/pytorch-fid> --lpips <checkout of richzhang/PerceptualSimilarity>
  --lin-weights ../shared/reference-data/lpips/lpips_v0.1_lin_weights.json
Writes: fid-features-{a,b}.npy (float32 [256, 48]), fid-stats-a.npz (np.savez mu, sigma), fid-kid.json, pixel-pair-K-{a,b}.npy (uint8 HxWx3),
pixel.json (skimage PSNR/SSIM and our numpy/scipy SSIM), lpips-reference-project.json.
"""
import argparse, json, pathlib, sys
import numpy as np
import scipy.ndimage
import torch

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "metrics"
sys.path.insert(0, str(ROOT / "tools"))
from models import inception, lpips as lpips_models, _metric_common as common  # noqa: E402


def frechet_eigen(mu1, s1, mu2, s2):
    """Symmetric eigen form: Tr sqrt(S1 S2) = sum sqrt(eig(sqrt(S1) S2 sqrt(S1)))."""
    w, v = np.linalg.eigh(s1)
    root = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    m = root @ s2 @ root
    e = np.clip(np.linalg.eigvalsh((m + m.T) / 2), 0, None)
    d = mu1 - mu2
    return float(d @ d + np.trace(s1) + np.trace(s2) - 2 * np.sqrt(e).sum())


def kid_subset(x, y):
    """Unbiased MMD^2 with k(a, b) = (a.b / d + 1)^3 on equal-size sets."""
    d, m = x.shape[1], x.shape[0]
    kxx, kyy, kxy = (x @ x.T / d + 1) ** 3, (y @ y.T / d + 1) ** 3, (x @ y.T / d + 1) ** 3
    return float((kxx.sum() - np.trace(kxx) + kyy.sum() - np.trace(kyy)) / (m * (m - 1)) - 2 * kxy.sum() / m ** 2)


def fid_kid(args):
    rng = np.random.default_rng(20261122)
    n, d = 256, 48
    a = rng.normal(0, 1, (n, d)) @ (np.eye(d) + 0.3 * rng.normal(0, 1, (d, d)) / np.sqrt(d))
    b = 0.8 * rng.normal(0, 1, (n, d)) @ (np.eye(d) + 0.5 * rng.normal(0, 1, (d, d)) / np.sqrt(d)) + 0.25
    a, b = a.astype(np.float32), b.astype(np.float32)
    np.save(OUT / "fid-features-a.npy", a)
    np.save(OUT / "fid-features-b.npy", b)
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    mu1, mu2 = a64.mean(0), b64.mean(0)
    s1, s2 = np.cov(a64, rowvar=False), np.cov(b64, rowvar=False)
    result = {"features": "fid-features-a.npy vs fid-features-b.npy", "fidEigen": frechet_eigen(mu1, s1, mu2, s2),
              "traceSigmaA": float(np.trace(s1)), "mu0A": float(mu1[0]), "sigma01A": float(s1[0, 1]),
              "kidFullSet": kid_subset(a64, b64), "kidFullSetSame": kid_subset(a64, a64)}
    if args.pytorch_fid:
        sys.path.insert(0, str(pathlib.Path(args.pytorch_fid) / "src"))
        from pytorch_fid import fid_score
        result["fidPytorchFid"] = float(fid_score.calculate_frechet_distance(mu1, s1, mu2, s2))
        print(f"FID eigen {result['fidEigen']!r} pytorch-fid {result['fidPytorchFid']!r}")
    np.savez(OUT / "fid-stats-a.npz", mu=mu1, sigma=s1)  # pytorch-fid's statistics layout
    common.write_json(OUT / "fid-kid.json", result)


def ssim_numpy(a, b, data_range=255.0):
    """scikit-image's convention (gaussian_weights, sigma 1.5, truncate 3.5 -> 11x11, population covariance):
    per channel SSIM map, mean over the interior (5 pixels cropped from each border), averaged over channels."""
    out = []
    for c in range(a.shape[2]):
        x, y = a[..., c].astype(np.float64), b[..., c].astype(np.float64)
        f = lambda t: scipy.ndimage.gaussian_filter(t, 1.5, truncate=3.5)
        ux, uy, uxx, uyy, uxy = f(x), f(y), f(x * x), f(y * y), f(x * y)
        vx, vy, vxy = uxx - ux * ux, uyy - uy * uy, uxy - ux * uy
        c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
        s = (2 * ux * uy + c1) * (2 * vxy + c2) / ((ux ** 2 + uy ** 2 + c1) * (vx + vy + c2))
        out.append(s[5:-5, 5:-5].mean())
    return float(np.mean(out))


def pixel_pairs():
    from skimage.metrics import structural_similarity, peak_signal_noise_ratio
    rng = np.random.default_rng(7)
    pairs = []
    for k, (h, w) in enumerate([(40, 56), (64, 64), (23, 31), (12, 12)]):
        y, x = np.mgrid[0:h, 0:w]
        base = np.stack([128 + 90 * np.sin(x / 5 + c) * np.cos(y / 7 - c) for c in range(3)], -1)
        a = np.clip(base + rng.normal(0, 12, base.shape), 0, 255).round().astype(np.uint8)
        b = np.clip(0.9 * base + 15 + rng.normal(0, 20, base.shape), 0, 255).round().astype(np.uint8)
        np.save(OUT / f"pixel-pair-{k}-a.npy", a)
        np.save(OUT / f"pixel-pair-{k}-b.npy", b)
        ref = dict(channel_axis=2, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255)
        pairs.append({"pair": k, "height": h, "width": w,
                      "psnr": float(peak_signal_noise_ratio(a, b, data_range=255)),
                      "ssimSkimage": float(structural_similarity(a, b, **ref)), "ssimNumpy": ssim_numpy(a, b),
                      "ssimSelf": float(structural_similarity(a, a, **ref))})
    common.write_json(OUT / "pixel.json", {"reference": "scikit-image structural_similarity(gaussian_weights=True, "
                                           "sigma=1.5, use_sample_covariance=False, data_range=255, channel_axis=2)",
                                           "pairs": pairs})


class Trunk(torch.nn.Module):
    """Our tap network without its scaling layer, shaped as PerceptualSimilarity's trunks (a tuple of 5 taps)."""

    def __init__(self, taps):
        super().__init__()
        self.inner = taps

    def forward(self, x):
        return self.inner(x * self.inner.scale + self.inner.shift)  # undo: the reference applies its own scaling


def reference_lpips(lp_pkg, net, tiny, lins):
    lp = lp_pkg.LPIPS(net=net, pretrained=False, pnet_rand=True, verbose=False)
    model = lpips_models.make(net, tiny, 0)
    lp.net = Trunk(model)
    lp.chns = model.channels
    lp.lins = torch.nn.ModuleList([lp_pkg.NetLinLayer(c, use_dropout=True) for c in model.channels])
    for layer, w in zip(lp.lins, lins):
        layer.model[1].weight.data = torch.from_numpy(np.asarray(w, dtype=np.float32)).view(1, -1, 1, 1)
    lp.eval()
    rows = []
    with torch.no_grad():
        for a, b, h, w in lpips_models.PAIRS:
            pa, pb = lpips_models.pixels(a, h, w), lpips_models.pixels(b, h, w)
            ours = float(lpips_models.lpips_distance(model, [np.asarray(x, np.float32) for x in lins], pa, pb)[0])
            rows.append({"a": a, "b": b, "height": h, "width": w, "distance": float(lp(pa, pb).view(-1)[0]), "oursPytorch": ours})
    return rows


def lpips_reference(args):
    sys.path.insert(0, str(args.lpips))
    if "tqdm" not in sys.modules:  # only its training code uses tqdm (not packaged in Debian's python3 here)
        import types
        sys.modules["tqdm"] = types.SimpleNamespace(tqdm=lambda it, *a, **k: it)
    import lpips as lp_pkg
    lin_file = json.loads((ROOT / "tests/fixtures/models/lpips-tiny-lin.json").read_text())
    result = {"reference": "richzhang/PerceptualSimilarity lpips.LPIPS, tiny trunks and tiny linear weights"}
    for net in ("alex", "vgg"):
        lins = [lin_file[f"v0.1/{net}"][f"lin{k}.model.1.weight"]["values"] for k in range(5)]
        result[net] = reference_lpips(lp_pkg, net, True, lins)
        print(net, "tiny", result[net])
        if args.lin_weights:
            real = json.loads(pathlib.Path(args.lin_weights).read_text())
            lins = [real[f"v0.1/{net}"][f"lin{k}.model.1.weight"]["values"] for k in range(5)]
            print(net, "full-size trunk, real v0.1 lin weights", reference_lpips(lp_pkg, net, False, lins))
    common.write_json(OUT / "lpips-reference-project.json", result)


def inception_reference(args):
    """pytorch-fid's own FID Inception loaded with our full-size random weights must match our module."""
    sys.path.insert(0, str(pathlib.Path(args.pytorch_fid) / "src"))
    from pytorch_fid import inception as pf
    ours = inception.make(False, 0)
    pf.load_state_dict_from_url = lambda *a, **k: ours.state_dict()
    theirs = pf.InceptionV3([3], resize_input=False, normalize_input=False, use_fid_inception=True).eval()
    x = inception.reference_inputs()[:4]
    with torch.no_grad():
        a, b = ours(x), theirs(x)[0].flatten(1)
    print(f"pytorch-fid FID Inception vs ours (full size, random weights): max |diff| {float((a - b).abs().max()):.3g}, "
          f"max |feature| {float(a.abs().max()):.3g}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pytorch-fid")
    ap.add_argument("--lpips")
    ap.add_argument("--lin-weights")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    fid_kid(args)
    pixel_pairs()
    if args.lpips:
        lpips_reference(args)
    if args.pytorch_fid:
        inception_reference(args)


if __name__ == "__main__":
    main()
