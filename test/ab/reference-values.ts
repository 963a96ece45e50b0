// GENERATED: /usr/bin/python3 test/ab/reference.py > /tmp/ref.txt && /usr/bin/python3 test/ab/gen_reference_values.py /tmp/ref.txt
// (SciPy 1.10 / statsmodels 0.13 / mpmath 1.2 from Debian python3-scipy, python3-statsmodels). Each block is one
// printed section of reference.py; the call that produced it is quoted above it.

// reference.py → NORMAL_CDF: [z, scipy.stats.norm.cdf(z)]
export const NORMAL_CDF = [
  [-37, 5.7255712225239266e-300],
  [-20, 2.7536241186061556e-89],
  [-10, 7.61985302416047e-24],
  [-5, 2.866515718791933e-7],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145707],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [3, 0.9986501019683699]
] as const;

// reference.py → NORMAL_SF: [z, scipy.stats.norm.sf(z)]
export const NORMAL_SF = [
  [3, 0.0013498980316300933],
  [8, 6.22096057427174e-16],
  [20, 2.7536241186061556e-89]
] as const;

// reference.py → NORMAL_PPF: [p, scipy.stats.norm.ppf(p)]
export const NORMAL_PPF = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965322],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404056],
  [1e-5, -4.264890793922825],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400545],
  [0.3, -0.5244005127080409],
  [0.5, 0.0],
  [0.8, 0.8416212335729143],
  [0.975, 1.959963984540054],
  [0.999999, 4.753424308817087]
] as const;

// reference.py → T_CDF: [t, df, scipy.stats.t.cdf(t, df)]
export const T_CDF = [
  [2, 5, 0.9490302605850709],
  [-3, 1.5, 0.06677387712745664],
  [0.5, 1, 0.6475836176504333],
  [10, 3, 0.9989358004707929],
  [-40, 2, 0.0003122073360923703],
  [2, 10000000.0, 0.9772498545540785],
  [1.3, 123.4, 0.9019880115433152],
  [-6, 30, 6.971384383602359e-7],
  [-10000.0, 1, 3.183098851227576e-5]
] as const;

// reference.py → T_PPF: [p, df, t] with t solved by mpmath.findroot on mpmath.betainc (40 digits)
export const T_PPF = [
  [0.975, 1, 12.706204736174694],
  [0.975, 10, 2.2281388519862744],
  [0.995, 2.5, 7.163728138948783],
  [1e-10, 1, -3183098861.837907],
  [0.025, 57.3, -2.0022382682313364],
  [0.975, 10000000.0, 1.959964221767205],
  [0.9, 4, 1.533206274058944],
  [1e-8, 30, -7.556534651885402]
] as const;

// reference.py → CHI2_SF: [x, df, scipy.stats.chi2.sf(x, df)]
export const CHI2_SF = [
  [3.84, 1, 0.05004352124870519],
  [100, 3, 1.5541594313896026e-21],
  [0.5, 2, 0.7788007830714049],
  [20, 10, 0.029252688076961124],
  [1000, 5, 6.0100776879208495e-214],
  [0.01, 1, 0.920344325445942]
] as const;

// reference.py → CHI2_CDF: [x, df, scipy.stats.chi2.cdf(x, df)]
export const CHI2_CDF = [
  [3.84, 1, 0.9499564787512949],
  [0.5, 2, 0.22119921692859512],
  [20, 10, 0.9707473119230389],
  [0.01, 1, 0.07965567455405799]
] as const;

// reference.py → BETA_PPF: [p, a, b, scipy.stats.beta.ppf(p, a, b)]
export const BETA_PPF = [
  [0.025, 21, 81, 0.13355471026823137],
  [0.975, 21, 81, 0.2891228981950768],
  [0.5, 1000000.0, 9000000.0, 0.09999997333331954],
  [0.975, 1, 1000000.0, 3.6888726502064885e-6],
  [0.025, 0.5, 0.5, 0.001541333133436012],
  [1e-10, 2, 3, 4.082494015808333e-6],
  [0.999, 3, 10000.0, 0.001122144885019294],
  [0.025, 1, 1, 0.025],
  [0.975, 101, 1, 0.9997493600492607],
  [0.5, 1.5, 2.5, 0.35245227987713096],
  [0.025, 1, 101, 0.0002506399507392151]
] as const;

// reference.py → BETA_CDF: [x, a, b, scipy.stats.beta.cdf(x, a, b)]
export const BETA_CDF = [
  [0.3, 2, 3, 0.34829999999999994],
  [0.1, 21, 81, 0.0009246725735067625],
  [0.0001, 1, 10000.0, 0.6321389535670701],
  [0.9, 50, 5, 0.361447139727378]
] as const;

// reference.py → SAMPLE_SIZES: unpooled: NormalIndPower().solve_power(δ/√((p1q1+p2q2)/2), alpha, power); pooled: samplesize_proportions_2indep_onetail(δ, p1, power, alpha, 'two-sided'); arcsine: NormalIndPower().solve_power(proportion_effectsize(p2, p1), ...)
export const SAMPLE_SIZES = [
  {
    p1: 0.2,
    d: 0.05,
    alpha: 0.05,
    power: 0.8,
    unpooled: 1090.9916107996685,
    pooled: 1093.7390457661652,
    arcsine: 1091.8961587171943
  },
  {
    p1: 0.05,
    d: 0.01,
    alpha: 0.05,
    power: 0.8,
    unpooled: 8154.966069459604,
    pooled: 8157.731447849275,
    arcsine: 8142.595394436432
  },
  {
    p1: 0.1,
    d: 0.02,
    alpha: 0.01,
    power: 0.9,
    unpooled: 7276.020324421792,
    pooled: 7280.987881402503,
    arcsine: 7269.390833595851
  },
  {
    p1: 0.5,
    d: 0.1,
    alpha: 0.05,
    power: 0.9,
    unpooled: 514.8635491881266,
    pooled: 518.037169299807,
    arcsine: 518.308853431358
  },
  {
    p1: 0.01,
    d: 0.002,
    alpha: 0.05,
    power: 0.8,
    unpooled: 42689.9523088702,
    pooled: 42692.802359234054,
    arcsine: 42606.12642025786
  }
] as const;

// reference.py → POWER_AT_N: unpooled: NormalIndPower().power(es, n, 0.05); pooled: power_proportions_2indep(δ, p1, n, alpha=0.05)
export const POWER_AT_N = [
  {p1: 0.2, d: 0.05, n: 500, unpooled: 0.47479905373877596, pooled: 0.4733961527209342},
  {p1: 0.2, d: 0.05, n: 1030, unpooled: 0.7770253521979754, pooled: 0.7759730502012279},
  {p1: 0.05, d: 0.01, n: 4000, unpooled: 0.5008979961527353, pooled: 0.5007097926360164},
  {p1: 0.3, d: 0.01, n: 100, unpooled: 0.052706727794826026, pooled: 0.052692767096713264}
] as const;

// reference.py → MEANS: NormalIndPower().solve_power(mde/sd, alpha, power) and .power(mde/sd, 1000, alpha)
export const MEANS = [
  {sd: 50, mde: 5, alpha: 0.05, power: 0.8, n: 1569.7721019023288, powerAt1000: 0.6087794846454566},
  {sd: 1, mde: 0.1, alpha: 0.01, power: 0.9, n: 2975.8774332994276, powerAt1000: 0.3670188847426716}
] as const;

// reference.py → MULTI: NormalIndPower().solve_power(es, alpha=0.05/3 or 1−0.95^(1/3), power=0.8), p = 0.1, δ = 0.02
export const MULTI = {bonferroni: 5119.396667132576, sidak: 5099.663691894728} as const;

// reference.py → ZTEST: proportions_ztest([xb, xa], [nb, na]); confint_proportions_2indep(xb, nb, xa, na, method='wald', compare='diff') and (method='log', compare='ratio') − 1
export const ZTEST = [
  {
    xa: 100,
    na: 1000,
    xb: 120,
    nb: 1000,
    z: 1.4293008498232314,
    p: 0.1529177818639462,
    lo: -0.007411481998019949,
    hi: 0.04741148199801993,
    rlo: -0.06589424893700624,
    rhi: 0.5415813448973081
  },
  {
    xa: 200,
    na: 10000,
    xb: 260,
    nb: 10000,
    z: 2.830251652793251,
    p: 0.004651140450960617,
    lo: 0.001845800966962908,
    hi: 0.01015419903303709,
    rlo: 0.0834144779056305,
    rhi: 0.5598831605674783
  },
  {
    xa: 5,
    na: 40,
    xb: 9,
    nb: 37,
    z: 1.3440587762423168,
    p: 0.17892938120390756,
    lo: -0.05384785786920926,
    hi: 0.2903343443556958,
    rlo: -0.28242614263682053,
    rhi: 4.27709529226471
  },
  {
    xa: 1000000,
    na: 10000000,
    xb: 1001500,
    nb: 10000000,
    z: 1.1176615318928165,
    p: 0.2637115780970918,
    lo: -0.00011304438339387071,
    hi: 0.0004130443833938654,
    rlo: -0.0011289595033388,
    rhi: 0.004135878742950627
  },
  {
    xa: 50,
    na: 500,
    xb: 50,
    nb: 500,
    z: 0.0,
    p: 1.0,
    lo: -0.0371877019382737,
    hi: 0.0371877019382737,
    rlo: -0.3105609750523286,
    rhi: 0.45045459252310294
  }
] as const;

// reference.py → WELCH: scipy.stats.ttest_ind_from_stats(mB, sB, nB, mA, sA, nA, equal_var=False); df, CI by Welch–Satterthwaite with t.ppf(0.975, df)
export const WELCH = [
  {
    a: [1000, 10.0, 30.0],
    b: [1000, 12.5, 35.0],
    t: 1.7149858514250882,
    p: 0.08650650735894148,
    df: 1952.3329726805514,
    lo: -0.3588862983454417,
    hi: 5.358886298345442
  },
  {
    a: [12, 5.1, 2.0],
    b: [9, 7.9, 4.5],
    t: 1.742078847147115,
    p: 0.11099557605421455,
    df: 10.380262673376704,
    lo: -0.7635286549153744,
    hi: 6.363528654915376
  },
  {
    a: [2, 1.0, 0.5],
    b: [3, 2.0, 1.0],
    t: 1.4770978917519928,
    p: 0.23759762416483968,
    df: 2.951219512195122,
    lo: -1.1748135806813313,
    hi: 3.1748135806813313
  }
] as const;

// reference.py → WELCH_ARRAYS: statsmodels CompareMeans(DescrStatsW(B), DescrStatsW(A)).ttest_ind / tconfint_diff(usevar='unequal')
export const WELCH_ARRAYS = {
  A: [0, 0, 12.5, 3.2, 0, 45.0, 7.7, 0, 0, 19.9, 2.5],
  B: [5.5, 0, 0, 88.1, 14.2, 0, 3.3, 61.0, 0],
  t: 0.9372518242427762,
  p: 0.3699694814659158,
  df: 10.357296556657783,
  ci: [-14.847867101335938, 36.58322063668947]
} as const;

// reference.py → CHI2_INDEP: scipy.stats.chi2_contingency([[x...], [n − x...]], correction=False)
export const CHI2_INDEP = [
  {
    arms: [
      [100, 1000],
      [120, 1000],
      [90, 1000]
    ],
    stat: 5.0365751289123395,
    p: 0.0805975066786444,
    dof: 2
  },
  {
    arms: [
      [5, 50],
      [9, 50],
      [2, 48],
      [7, 51]
    ],
    stat: 4.948424639618693,
    p: 0.17561293656922122,
    dof: 3
  },
  {
    arms: [
      [0, 10],
      [3, 10]
    ],
    stat: 3.5294117647058822,
    p: 0.06028917399060221,
    dof: 1
  }
] as const;

// reference.py → HOLM: statsmodels multipletests(p, method='holm')
export const HOLM = {p: [0.01, 0.04, 0.03, 0.005], adj: [0.03, 0.06, 0.06, 0.02]} as const;

// reference.py → SRM: scipy.stats.chisquare(obs, f_exp=w/Σw·Σobs)
export const SRM = [
  {obs: [5000, 5150], w: [1, 1], stat: 2.2167487684729066, p: 0.13652028764557886},
  {obs: [1000, 1000], w: [1, 1], stat: 0.0, p: 1.0},
  {obs: [3300, 3400, 3100], w: [1, 1, 1], stat: 14.285714285714286, p: 0.0007904903231199663},
  {obs: [2000, 1000], w: [2, 1], stat: 0.0, p: 1.0},
  {obs: [50000, 51000], w: [1, 1], stat: 9.900990099009901, p: 0.001651898732357361}
] as const;

// reference.py → BAYES: scipy.integrate.quad of beta.pdf_B·beta.cdf_A (p) and nested quad of (x − y)⁺ (losses); A, B are Beta (alpha, beta)
export const BAYES = [
  {A: [101, 901], B: [121, 881], p: 0.9231834389735613, lossB: 0.0004846139263521491, lossA: 0.020444693766668163},
  {A: [1, 1], B: [1, 1], p: 0.49999999999999895, lossB: 0.16666666666661656, lossA: 0.16666666666661656},
  {A: [1, 11], B: [11, 1], p: 0.9999985824289206, lossB: 6.163352112951939e-8, lossA: 0.8333333949667648},
  {A: [2, 3], B: [3, 2], p: 0.7571428571428562, lossB: 0.04285714285710286, lossA: 0.24285714285708287},
  {A: [51, 951], B: [41, 961], p: 0.14161851775057394, lossB: 0.01065640736310644, lossA: 0.0006763674429482395},
  {A: [0.5, 3.5], B: [2.5, 1.5], p: 0.9611239646655606, lossB: 0.005265051868367171, lossA: 0.5052650518676773},
  {A: [1, 3], B: [1, 2], p: 0.599999999999999, lossB: 0.08333333333330835, lossA: 0.16666666666663338}
] as const;

// reference.py → BAYES_MEANS: Φ(d/s) and quad of x·N(x; ∓d, s²) on (0, ∞)
export const BAYES_MEANS = [
  {
    a: [1000, 10.0, 30.0],
    b: [1000, 12.5, 35.0],
    p: 0.9568260895081687,
    lossA: 2.5257005189478545,
    lossB: 0.025700518947854505
  },
  {a: [50, 20.0, 5.0], b: [40, 19.0, 6.0], p: 0.19901235975346893, lossA: 0.1312574768272555, lossB: 1.1312574768272556}
] as const;

// reference.py → CUPED: numpy θ = cov(X,Y)/var(X) on pooled users, Welch on Y − θ(X − X̄) by statsmodels CompareMeans
export const CUPED = {
  XA: [10, 12, 9, 15, 11, 8, 14, 13, 10, 12],
  YA: [11, 13, 9, 17, 12, 8, 15, 15, 10, 13],
  XB: [11, 9, 14, 10, 13, 12, 8, 15, 11, 10],
  YB: [13, 10, 17, 12, 15, 14, 9, 18, 13, 11],
  theta: 1.2845849802371538,
  meanA: 12.235770750988141,
  meanB: 13.264229249011857,
  reduction: 0.9843699125769022,
  ci: [0.6884263911331636, 1.3684906049142669],
  p: 6.678404753228301e-6
} as const;

// reference.py → WELCH_ONE_SIDED: scipy.stats.ttest_ind_from_stats(..., equal_var=False, alternative='greater'/'less'); bound diff ∓ t.ppf(0.95, df)·se
export const WELCH_ONE_SIDED = [
  {
    a: [1000, 10.0, 30.0],
    b: [1000, 12.5, 35.0],
    alternative: "greater",
    t: 1.7149858514250882,
    p: 0.04325325367947074,
    bound: 0.10109611892606374
  },
  {
    a: [1000, 10.0, 30.0],
    b: [1000, 12.5, 35.0],
    alternative: "less",
    t: 1.7149858514250882,
    p: 0.9567467463205293,
    bound: 4.898903881073936
  },
  {
    a: [12, 5.1, 2.0],
    b: [9, 7.9, 4.5],
    alternative: "greater",
    t: 1.742078847147115,
    p: 0.055497788027107274,
    bound: -0.10233235958898135
  },
  {
    a: [12, 5.1, 2.0],
    b: [9, 7.9, 4.5],
    alternative: "less",
    t: 1.742078847147115,
    p: 0.9445022119728927,
    bound: 5.702332359588983
  }
] as const;

// reference.py → ZTEST_ONE_SIDED: proportions_ztest([xb, xa], [nb, na], alternative='larger'/'smaller'); Wald bound diff ∓ norm.ppf(0.95)·se
export const ZTEST_ONE_SIDED = [
  {
    xa: 100,
    na: 1000,
    xb: 125,
    nb: 1000,
    alternative: "greater",
    z: 1.7691496414475838,
    p: 0.03843445275784477,
    bound: 0.0017746318401564778
  },
  {
    xa: 100,
    na: 1000,
    xb: 125,
    nb: 1000,
    alternative: "less",
    z: 1.7691496414475838,
    p: 0.9615655472421553,
    bound: 0.04822536815984351
  },
  {
    xa: 480,
    na: 10000,
    xb: 455,
    nb: 10000,
    alternative: "greater",
    z: -0.8373958345677024,
    p: 0.7988149468176063,
    bound: -0.007410535505460117
  },
  {
    xa: 480,
    na: 10000,
    xb: 455,
    nb: 10000,
    alternative: "less",
    z: -0.8373958345677024,
    p: 0.20118505318239366,
    bound: 0.0024105355054601122
  }
] as const;

// reference.py → RATIO: numpy on 4000 simulated users per arm (default_rng(17)): summaries, delta-method Var(X̄/Ȳ), bootstrap variance of X̄/Ȳ (4000 resamples)
export const RATIO = [
  {
    n: 4000,
    numeratorMean: 226.5829952445938,
    numeratorSd: 153.64157864950064,
    denominatorMean: 2.2775,
    denominatorSd: 1.0955792182475277,
    covariance: 121.20703290106329,
    ratio: 99.48759396030464,
    delta: 0.5479455689809958,
    bootstrap: 0.5681379199408478
  },
  {
    n: 4000,
    numeratorMean: 247.8196344117585,
    numeratorSd: 166.21049054201436,
    denominatorMean: 2.3875,
    denominatorSd: 1.1649819937498778,
    covariance: 140.88163417322022,
    ratio: 103.79879975361612,
    delta: 0.570238194078899,
    bootstrap: 0.577986267153829
  }
] as const;
