// Binary-classification metrics. Labels are 0/1; scores/probabilities are numbers; optional weights w ≥ 0.

function weightOf(w: ArrayLike<number> | undefined, i: number): number {
  return w ? w[i]! : 1;
}

/** Indices sorted by score (ascending or descending), ties by index for determinism. */
function order(scores: ArrayLike<number>, descending: boolean): Uint32Array {
  const idx = Uint32Array.from({length: scores.length}, (_, i) => i);
  const s = Float64Array.from(scores as ArrayLike<number>);
  return idx.sort((a, b) => (descending ? s[b]! - s[a]! : s[a]! - s[b]!) || a - b);
}

/**
 * ROC-AUC: probability that a random positive scores above a random negative, ties counted ½ (this is the
 * average-rank Mann–Whitney statistic). Weighted: pairs weighted by w_pos · w_neg. NaN if a class is absent.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  if (!weights) return unweightedRocAuc(labels, scores);
  const idx = order(scores, false);
  let negBelow = 0;
  let sum = 0;
  let wp = 0;
  let wn = 0;
  for (let a = 0; a < idx.length;) {
    let b = a;
    let pg = 0;
    let ng = 0;
    const s = scores[idx[a]!]!;
    while (b < idx.length && scores[idx[b]!] === s) {
      const i = idx[b]!;
      if (labels[i]) pg += weightOf(weights, i);
      else ng += weightOf(weights, i);
      b++;
    }
    sum += pg * (negBelow + 0.5 * ng);
    negBelow += ng;
    wp += pg;
    wn += ng;
    a = b;
  }
  return wp > 0 && wn > 0 ? sum / (wp * wn) : NaN;
}

/**
 * The same statistic without weights, from each class's scores sorted apart (numeric typed-array sorts, no
 * comparator): a positive scoring s counts the negatives below s and half of those equal to s. Early stopping
 * on AUC calls this every boosting round.
 */
function unweightedRocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  let np = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) np++;
  const nn = labels.length - np;
  if (np === 0 || nn === 0) return NaN;
  const pos = new Float64Array(np);
  const neg = new Float64Array(nn);
  for (let i = 0, a = 0, b = 0; i < labels.length; i++) {
    if (labels[i]) pos[a++] = scores[i]!;
    else neg[b++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  let sum = 0;
  let below = 0;
  for (let a = 0; a < np;) {
    const s = pos[a]!;
    let b = a;
    while (b < np && pos[b] === s) b++;
    while (below < nn && neg[below]! < s) below++;
    let ties = below;
    while (ties < nn && neg[ties] === s) ties++;
    sum += (b - a) * (below + 0.5 * (ties - below));
    a = b;
  }
  return sum / (np * nn);
}

/**
 * Average precision (PR-AUC, sklearn's average_precision_score definition): Σ_k (R_k − R_{k−1}) P_k over
 * distinct score thresholds in decreasing order (tied scores form one threshold). Weighted if weights given.
 */
export function averagePrecision(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  weights?: ArrayLike<number>
): number {
  const idx = order(scores, true);
  let totalPos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) totalPos += weightOf(weights, i);
  if (totalPos <= 0) return NaN;
  let tp = 0;
  let fp = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let a = 0; a < idx.length;) {
    const s = scores[idx[a]!]!;
    let b = a;
    while (b < idx.length && scores[idx[b]!] === s) {
      const i = idx[b]!;
      if (labels[i]) tp += weightOf(weights, i);
      else fp += weightOf(weights, i);
      b++;
    }
    const recall = tp / totalPos;
    const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
    a = b;
  }
  return ap;
}

/** Mean (weighted) log loss of probabilities, clipped to [eps, 1 − eps]. */
export function logLoss(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  weights?: ArrayLike<number>,
  eps = 1e-15
): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probs[i]!, eps), 1 - eps);
    const w = weightOf(weights, i);
    s -= w * (labels[i] ? Math.log(p) : Math.log(1 - p));
    sw += w;
  }
  return s / sw;
}

/** Mean (weighted) squared error of probabilities. */
export function brierScore(labels: ArrayLike<number>, probs: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = probs[i]! - (labels[i] ? 1 : 0);
    const w = weightOf(weights, i);
    s += w * d * d;
    sw += w;
  }
  return s / sw;
}

export interface CalibrationBin {
  lo: number;
  hi: number;
  /** Total weight (count when unweighted) in the bin. */
  weight: number;
  meanPredicted: number;
  observedRate: number;
}

/**
 * Reliability table. "uniform": nBins equal-width bins on [0, 1] (p = 1 in the last bin); "quantile": bins of
 * (nearly) equal row counts by sorted probability. Empty bins are omitted.
 */
export function calibrationBins(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  nBins = 10,
  strategy: "uniform" | "quantile" = "uniform",
  weights?: ArrayLike<number>
): CalibrationBin[] {
  const n = labels.length;
  const bin = new Int32Array(n);
  const lo = new Float64Array(nBins).fill(Infinity);
  const hi = new Float64Array(nBins).fill(-Infinity);
  if (strategy === "uniform") {
    for (let i = 0; i < n; i++) bin[i] = Math.min(nBins - 1, Math.max(0, Math.floor(probs[i]! * nBins)));
  } else {
    const idx = order(probs, false);
    for (let r = 0; r < n; r++) bin[idx[r]!] = Math.min(nBins - 1, Math.floor((r * nBins) / n));
  }
  const w = new Float64Array(nBins);
  const sp = new Float64Array(nBins);
  const sy = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const b = bin[i]!;
    const wi = weightOf(weights, i);
    w[b] += wi;
    sp[b] += wi * probs[i]!;
    sy[b] += wi * (labels[i] ? 1 : 0);
    lo[b] = Math.min(lo[b]!, probs[i]!);
    hi[b] = Math.max(hi[b]!, probs[i]!);
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < nBins; b++) {
    if (w[b]! <= 0) continue;
    const range = strategy === "uniform" ? [b / nBins, (b + 1) / nBins] : [lo[b]!, hi[b]!];
    out.push({
      lo: range[0]!,
      hi: range[1]!,
      weight: w[b]!,
      meanPredicted: sp[b]! / w[b]!,
      observedRate: sy[b]! / w[b]!
    });
  }
  return out;
}

export interface LiftResult {
  /** Fraction of rows (by weight) targeted. */
  fraction: number;
  /** Positive rate among the targeted rows. */
  precision: number;
  /** precision / overall positive rate. */
  lift: number;
  /** Fraction of all positives captured (cumulative gain). */
  gain: number;
}

/**
 * Lift and gains when targeting the top `fraction` of rows by score (by weight when weighted). Rows are taken in
 * decreasing score order (ties broken by row index) until their weight reaches fraction × total weight.
 */
export function liftAt(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  fraction: number,
  weights?: ArrayLike<number>
): LiftResult {
  const idx = order(scores, true);
  let W = 0;
  let P = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weightOf(weights, i);
    W += w;
    if (labels[i]) P += w;
  }
  const target = fraction * W;
  let wt = 0;
  let pt = 0;
  for (let r = 0; r < idx.length && wt < target - 1e-12 * W; r++) {
    const i = idx[r]!;
    const w = weightOf(weights, i);
    wt += w;
    if (labels[i]) pt += w;
  }
  const precision = wt > 0 ? pt / wt : 0;
  const base = W > 0 ? P / W : 0;
  return {fraction: W > 0 ? wt / W : 0, precision, lift: base > 0 ? precision / base : NaN, gain: P > 0 ? pt / P : NaN};
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  specificity: number;
  accuracy: number;
  f1: number;
}

/** Confusion matrix at a threshold: predicted positive when prob >= threshold. Weighted counts if weights given. */
export function confusionAt(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  threshold: number,
  weights?: ArrayLike<number>
): Confusion {
  let tp = 0,
    fp = 0,
    tn = 0,
    fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weightOf(weights, i);
    const pred = probs[i]! >= threshold;
    if (labels[i]) pred ? (tp += w) : (fn += w);
    else pred ? (fp += w) : (tn += w);
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    tp,
    fp,
    tn,
    fn,
    precision,
    recall,
    specificity: tn + fp > 0 ? tn / (tn + fp) : 0,
    accuracy: (tp + tn) / Math.max(tp + fp + tn + fn, Number.MIN_VALUE),
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  };
}
