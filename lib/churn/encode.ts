// Turns a customer feature row (loaders/features/customer-features.sql) into the churn model's numeric vector.
// One encoder for Node (training, batch scores) and the browser (lookup, what-if), stored in the model file,
// so both encode the same way:
//   numeric and flag features: the number as is (bigint → number, boolean → 0/1); missing → NaN;
//   categorical features: the value's position in `categories`, the training snapshot's values ordered by
//   frequency (most frequent first, ties by name); a value unseen in training, or missing, → NaN.
// Trees route NaN by each split's default direction, so "unseen" behaves like "missing".

import type {ColumnTable} from "../ml/bins.js";

export type FeatureKind = "numeric" | "flag" | "categorical";

export interface FeatureEncoding {
  name: string;
  kind: FeatureKind;
  /** Categorical features only: training values, most frequent first. */
  categories?: string[];
}

export interface ChurnEncoder {
  features: FeatureEncoding[];
}

export type FeatureRow = Record<string, unknown>;

/** Codes for categorical features from the training rows: most frequent first, ties by name. */
export function fitEncoder(
  rows: readonly FeatureRow[],
  features: readonly {name: string; kind: FeatureKind}[]
): ChurnEncoder {
  return {
    features: features.map(({name, kind}) => {
      if (kind !== "categorical") return {name, kind};
      const counts = new Map<string, number>();
      for (const row of rows) {
        const v = row[name];
        if (v === null || v === undefined || v === "") continue;
        const key = String(v);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const categories = [...counts]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([k]) => k);
      return {name, kind, categories};
    })
  };
}

/** One value → number (NaN = missing or unseen). */
export function encodeValue(feature: FeatureEncoding, value: unknown): number {
  if (value === null || value === undefined) return NaN;
  if (feature.kind === "categorical") {
    const i = feature.categories!.indexOf(String(value));
    return i < 0 ? NaN : i;
  }
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return NaN;
}

/** A number back to what it means: the category name for categorical features, null for NaN. */
export function decodeValue(feature: FeatureEncoding, x: number): string | number | null {
  if (x !== x) return null;
  return feature.kind === "categorical" ? (feature.categories![x] ?? null) : x;
}

export function encodeRow(encoder: ChurnEncoder, row: FeatureRow): number[] {
  return encoder.features.map((f) => encodeValue(f, row[f.name]));
}

/** Rows → column-major table in the encoder's feature order (for training and batch scoring). */
export function encodeRows(encoder: ChurnEncoder, rows: readonly FeatureRow[]): ColumnTable {
  return {
    nRows: rows.length,
    columns: encoder.features.map((f) => {
      const col = new Float64Array(rows.length);
      // categorical: a Map lookup instead of indexOf per row
      const index = f.kind === "categorical" ? new Map(f.categories!.map((c, i) => [c, i])) : null;
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i]![f.name];
        col[i] = index ? (v === null || v === undefined ? NaN : (index.get(String(v)) ?? NaN)) : encodeValue(f, v);
      }
      return col;
    })
  };
}
