#!/usr/bin/python3
"""Expected values for the Wilcoxon signed-rank test (scipy) used by tests/OmniContextEval.Core.Tests.

Run: /usr/bin/python3 tools/make-statistics-fixtures.py
Writes tests/fixtures/statistics/wilcoxon.json: for each sample of paired differences, the two-sided p-value of
scipy.stats.wilcoxon with zero_method="wilcox", correction=True, method="approx" (normal approximation with tie
and continuity corrections), which is what OmniContextEval.Core.Statistics.WilcoxonSignedRank computes.
"""
import json
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261122)
samples = {
    "shifted_normal_30": np.round(rng.normal(0.8, 2.0, 30), 3),
    "no_shift_40": np.round(rng.normal(0.0, 1.0, 40), 3),
    "ties_and_zeros": np.array([1.0, -1.0, 2.0, 2.0, 0.0, 3.0, -0.5, 1.0, 0.0, 4.0, 2.0, -2.0]),
    "all_positive_12": np.round(rng.uniform(0.1, 5.0, 12), 3),
}
cases = []
for name, values in samples.items():
    p = stats.wilcoxon(values, zero_method="wilcox", correction=True, alternative="two-sided", method="approx").pvalue
    cases.append({"name": name, "differences": [float(v) for v in values], "p": float(p)})

out = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "statistics", "wilcoxon.json")
with open(out, "w") as f:
    json.dump({"generator": "scipy " + __import__("scipy").__version__, "cases": cases}, f, indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases to {os.path.normpath(out)}")
