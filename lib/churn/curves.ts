// Curves for the model page, thinned to at most `maxPoints` points so the JSON stays small. Label 1 is the
// positive class and a higher score means "more likely positive"; tied scores form one step.

/** Distinct-score steps in decreasing score order: cumulative positives and negatives after each step. */
function steps(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>
): {tp: number[]; fp: number[]; P: number; N: number} {
  const idx = Array.from({length: labels.length}, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const tp: number[] = [0];
  const fp: number[] = [0];
  let p = 0;
  let n = 0;
  for (let a = 0; a < idx.length;) {
    const s = scores[idx[a]!]!;
    while (a < idx.length && scores[idx[a]!] === s) labels[idx[a++]!] ? p++ : n++;
    tp.push(p);
    fp.push(n);
  }
  return {tp, fp, P: p, N: n};
}

/** Keep every k-th point and the last one. */
function thin<T>(points: T[], maxPoints: number): T[] {
  if (points.length <= maxPoints) return points;
  const k = Math.ceil(points.length / (maxPoints - 1));
  return points.filter((_, i) => i % k === 0 || i === points.length - 1);
}

export interface RocPoint {
  fpr: number;
  tpr: number;
}

/** ROC curve from (0, 0) to (1, 1). The trapezoid area under the unthinned curve is the ROC-AUC. */
export function rocPoints(labels: ArrayLike<number>, scores: ArrayLike<number>, maxPoints = Infinity): RocPoint[] {
  const {tp, fp, P, N} = steps(labels, scores);
  return thin(
    tp.map((t, i) => ({fpr: N ? fp[i]! / N : 0, tpr: P ? t / P : 0})),
    maxPoints
  );
}

export interface PrPoint {
  recall: number;
  precision: number;
}

/** Precision–recall curve, one point per distinct score threshold (starting at the highest score). */
export function prPoints(labels: ArrayLike<number>, scores: ArrayLike<number>, maxPoints = Infinity): PrPoint[] {
  const {tp, fp, P} = steps(labels, scores);
  const points: PrPoint[] = [];
  for (let i = 1; i < tp.length; i++) points.push({recall: P ? tp[i]! / P : 0, precision: tp[i]! / (tp[i]! + fp[i]!)});
  return thin(points, maxPoints);
}

/** Area under a curve by the trapezoid rule (x ascending). */
export function trapezoid(points: readonly {x: number; y: number}[]): number {
  let s = 0;
  for (let i = 1; i < points.length; i++)
    s += ((points[i]!.x - points[i - 1]!.x) * (points[i]!.y + points[i - 1]!.y)) / 2;
  return s;
}
