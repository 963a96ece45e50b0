// Shared input shapes.

/** One arm of a conversion experiment. */
export interface Arm {
  conversions: number;
  visitors: number;
}

/** Summary statistics of a per-user metric in one arm (sd is the sample sd, n − 1 denominator). */
export interface ArmSummary {
  n: number;
  mean: number;
  sd: number;
}

/** A two-sided interval [lower, upper]. */
export interface Interval {
  lower: number;
  upper: number;
}
