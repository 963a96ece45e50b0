// Input validation shared by every public function in lib/ab.
// Each check throws AbInputError with `field` naming the offending input and a message a person can act on.

export class AbInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = "AbInputError";
    this.field = field;
  }
}

function show(v: unknown): string {
  return typeof v === "number" ? String(v) : (JSON.stringify(v) ?? String(v));
}

/** A finite number (rejects NaN, ±Infinity and non-numbers). */
export function checkFinite(field: string, v: number): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new AbInputError(field, `${field} must be a finite number (got ${show(v)})`);
  }
  return v;
}

/** A count: finite, non-negative, whole. */
export function checkCount(field: string, v: number): number {
  checkFinite(field, v);
  if (v < 0) throw new AbInputError(field, `${field} (${v}) cannot be negative`);
  if (!Number.isInteger(v)) throw new AbInputError(field, `${field} (${v}) must be a whole number`);
  return v;
}

/** A count of at least `min` (e.g. visitors ≥ 1). */
export function checkCountAtLeast(field: string, v: number, min: number): number {
  checkCount(field, v);
  if (v < min) throw new AbInputError(field, `${field} (${v}) must be at least ${min}`);
  return v;
}

/** Conversions and visitors of one arm: counts, visitors ≥ 1, conversions ≤ visitors. */
export function checkArm(conversions: number, visitors: number, prefix = ""): void {
  const c = `${prefix}conversions`;
  const n = `${prefix}visitors`;
  checkCount(c, conversions);
  checkCountAtLeast(n, visitors, 1);
  if (conversions > visitors) {
    throw new AbInputError(c, `${c} (${conversions}) cannot exceed ${n} (${visitors})`);
  }
}

/** A probability strictly inside (0, 1): rates, alpha, power, credibility. */
export function checkOpenUnit(field: string, v: number): number {
  checkFinite(field, v);
  if (v <= 0 || v >= 1) throw new AbInputError(field, `${field} (${v}) must be between 0 and 1 (exclusive)`);
  return v;
}

/** A share in (0, 1] (e.g. traffic allocation). */
export function checkShare(field: string, v: number): number {
  checkFinite(field, v);
  if (v <= 0 || v > 1) throw new AbInputError(field, `${field} (${v}) must be greater than 0 and at most 1`);
  return v;
}

/** A strictly positive number (MDE, standard deviation, prior parameters, traffic). */
export function checkPositive(field: string, v: number): number {
  checkFinite(field, v);
  if (v <= 0) throw new AbInputError(field, `${field} (${v}) must be greater than 0`);
  return v;
}

/** A non-negative number (a standard deviation may be 0). */
export function checkNonNegative(field: string, v: number): number {
  checkFinite(field, v);
  if (v < 0) throw new AbInputError(field, `${field} (${v}) cannot be negative`);
  return v;
}

/** An array of finite numbers with at least `min` entries. */
export function checkValues(field: string, xs: readonly number[], min: number): readonly number[] {
  if (!Array.isArray(xs)) throw new AbInputError(field, `${field} must be an array of numbers`);
  if (xs.length < min) {
    throw new AbInputError(field, `${field} needs at least ${min} value${min === 1 ? "" : "s"} (got ${xs.length})`);
  }
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new AbInputError(field, `${field}[${i}] must be a finite number (got ${show(v)})`);
    }
  }
  return xs;
}

/** Two arrays that must pair up element by element. */
export function checkSameLength(field: string, a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) {
    throw new AbInputError(field, `${field} has ${b.length} values but ${what} has ${a.length}; they must pair up`);
  }
}

/** A number that may be infinite but not NaN (arguments of CDFs). */
export function checkNumber(field: string, v: number): number {
  if (typeof v !== "number" || Number.isNaN(v)) {
    throw new AbInputError(field, `${field} must be a number (got ${show(v)})`);
  }
  return v;
}

/** A probability in the closed interval [0, 1] (arguments of quantile functions). */
export function checkProbability(field: string, v: number): number {
  checkNumber(field, v);
  if (v < 0 || v > 1) throw new AbInputError(field, `${field} (${v}) must be between 0 and 1`);
  return v;
}
