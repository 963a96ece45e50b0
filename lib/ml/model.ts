// The one model format shared by training (loaders) and scoring (loaders and pages).
// A plain JSON-serialisable object: number[] (never typed arrays), no NaN/Infinity, no -0, so that
// JSON.parse(JSON.stringify(model)) is the same model bit for bit.

import type {Tree} from "./tree.js";

export const MODEL_FORMAT = "olist-churn-model";
export const MODEL_VERSION = 1;

/** One tree in flat arrays; node 0 is the root. Leaves: feature = -1, left = right = -1, threshold = 0. */
export interface ModelTree {
  feature: number[];
  /** x <= threshold goes left (original units). */
  threshold: number[];
  left: number[];
  right: number[];
  /** 1: missing (NaN/null) goes left; 0: right. */
  defaultLeft: number[];
  /** Leaf values (margin contribution for GBDT, probability for the forest); 0 at internal nodes. */
  value: number[];
  /** Training cover per node: hessian sum (GBDT) or weighted bootstrap sample count (forest). Used by TreeSHAP. */
  cover: number[];
}

export interface Preprocessing {
  /** How missing values are handled: trees route them by each node's default direction; logistic imputes the mean. */
  missing: "default-direction" | "mean-impute";
  /** Logistic regression only: x_std = (x - means[j]) / sds[j]. */
  means?: number[];
  sds?: number[];
}

export interface ModelMetrics {
  [name: string]: number | number[] | undefined;
}

export interface ChurnModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  kind: "gbdt" | "forest" | "logistic";
  featureNames: string[];
  preprocessing: Preprocessing;
  /** gbdt: margin = baseScore + Σ leaf; forest: probability = baseScore + mean leaf (baseScore = 0). */
  baseScore: number;
  link: "logit" | "identity-probability";
  trees?: ModelTree[];
  /** Logistic regression: coefficients on the standardised scale, in featureNames order. */
  coefficients?: number[];
  intercept?: number;
  metrics?: ModelMetrics;
  trainingWindow?: {start: string; end: string};
  dataFingerprint?: string;
  params: Record<string, unknown>;
}

/** Round to `digits` significant digits (no -0). */
export function roundSig(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const r = Number(x.toPrecision(digits));
  return r === 0 ? 0 : r;
}

/** Significant digits kept for leaf values and covers in model files. */
export const LEAF_DIGITS = 6;
export const COVER_DIGITS = 4;

/**
 * Freeze a trained tree into the model format: rounds covers (and, unless already done, leaf values) and drops
 * training-only fields. Thresholds are already short decimals (see bins.ts).
 */
export function toModelTree(t: Tree): ModelTree {
  return {
    feature: t.feature.slice(),
    threshold: t.threshold.map((x) => (x === 0 ? 0 : x)),
    left: t.left.slice(),
    right: t.right.slice(),
    defaultLeft: t.defaultLeft.slice(),
    value: t.value.map((v) => roundSig(v, LEAF_DIGITS)),
    cover: t.cover.map((c) => roundSig(c, COVER_DIGITS))
  };
}

/** Throw unless obj looks like a model this code can score. */
export function validateModel(obj: unknown): ChurnModel {
  const m = obj as ChurnModel;
  if (!m || typeof m !== "object" || m.format !== MODEL_FORMAT) throw new Error("not an olist-churn-model");
  if (m.version !== MODEL_VERSION) throw new Error(`unsupported model version ${String(m.version)}`);
  if (!Array.isArray(m.featureNames)) throw new Error("model has no featureNames");
  if (m.kind === "logistic") {
    if (!Array.isArray(m.coefficients) || m.coefficients.length !== m.featureNames.length)
      throw new Error("bad coefficients");
  } else if (m.kind === "gbdt" || m.kind === "forest") {
    if (!Array.isArray(m.trees)) throw new Error("model has no trees");
  } else throw new Error(`unknown model kind ${String(m.kind)}`);
  return m;
}

/** FNV-1a fingerprint of a column-major table and labels (hex), for the model's dataFingerprint field. */
export function fingerprintData(columns: ArrayLike<number>[], labels?: ArrayLike<number>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  const mix = (x: number) => {
    f[0] = x;
    for (let k = 0; k < 2; k++) {
      h1 = Math.imul(h1 ^ u[k]!, 0x01000193);
      h2 = Math.imul(h2 ^ u[k]!, 0x5bd1e995) ^ (h2 >>> 15);
    }
  };
  mix(columns.length);
  for (const col of columns) {
    mix(col.length);
    for (let i = 0; i < col.length; i++) mix(col[i] ?? NaN);
  }
  if (labels) for (let i = 0; i < labels.length; i++) mix(labels[i]!);
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
