#!/usr/bin/python3
"""NumPy/SciPy's figure for `omnictx bench fid` (benchmark, not a test): the same sizes, timed the way pytorch-fid
computes FID (scipy.linalg.sqrtm of sigma1 @ sigma2) and torch-fidelity computes KID (polynomial kernel, 100 subsets).

  /usr/bin/python3 tools/bench-fid-scipy.py [REPETITIONS] [DIMENSION]

Features are random (uniform, non-negative), not the harness's synthetic ones: the figures are times, not values.
The BLAS that NumPy links is printed: Debian's python3-numpy uses the reference BLAS/LAPACK unless an optimised one
is installed as the alternative, so this is a floor for SciPy, not a peer of an optimised build.
"""
import sys, time
import numpy as np
import scipy
import scipy.linalg


def timed(repetitions, step):
    times, value = [], None
    for _ in range(repetitions):
        start = time.perf_counter()
        value = step()
        times.append(time.perf_counter() - start)
    return float(np.median(times)), value


def statistics(features):
    return features.mean(axis=0), np.cov(features, rowvar=False)


def fid_pytorch(mu1, sigma1, mu2, sigma2, eps=1e-6):
    # pytorch-fid's calculate_frechet_distance
    diff = mu1 - mu2
    covmean, _ = scipy.linalg.sqrtm(sigma1.dot(sigma2), disp=False)
    if not np.isfinite(covmean).all():
        offset = np.eye(sigma1.shape[0]) * eps
        covmean = scipy.linalg.sqrtm((sigma1 + offset).dot(sigma2 + offset))
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    return diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean)


def kid(a, b, subsets=100, subset_size=1000, seed=0):
    # torch-fidelity's kid: unbiased MMD^2, polynomial kernel of degree 3, gamma 1/d, coef 1
    d = a.shape[1]
    m = min(subset_size, len(a), len(b))
    rng = np.random.RandomState(seed)
    values = []
    for _ in range(subsets):
        x = a[rng.choice(len(a), m, replace=False)]
        y = b[rng.choice(len(b), m, replace=False)]
        kxx, kyy, kxy = (x @ x.T / d + 1) ** 3, (y @ y.T / d + 1) ** 3, (x @ y.T / d + 1) ** 3
        values.append((kxx.sum() - np.trace(kxx) + kyy.sum() - np.trace(kyy)) / (m * (m - 1)) - 2 * kxy.mean())
    return float(np.mean(values))


def linked_blas():
    """Shared libraries with blas or lapack in their name that this process has loaded (Linux)."""
    np.ones((2, 2)) @ np.ones((2, 2))
    scipy.linalg.eigvalsh(np.eye(2))
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() or "lapack" in line.lower()}
        names = sorted({p.rsplit("/", 1)[-1] for p in paths if p.startswith("/")})
        return ", ".join(n for n in names if n.startswith("lib")) or "none found"
    except OSError:
        return "unknown"


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    d = int(sys.argv[2]) if len(sys.argv) > 2 else 2048
    rng = np.random.default_rng(1)
    features = lambda n, shift: np.maximum(rng.standard_normal((n, d)) * 0.5 + shift, 0).astype(np.float32).astype(np.float64)
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, linked: {linked_blas()}; d = {d}, median of {repetitions}")
    rows = []
    x1600 = features(1600, 0)
    t, _ = timed(repetitions, lambda: statistics(x1600))
    rows.append(("statistics of 1600 vectors (np.cov)", t))
    for name, n in (("FID full rank (4096 vs 4096 samples)", 4096), ("FID rank-deficient (1200 vs 1200 samples)", 1200)):
        (mu1, s1), (mu2, s2) = statistics(features(n, 0)), statistics(features(n, 0.05))
        t, value = timed(repetitions, lambda: fid_pytorch(mu1, s1, mu2, s2))
        rows.append((f"{name}, sqrtm", t))
    a, b = features(1200, 0), features(400, 0.05)
    t, _ = timed(repetitions, lambda: kid(a, b))
    rows.append(("KID 1200 vs 400 (100 subsets of 400)", t))
    for name, seconds in rows:
        print(f"{name:<50} {seconds:9.3f} s")


if __name__ == "__main__":
    main()
