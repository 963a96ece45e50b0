// Per-user values uploaded as CSV for Welch's test (and CUPED when a pre-period column is present).
// Expected columns: `group` (A/B or control/treatment), `value` (the metric per user) and, optionally,
// `pre_value` (the same metric before the test). Bad files throw AbInputError("file", …) with a message that
// names the row, so the page can show it next to the upload field.
import {AbInputError} from "../lib/ab/index.js";

export interface PerUserData {
  control: number[];
  treatment: number[];
  /** Pre-period values in the same order, when the file has a pre_value column. */
  preControl: number[] | null;
  preTreatment: number[] | null;
}

const CONTROL = new Set(["a", "control"]);
const TREATMENT = new Set(["b", "treatment", "variant"]);

export function perUserFromCsv(rows: Record<string, string | undefined>[] & {columns?: string[]}): PerUserData {
  const columns = (rows.columns ?? Object.keys(rows[0] ?? {})).map((c) => c.trim());
  for (const needed of ["group", "value"]) {
    if (!columns.includes(needed)) {
      throw new AbInputError("file", `The file needs a "${needed}" column (found: ${columns.join(", ") || "none"})`);
    }
  }
  const hasPre = columns.includes("pre_value");
  const data: PerUserData = {
    control: [],
    treatment: [],
    preControl: hasPre ? [] : null,
    preTreatment: hasPre ? [] : null
  };
  rows.forEach((row, i) => {
    const line = i + 2; // the header is line 1
    const group = (row.group ?? "").trim().toLowerCase();
    const arm = CONTROL.has(group) ? "control" : TREATMENT.has(group) ? "treatment" : null;
    if (!arm) throw new AbInputError("file", `Line ${line}: group must be A or B (got "${row.group ?? ""}")`);
    const value = number(row.value, line, "value");
    data[arm].push(value);
    if (hasPre)
      (arm === "control" ? data.preControl : data.preTreatment)!.push(number(row.pre_value, line, "pre_value"));
  });
  for (const arm of ["control", "treatment"] as const) {
    if (data[arm].length < 2) {
      throw new AbInputError(
        "file",
        `Group ${arm === "control" ? "A" : "B"} needs at least 2 users (got ${data[arm].length})`
      );
    }
  }
  return data;
}

function number(text: string | undefined, line: number, column: string): number {
  const t = (text ?? "").trim();
  const v = t === "" ? NaN : Number(t);
  if (!Number.isFinite(v))
    throw new AbInputError("file", `Line ${line}: ${column} must be a number (got "${text ?? ""}")`);
  return v;
}
