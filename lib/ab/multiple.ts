// Holm (1979) step-down adjustment of p-values: sort ascending, p̃(i) = max_{j ≤ i} min(1, (m − j + 1)·p(j)).
import {checkProbability, checkValues} from "./errors.js";

export function holmAdjust(pValues: readonly number[]): number[] {
  checkValues("pValues", pValues, 1);
  pValues.forEach((p, i) => checkProbability(`pValues[${i}]`, p));
  const m = pValues.length;
  const order = pValues.map((p, i) => ({p, i})).sort((x, y) => x.p - y.p);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(({p, i}, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
