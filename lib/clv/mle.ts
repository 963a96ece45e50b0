// Maximum likelihood for the CLV models, shared by BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma: Nelder–Mead with
// restarts over θ = log(parameters) (bounded, deterministic starts), then standard errors and the covariance from
// the Hessian of the negative log-likelihood in θ (delta method to the natural scale).
import {logScaleStandardErrors, minimize} from "./optimize.js";

export type Params<K extends string> = Record<K, number>;

export interface MleFit<K extends string> {
  params: Params<K>;
  /** Standard errors (delta method from the log-scale Hessian); NaN where not identified. */
  se: Params<K>;
  /** Covariance of the parameters on the natural scale, in `names` order, or null. */
  covariance: number[][] | null;
  /** Covariance of log(parameters) (the inverse Hessian in θ), or null: what parameter draws sample from. */
  logCovariance: number[][] | null;
  logLikelihood: number;
  /** Total weight (number of customers). */
  n: number;
  converged: boolean;
  evaluations: number;
  /** E.g. parameters at a bound or a non-invertible Hessian. */
  warnings: string[];
}

export interface MleOptions<K extends string> {
  /** Extra starting points on the natural scale (tried in addition to the default starts). */
  starts?: readonly Params<K>[];
  /** Use only the given starts (skip the defaults). */
  onlyGivenStarts?: boolean;
  /** Bounds on log-parameters (default ±15, i.e. 3e-7 … 3.3e6). */
  logBound?: number;
  maxIter?: number;
}

export function fitMaximumLikelihood<K extends string>(
  names: readonly K[],
  totalLogLikelihood: (params: Params<K>) => number,
  n: number,
  defaultStarts: readonly Params<K>[],
  options: MleOptions<K> = {}
): MleFit<K> {
  const bound = options.logBound ?? 15;
  const toParams = (v: readonly number[]) => Object.fromEntries(names.map((k, i) => [k, v[i]!])) as Params<K>;
  const nll = (theta: readonly number[]) => -totalLogLikelihood(toParams(theta.map(Math.exp)));
  const starts = [...(options.onlyGivenStarts ? [] : defaultStarts), ...(options.starts ?? [])].map((s) =>
    names.map((k) => Math.log(Math.min(Math.exp(bound), Math.max(Math.exp(-bound), s[k]))))
  );
  const res = minimize((theta) => nll(theta) / n, starts, {
    lower: names.map(() => -bound),
    upper: names.map(() => bound),
    maxIter: options.maxIter ?? 5000,
    tolF: 1e-12,
    tolX: 1e-7
  });
  const warnings: string[] = [];
  res.x.forEach((v, i) => {
    if (Math.abs(v) > bound - 1e-3)
      warnings.push(`${names[i]} is at its bound (log ${names[i]} = ${v.toFixed(2)}): not identified by these data`);
  });
  if (res.stalled) {
    const far = names.filter((_, i) => Math.abs(res.x[i]!) > 7);
    warnings.push(
      `the likelihood is flat along a ridge${far.length ? ` where ${far.join(", ")} grow without limit` : ""}: ` +
        "the fit stopped where it no longer improved, and those parameters are not identified by these data"
    );
  }
  const ses = logScaleStandardErrors(nll, res.x);
  if (!ses.ok) warnings.push("the Hessian is not positive definite: some standard errors are NaN");
  return {
    params: toParams(res.x.map(Math.exp)),
    se: toParams(ses.se),
    covariance: ses.covariance,
    logCovariance: ses.ok ? ses.logCovariance : null,
    logLikelihood: -nll(res.x),
    n,
    converged: res.converged,
    evaluations: res.evaluations,
    warnings
  };
}
