// Metrics of one model's churn probabilities on the evaluation snapshot (label 1 = churned). With ~99% churners
// the churn class says little on its own, so the precision–recall view and the gains are also given for the
// rare class, the people who come back (scored by 1 − P(churn)).
import {rocPoints, prPoints, type PrPoint, type RocPoint} from "../../lib/churn/curves.js";
import {
  averagePrecision,
  brierScore,
  calibrationBins,
  liftAt,
  logLoss,
  rocAuc,
  type CalibrationBin
} from "../../lib/ml/metrics.js";

export interface ModelMetrics {
  roc_auc: number;
  /** Average precision with churn as the positive class (its floor is the churn rate). */
  pr_auc_churn: number;
  /** Average precision for returning customers, ranked by 1 − P(churn) (its floor is the return rate). */
  pr_auc_return: number;
  log_loss: number;
  brier: number;
  /** Churn rate in the 10% most at risk / overall churn rate. */
  lift_top10: number;
  /** Return rate in the 10% least at risk / overall return rate, and the share of all returners they hold. */
  return_lift_top10: number;
  return_gain_top10: number;
}

export interface ModelCurves {
  roc: RocPoint[];
  /** Precision–recall for returning customers. */
  pr_return: PrPoint[];
  /** Reliability of the return probability 1 − P(churn), ten equal-count bins. */
  calibration: CalibrationBin[];
  /** Share of returners found when targeting the given fraction least at risk. */
  return_gains: {fraction: number; gain: number}[];
}

const r6 = (x: number) => Number(x.toPrecision(6));

export function returnScores(probs: ArrayLike<number>): Float64Array {
  return Float64Array.from(probs as ArrayLike<number>, (p) => 1 - p);
}

export function returnLabels(labels: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(labels as ArrayLike<number>, (y) => 1 - y);
}

export function modelMetrics(labels: ArrayLike<number>, probs: ArrayLike<number>): ModelMetrics {
  const ret = returnLabels(labels);
  const q = returnScores(probs);
  const back = liftAt(ret, q, 0.1);
  return {
    roc_auc: r6(rocAuc(labels, probs)),
    pr_auc_churn: r6(averagePrecision(labels, probs)),
    pr_auc_return: r6(averagePrecision(ret, q)),
    log_loss: r6(logLoss(labels, probs)),
    brier: r6(brierScore(labels, probs)),
    lift_top10: r6(liftAt(labels, probs, 0.1).lift),
    return_lift_top10: r6(back.lift),
    return_gain_top10: r6(back.gain)
  };
}

export function modelCurves(labels: ArrayLike<number>, probs: ArrayLike<number>): ModelCurves {
  const ret = returnLabels(labels);
  const q = returnScores(probs);
  const round = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "number" ? r6(v) : v])) as T;
  return {
    roc: rocPoints(labels, probs, 120).map(round),
    pr_return: prPoints(ret, q, 120).map(round),
    calibration: calibrationBins(ret, q, 10, "quantile").map(round),
    return_gains: [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((fraction) => ({
      fraction,
      gain: r6(liftAt(ret, q, fraction).gain)
    }))
  };
}
