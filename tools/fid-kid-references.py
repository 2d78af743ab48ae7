#!/usr/bin/python3
"""Expected FID and KID values on long-tailed feature sets (tests/fixtures/metrics/long-tail.json, long-tail-64-{a,b}.npz).

  /usr/bin/python3 tools/fid-kid-references.py --pytorch-fid DIR --torch-fidelity DIR

DIR are checkouts of github.com/mseitzer/pytorch-fid and github.com/toshas/torch-fidelity, run beside the project
(never copied into it). Needs Debian's python3-numpy, python3-scipy and python3-torch; takes a few minutes (scipy's
sqrtm of a 2048 x 2048 product, three times).

The feature sets are built from SplitMix64 draws by a fixed sequence of IEEE operations, the same bits as
tests/OmniContextEval.Metrics.Tests/TestSupport/LongTailFeatures.cs builds: 16 shared factors of halving amplitude over
per-dimension noise whose scale decays geometrically, stored as float32. Near 2048 samples their covariances have
eigenvalues from about 80 down to 1e-7 and S1 S2 has eigenvalues down to 1e-13, hundreds of them below a relative
floor of d * eps * max (the long tail that such a floor drops).

Writes, per pair of sets: pytorch-fid's calculate_frechet_distance on NumPy's statistics (np.mean, np.cov), the
symmetric eigen form (eigh of sqrt(S1) S2 sqrt(S1), clipped at 0) and the plain eigenvalues of S1 S2; torch-fidelity's
kid_features_to_metric with its defaults (100 subsets of 1000, rng_seed 2020) on the features as float64 and as
float32; the first indices of numpy.random.RandomState(seed).choice(n, m, replace=False) and raw MT19937 outputs.
"""
import argparse, json, pathlib, sys
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "metrics"
GAMMA = np.uint64(0x9E3779B97F4A7C15)
FACTORS = 16
WEIGHT_SEED = 7


def uniform(seed, k):
    """The k-th SplitMix64 output of stream `seed` as a double in [0, 1) (53 bits)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (k.astype(np.uint64) + np.uint64(1)) * GAMMA
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def normal(seed, k):
    k4 = k.astype(np.uint64) * np.uint64(4)
    u = [uniform(seed, k4 + np.uint64(i)) for i in range(4)]
    return ((u[0] + u[1]) + u[2]) + u[3] - 2.0


def features(rows, d, seed, noise, decay=0.99778, amplitude=0.6):
    w = (uniform(WEIGHT_SEED, np.arange(FACTORS * d)).reshape(FACTORS, d) - 0.5) * 2.0
    scales = np.empty(d)
    scales[0] = 1.0
    for j in range(1, d):
        scales[j] = scales[j - 1] * decay
    idx = np.arange(rows * (FACTORS + d)).reshape(rows, FACTORS + d)
    g, z = normal(seed, idx[:, :FACTORS]), normal(seed, idx[:, FACTORS:])
    x = np.zeros((rows, d))
    a = amplitude
    for f in range(FACTORS):
        x += (g[:, f:f + 1] * a) * w[f]
        a *= 0.5
    x += z * (scales * noise)
    return x.astype(np.float32)


def statistics(x):
    x = x.astype(np.float64)
    return x.mean(0), np.cov(x, rowvar=False)  # what pytorch-fid's calculate_activation_statistics does


def eigen_forms(mu1, s1, mu2, s2):
    w, v = np.linalg.eigh(s1)
    root = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    m = root @ s2 @ root
    sym = np.clip(np.linalg.eigvalsh((m + m.T) / 2), 0, None)
    plain = np.clip(np.linalg.eigvals(s1 @ s2).real, 0, None)
    base = float((mu1 - mu2) @ (mu1 - mu2) + np.trace(s1) + np.trace(s2))
    return base - 2 * float(np.sqrt(sym).sum()), base - 2 * float(np.sqrt(plain).sum()), sym


def fid_case(name, rows_a, rows_b, d, fid_score):
    a, b = features(rows_a, d, 1, 1.0), features(rows_b, d, 2, 1.1)
    (mu1, s1), (mu2, s2) = statistics(a), statistics(b)
    eig, plain, sym = eigen_forms(mu1, s1, mu2, s2)
    pf = float(fid_score.calculate_frechet_distance(mu1, s1, mu2, s2))
    floor = d * 2.220446049250313e-16 * sym.max()
    print(f"{name}: pytorch-fid {pf!r} eigh {eig!r} eigvals {plain!r}; {int((sym < floor).sum())} eigenvalues of "
          f"S1 S2 below d*eps*max, smallest {sym.min():.3g}")
    return a, b, {"name": name, "rowsA": rows_a, "rowsB": rows_b, "dimension": d, "seedA": 1, "seedB": 2,
                  "noiseA": 1.0, "noiseB": 1.1, "fidPytorchFid": pf, "fidEigh": eig, "fidEigvals": plain,
                  "meanDistanceSquared": float((mu1 - mu2) @ (mu1 - mu2)), "traceA": float(np.trace(s1))}


def kid_case(a, b, kid):
    import torch
    out = {"rowsA": len(a), "rowsB": len(b), "subsets": 100, "subsetSize": 1000, "seed": 2020}
    for dtype, key in ((torch.float64, ""), (torch.float32, "Float32")):
        r = kid.kid_features_to_metric(torch.from_numpy(a).to(dtype), torch.from_numpy(b).to(dtype),
                                       kid_subsets=100, kid_subset_size=1000, rng_seed=2020, verbose=False)
        out["mean" + key], out["std" + key] = r[kid.KEY_METRIC_KID_MEAN], r[kid.KEY_METRIC_KID_STD]
    print(f"KID {len(a)} vs {len(b)}: {out}")
    return out


def sampler_cases():
    cases = []
    for seed, n, m in ((2020, 2100, 1000), (0, 10, 10), (12345, 1000, 17), (4294967295, 300, 299)):
        rs = np.random.RandomState(seed)
        first, second = rs.choice(n, m, replace=False), rs.choice(n, m, replace=False)
        cases.append({"seed": seed, "population": n, "count": m, "first": first[:20].tolist(), "second": second[:20].tolist(),
                      "firstSum": int(first.sum()), "secondSum": int(second.sum())})
    bits = np.random.MT19937()
    bits._legacy_seeding(2020)
    raw = [int(v) for v in bits.random_raw(5)]
    return {"choices": cases, "mt19937Seed2020Raw": raw}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pytorch-fid", required=True)
    ap.add_argument("--torch-fidelity", required=True)
    args = ap.parse_args()
    sys.path.insert(0, str(pathlib.Path(args.pytorch_fid) / "src"))
    sys.path.insert(0, str(pathlib.Path(args.torch_fidelity)))
    from pytorch_fid import fid_score
    from torch_fidelity import metric_kid
    result = {"generator": f"numpy {np.__version__}", "fid": [], "kid": []}
    small_a, small_b, small = fid_case("64-d, 80 vs 70 samples (committed .npz)", 80, 70, 64, fid_score)
    (mu1, s1), (mu2, s2) = statistics(small_a), statistics(small_b)
    np.savez_compressed(OUT / "long-tail-64-a.npz", mu=mu1, sigma=s1)  # clean-fid's layout (compressed)
    np.savez(OUT / "long-tail-64-b.npz", mu=mu2, sigma=s2)  # pytorch-fid's layout
    result["fid"].append(small)
    a, b, full = fid_case("full rank, 2100 vs 2100", 2100, 2100, 2048, fid_score)
    result["fid"].append(full)
    result["kid"].append(kid_case(a, b, metric_kid))
    for name, rows_a, rows_b in (("mixed, 1500 vs 2100", 1500, 2100), ("rank-deficient, 1500 vs 1200", 1500, 1200)):
        a, b, case = fid_case(name, rows_a, rows_b, 2048, fid_score)
        result["fid"].append(case)
        if name.startswith("rank"):
            result["kid"].append(kid_case(a, b, metric_kid))
    result["numpyRandomState"] = sampler_cases()
    with open(OUT / "long-tail.json", "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT / 'long-tail.json'}")


if __name__ == "__main__":
    main()
