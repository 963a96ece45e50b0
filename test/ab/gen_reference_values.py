# Turns the output of reference.py into reference-values.ts:
#   /usr/bin/python3 test/ab/reference.py > /tmp/ref.txt && /usr/bin/python3 test/ab/gen_reference_values.py /tmp/ref.txt
import sys
desc = {
 "NORMAL_CDF": "[z, scipy.stats.norm.cdf(z)]", "NORMAL_SF": "[z, scipy.stats.norm.sf(z)]", "NORMAL_PPF": "[p, scipy.stats.norm.ppf(p)]",
 "T_CDF": "[t, df, scipy.stats.t.cdf(t, df)]", "T_PPF": "[p, df, t] with t solved by mpmath.findroot on mpmath.betainc (40 digits)",
 "CHI2_SF": "[x, df, scipy.stats.chi2.sf(x, df)]", "CHI2_CDF": "[x, df, scipy.stats.chi2.cdf(x, df)]",
 "BETA_PPF": "[p, a, b, scipy.stats.beta.ppf(p, a, b)]", "BETA_CDF": "[x, a, b, scipy.stats.beta.cdf(x, a, b)]",
 "SAMPLE_SIZES": "unpooled: NormalIndPower().solve_power(δ/√((p1q1+p2q2)/2), alpha, power); pooled: samplesize_proportions_2indep_onetail(δ, p1, power, alpha, 'two-sided'); arcsine: NormalIndPower().solve_power(proportion_effectsize(p2, p1), ...)",
 "POWER_AT_N": "unpooled: NormalIndPower().power(es, n, 0.05); pooled: power_proportions_2indep(δ, p1, n, alpha=0.05)",
 "MEANS": "NormalIndPower().solve_power(mde/sd, alpha, power) and .power(mde/sd, 1000, alpha)",
 "MULTI": "NormalIndPower().solve_power(es, alpha=0.05/3 or 1−0.95^(1/3), power=0.8), p = 0.1, δ = 0.02",
 "ZTEST": "proportions_ztest([xb, xa], [nb, na]); confint_proportions_2indep(xb, nb, xa, na, method='wald', compare='diff') and (method='log', compare='ratio') − 1",
 "WELCH": "scipy.stats.ttest_ind_from_stats(mB, sB, nB, mA, sA, nA, equal_var=False); df, CI by Welch–Satterthwaite with t.ppf(0.975, df)",
 "WELCH_ARRAYS": "statsmodels CompareMeans(DescrStatsW(B), DescrStatsW(A)).ttest_ind / tconfint_diff(usevar='unequal')",
 "CHI2_INDEP": "scipy.stats.chi2_contingency([[x...], [n − x...]], correction=False)",
 "HOLM": "statsmodels multipletests(p, method='holm')",
 "SRM": "scipy.stats.chisquare(obs, f_exp=w/Σw·Σobs)",
 "BAYES": "scipy.integrate.quad of beta.pdf_B·beta.cdf_A (p) and nested quad of (x − y)⁺ (losses); A, B are Beta (alpha, beta)",
 "BAYES_MEANS": "Φ(d/s) and quad of x·N(x; ∓d, s²) on (0, ∞)",
 "WELCH_ONE_SIDED": "scipy.stats.ttest_ind_from_stats(..., equal_var=False, alternative='greater'/'less'); bound diff ∓ t.ppf(0.95, df)·se",
 "ZTEST_ONE_SIDED": "proportions_ztest([xb, xa], [nb, na], alternative='larger'/'smaller'); Wald bound diff ∓ norm.ppf(0.95)·se",
 "RATIO": "numpy on 4000 simulated users per arm (default_rng(17)): summaries, delta-method Var(X̄/Ȳ), bootstrap variance of X̄/Ȳ (4000 resamples)",
 "CUPED": "numpy θ = cov(X,Y)/var(X) on pooled users, Welch on Y − θ(X − X̄) by statsmodels CompareMeans",
}
out = ["// GENERATED: /usr/bin/python3 test/ab/reference.py > /tmp/ref.txt && /usr/bin/python3 test/ab/gen_reference_values.py /tmp/ref.txt",
       "// (SciPy 1.10 / statsmodels 0.13 / mpmath 1.2 from Debian python3-scipy, python3-statsmodels). Each block is one",
       "// printed section of reference.py; the call that produced it is quoted above it.", ""]
for line in open(sys.argv[1]):
    name, val = line.split(" = ", 1)
    out.append(f"// reference.py → {name}: {desc[name]}")
    out.append(f"export const {name} = {val.rstrip().rstrip(';').strip()} as const;")
    out.append("")
open(__file__.replace("gen_reference_values.py", "reference-values.ts"), "w").write("\n".join(out))
