# Reference values for test/ab/*.test.ts, from SciPy and statsmodels (Debian packages python3-scipy 1.10 and
# python3-statsmodels 0.13). Run: /usr/bin/python3 test/ab/reference.py   (prints one JSON object per section)
import json, math
import numpy as np
from scipy import stats, integrate
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (proportion_effectsize, proportions_ztest, confint_proportions_2indep,
                                          samplesize_proportions_2indep_onetail, power_proportions_2indep)
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

def out(name, value):
    print(name, "=", json.dumps(value, default=float), ";")

out("NORMAL_CDF", [[z, stats.norm.cdf(z)] for z in [-37, -20, -10, -5, -1.96, -1, 0, 0.5, 1, 3]])
out("NORMAL_SF", [[z, stats.norm.sf(z)] for z in [3, 8, 20]])
out("NORMAL_PPF", [[p, stats.norm.ppf(p)] for p in [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]])
out("T_CDF", [[t, df, stats.t.cdf(t, df)] for t, df in [(2, 5), (-3, 1.5), (0.5, 1), (10, 3), (-40, 2), (2, 1e7), (1.3, 123.4), (-6, 30), (-1e4, 1)]])
# scipy 1.10's t.ppf is only good to ~1e-9 at small df (e.g. df = 1, 2.5), so the quantiles are solved with mpmath
# (40 digits) from scipy's value: I_{ν/(ν+t²)}(ν/2, ½)/2 = min(p, 1 − p).
import mpmath
mpmath.mp.dps = 40
def t_ppf(p, df):
    q, nu = mpmath.mpf(min(p, 1 - p)), mpmath.mpf(df)
    f = lambda t: mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2 - q
    t = mpmath.findroot(f, mpmath.mpf(abs(stats.t.ppf(p, df))))
    return float(t if p > 0.5 else -t)
out("T_PPF", [[p, df, t_ppf(p, df)] for p, df in [(0.975, 1), (0.975, 10), (0.995, 2.5), (1e-10, 1), (0.025, 57.3), (0.975, 1e7), (0.9, 4), (1e-8, 30)]])
out("CHI2_SF", [[x, df, stats.chi2.sf(x, df)] for x, df in [(3.84, 1), (100, 3), (0.5, 2), (20, 10), (1000, 5), (0.01, 1)]])
out("CHI2_CDF", [[x, df, stats.chi2.cdf(x, df)] for x, df in [(3.84, 1), (0.5, 2), (20, 10), (0.01, 1)]])
out("BETA_PPF", [[p, a, b, stats.beta.ppf(p, a, b)] for p, a, b in [(0.025, 21, 81), (0.975, 21, 81), (0.5, 1e6, 9e6), (0.975, 1, 1e6),
    (0.025, 0.5, 0.5), (1e-10, 2, 3), (0.999, 3, 1e4), (0.025, 1, 1), (0.975, 101, 1), (0.5, 1.5, 2.5), (0.025, 1, 101)]])
out("BETA_CDF", [[x, a, b, stats.beta.cdf(x, a, b)] for x, a, b in [(0.3, 2, 3), (0.1, 21, 81), (0.0001, 1, 1e4), (0.9, 50, 5)]])

# Sample sizes per arm: "unpooled" = NormalIndPower with es = δ/√((p1q1+p2q2)/2); "pooled" =
# samplesize_proportions_2indep_onetail (pooled variance under H0); "arcsine" = NormalIndPower with Cohen's h.
rows = []
for p1, d, alpha, power in [(0.2, 0.05, 0.05, 0.8), (0.05, 0.01, 0.05, 0.8), (0.1, 0.02, 0.01, 0.9), (0.5, 0.1, 0.05, 0.9), (0.01, 0.002, 0.05, 0.8)]:
    p2 = p1 + d
    es = d / math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2)
    rows.append(dict(p1=p1, d=d, alpha=alpha, power=power,
        unpooled=NormalIndPower().solve_power(es, alpha=alpha, power=power, ratio=1),
        pooled=samplesize_proportions_2indep_onetail(d, p1, power, alpha=alpha, alternative="two-sided"),
        arcsine=NormalIndPower().solve_power(proportion_effectsize(p2, p1), alpha=alpha, power=power, ratio=1)))
out("SAMPLE_SIZES", rows)
out("POWER_AT_N", [dict(p1=p1, d=d, n=n,
    unpooled=NormalIndPower().power(d / math.sqrt((p1 * (1 - p1) + (p1 + d) * (1 - p1 - d)) / 2), n, 0.05, ratio=1),
    pooled=power_proportions_2indep(d, p1, n, alpha=0.05, return_results=False)) for p1, d, n in [(0.2, 0.05, 500), (0.2, 0.05, 1030), (0.05, 0.01, 4000), (0.3, 0.01, 100)]])
out("MEANS", [dict(sd=sd, mde=m, alpha=a, power=pw, n=NormalIndPower().solve_power(m / sd, alpha=a, power=pw, ratio=1),
    powerAt1000=NormalIndPower().power(m / sd, 1000, a, ratio=1)) for sd, m, a, pw in [(50, 5, 0.05, 0.8), (1, 0.1, 0.01, 0.9)]])
# Multiple variants: k = 3 vs control at family alpha 0.05, p = 0.1, δ = 0.02 (unpooled), power 0.8.
p1, d = 0.1, 0.02; es = d / math.sqrt((p1 * (1 - p1) + (p1 + d) * (1 - p1 - d)) / 2)
out("MULTI", dict(bonferroni=NormalIndPower().solve_power(es, alpha=0.05 / 3, power=0.8), sidak=NormalIndPower().solve_power(es, alpha=1 - 0.95 ** (1 / 3), power=0.8)))

# z-test (pooled) and Wald / log-ratio intervals; order B then A so the difference is B − A.
zt = []
for xa, na, xb, nb in [(100, 1000, 120, 1000), (200, 10000, 260, 10000), (5, 40, 9, 37), (1_000_000, 10_000_000, 1_001_500, 10_000_000), (50, 500, 50, 500)]:
    z, p = proportions_ztest([xb, xa], [nb, na])
    lo, hi = confint_proportions_2indep(xb, nb, xa, na, method="wald", compare="diff")
    rlo, rhi = confint_proportions_2indep(xb, nb, xa, na, method="log", compare="ratio")
    zt.append(dict(xa=xa, na=na, xb=xb, nb=nb, z=z, p=p, lo=lo, hi=hi, rlo=rlo - 1, rhi=rhi - 1))
out("ZTEST", zt)

# Welch from summary statistics (scipy), df and CI by the Welch–Satterthwaite formula with scipy's t.ppf.
wt = []
for a, b in [((1000, 10.0, 30.0), (1000, 12.5, 35.0)), ((12, 5.1, 2.0), (9, 7.9, 4.5)), ((2, 1.0, 0.5), (3, 2.0, 1.0))]:
    t, p = stats.ttest_ind_from_stats(b[1], b[2], b[0], a[1], a[2], a[0], equal_var=False)
    va, vb = a[2] ** 2 / a[0], b[2] ** 2 / b[0]
    df = (va + vb) ** 2 / (va ** 2 / (a[0] - 1) + vb ** 2 / (b[0] - 1))
    h = stats.t.ppf(0.975, df) * math.sqrt(va + vb)
    wt.append(dict(a=a, b=b, t=t, p=p, df=df, lo=b[1] - a[1] - h, hi=b[1] - a[1] + h))
out("WELCH", wt)
A = [0, 0, 12.5, 3.2, 0, 45.0, 7.7, 0, 0, 19.9, 2.5]
B = [5.5, 0, 0, 88.1, 14.2, 0, 3.3, 61.0, 0]
cm = CompareMeans(DescrStatsW(np.array(B)), DescrStatsW(np.array(A)))
t, p, df = cm.ttest_ind(usevar="unequal")
out("WELCH_ARRAYS", dict(A=A, B=B, t=t, p=p, df=df, ci=cm.tconfint_diff(usevar="unequal")))

tables = [[(100, 1000), (120, 1000), (90, 1000)], [(5, 50), (9, 50), (2, 48), (7, 51)], [(0, 10), (3, 10)]]
chi = []
for arms in tables:
    table = [[x for x, n in arms], [n - x for x, n in arms]]
    stat, p, dof, _ = stats.chi2_contingency(table, correction=False)
    chi.append(dict(arms=arms, stat=stat, p=p, dof=dof))
out("CHI2_INDEP", chi)
out("HOLM", dict(p=[0.01, 0.04, 0.03, 0.005], adj=multipletests([0.01, 0.04, 0.03, 0.005], method="holm")[1].tolist()))
out("SRM", [dict(obs=o, w=w, stat=r.statistic, p=r.pvalue) for o, w in [([5000, 5150], [1, 1]), ([1000, 1000], [1, 1]), ([3300, 3400, 3100], [1, 1, 1]), ([2000, 1000], [2, 1]), ([50000, 51000], [1, 1])]
    for r in [stats.chisquare(o, f_exp=np.array(w) / sum(w) * sum(o))]])

# P(pB > pA) and expected loss E[max(pA − pB, 0)] by scipy.integrate.quad on Beta posteriors.
def p_b_beats_a(A, B):
    lo, hi = stats.beta.ppf([1e-15, 1 - 1e-15], *B)
    return integrate.quad(lambda x: stats.beta.pdf(x, *B) * stats.beta.cdf(x, *A), lo, hi, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
def loss_of_b(A, B):  # ∫ f_B(y) ∫_y^1 (x − y) f_A(x) dx dy
    inner = lambda y: integrate.quad(lambda x: (x - y) * stats.beta.pdf(x, *A), y, 1, epsabs=1e-15, limit=200)[0]
    lo, hi = stats.beta.ppf([1e-13, 1 - 1e-13], *B)
    return integrate.quad(lambda y: stats.beta.pdf(y, *B) * inner(y), lo, hi, epsabs=1e-15, epsrel=1e-10, limit=500)[0]
pairs = [((101, 901), (121, 881)), ((1, 1), (1, 1)), ((1, 11), (11, 1)), ((2, 3), (3, 2)), ((51, 951), (41, 961)), ((0.5, 3.5), (2.5, 1.5)), ((1, 3), (1, 2))]
out("BAYES", [dict(A=A, B=B, p=p_b_beats_a(A, B), lossB=loss_of_b(A, B), lossA=loss_of_b(B, A)) for A, B in pairs])

# Revenue per user, normal approximation with a flat prior: D = μB − μA ~ N(d, sA²/nA + sB²/nB);
# P(D > 0) = Φ(d/s), loss of choosing B = ∫_0^∞ x·N(x; −d, s²) dx by quad.
def bayes_means(a, b):
    d, s = b[1] - a[1], math.sqrt(a[2] ** 2 / a[0] + b[2] ** 2 / b[0])
    lossB = integrate.quad(lambda x: x * stats.norm.pdf(x, -d, s), 0, np.inf)[0]
    lossA = integrate.quad(lambda x: x * stats.norm.pdf(x, d, s), 0, np.inf)[0]
    return dict(a=a, b=b, p=stats.norm.cdf(d / s), lossA=lossA, lossB=lossB)
out("BAYES_MEANS", [bayes_means((1000, 10.0, 30.0), (1000, 12.5, 35.0)), bayes_means((50, 20.0, 5.0), (40, 19.0, 6.0))])

# CUPED: θ = cov(X, Y)/var(X) on the pooled users, Y' = Y − θ(X − X̄), then Welch (statsmodels CompareMeans).
XA = [10, 12, 9, 15, 11, 8, 14, 13, 10, 12]; YA = [11, 13, 9, 17, 12, 8, 15, 15, 10, 13]
XB = [11, 9, 14, 10, 13, 12, 8, 15, 11, 10]; YB = [13, 10, 17, 12, 15, 14, 9, 18, 13, 11]
x, y = np.array(XA + XB, float), np.array(YA + YB, float)
theta = np.cov(x, y, ddof=1)[0, 1] / np.var(x, ddof=1)
adjA, adjB = np.array(YA) - theta * (np.array(XA) - x.mean()), np.array(YB) - theta * (np.array(XB) - x.mean())
raw, adj = CompareMeans(DescrStatsW(np.array(YB, float)), DescrStatsW(np.array(YA, float))), CompareMeans(DescrStatsW(adjB), DescrStatsW(adjA))
out("CUPED", dict(XA=XA, YA=YA, XB=XB, YB=YB, theta=theta, meanA=adjA.mean(), meanB=adjB.mean(),
    reduction=1 - adj.std_meandiff_separatevar ** 2 / raw.std_meandiff_separatevar ** 2, ci=adj.tconfint_diff(usevar="unequal"),
    p=adj.ttest_ind(usevar="unequal")[1]))

# One-sided Welch (scipy ttest_ind_from_stats(alternative=...)) and its one-sided bound diff ∓ t.ppf(0.95, df)·se;
# one-sided z-test (proportions_ztest(alternative='larger'/'smaller')) and its Wald bound diff ∓ norm.ppf(0.95)·se.
ws = []
for a, b in [((1000, 10.0, 30.0), (1000, 12.5, 35.0)), ((12, 5.1, 2.0), (9, 7.9, 4.5))]:
    va, vb = a[2] ** 2 / a[0], b[2] ** 2 / b[0]
    df = (va + vb) ** 2 / (va ** 2 / (a[0] - 1) + vb ** 2 / (b[0] - 1))
    h = stats.t.ppf(0.95, df) * math.sqrt(va + vb)
    for alt, bound in [("greater", b[1] - a[1] - h), ("less", b[1] - a[1] + h)]:
        t, p = stats.ttest_ind_from_stats(b[1], b[2], b[0], a[1], a[2], a[0], equal_var=False, alternative=alt)
        ws.append(dict(a=a, b=b, alternative=alt, t=t, p=p, bound=bound))
out("WELCH_ONE_SIDED", ws)
zs = []
for xa, na, xb, nb in [(100, 1000, 125, 1000), (480, 10000, 455, 10000)]:
    pa, pb = xa / na, xb / nb
    h = stats.norm.ppf(0.95) * math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
    for alt, sm, bound in [("greater", "larger", pb - pa - h), ("less", "smaller", pb - pa + h)]:
        z, p = proportions_ztest([xb, xa], [nb, na], alternative=sm)
        zs.append(dict(xa=xa, na=na, xb=xb, nb=nb, alternative=alt, z=z, p=p, bound=bound))
out("ZTEST_ONE_SIDED", zs)

# Ratio metric (revenue per order with orders per user varying): 4000 simulated users per arm (seeded numpy).
# The per-arm summaries, the delta-method Var(X̄/Ȳ) by numpy, and a 4000-resample bootstrap of X̄/Ȳ (users resampled).
rng = np.random.default_rng(17)
ratio_arms = []
for lam, scale in [(1.3, 50.0), (1.4, 52.0)]:
    orders = 1 + rng.poisson(lam, 4000)
    revenue = np.array([rng.gamma(2.0, scale, k).sum() for k in orders])
    mx, my = revenue.mean(), orders.mean()
    sxx, syy, sxy = revenue.var(ddof=1), orders.var(ddof=1), np.cov(revenue, orders, ddof=1)[0, 1]
    delta = (sxx / my ** 2 - 2 * mx * sxy / my ** 3 + mx ** 2 * syy / my ** 4) / len(orders)
    idx = rng.integers(0, len(orders), (4000, len(orders)))
    boot = revenue[idx].mean(axis=1) / orders[idx].mean(axis=1)
    ratio_arms.append(dict(n=len(orders), numeratorMean=mx, numeratorSd=math.sqrt(sxx), denominatorMean=my,
                           denominatorSd=math.sqrt(syy), covariance=sxy, ratio=mx / my, delta=delta, bootstrap=boot.var(ddof=1)))
out("RATIO", ratio_arms)
