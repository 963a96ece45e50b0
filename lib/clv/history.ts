// One customer's P(alive) over time, as lifetimes' plot_history_alive draws it: on each day τ after the first
// purchase, the model's P(alive | x(τ), t_x(τ), T(τ)) with x(τ) = repeat purchase days up to τ, t_x(τ) = last of
// them − first purchase and T(τ) = τ − first purchase (weeks), at fixed (fitted) parameters. It falls while the
// customer is silent and jumps back up at each purchase.
import type {ModelParams, PurchaseModel} from "./models.js";

export interface HistoryInput {
  /** Day number of the first purchase. */
  firstDay: number;
  /** The person's purchase days after the first, ascending (possibly only the latest ones). */
  repeatDays: readonly number[];
  /** All repeat purchase days, x at the end (≥ repeatDays.length when the list was capped). */
  x: number;
  /** The last day of the history (the analysis date). */
  endDay: number;
}

export interface HistoryPoint {
  day: number;
  pAlive: number;
  /** True on a purchase day (the value just after that purchase). */
  purchase: boolean;
}

/**
 * P(alive) on the first day the summaries are known, every `stepDays` after it and on each purchase day. That
 * first day is the first purchase (T = 0: 1 for BG/NBD and Pareto/NBD, 1/(1 + a/b) for MBG/NBD, whose customers
 * may drop out right away), or the first listed day when earlier repeat purchases were left out (x(τ) is then x
 * minus the listed days after τ).
 */
export function aliveHistory(
  model: PurchaseModel,
  params: ModelParams,
  input: HistoryInput,
  {unitDays = 7, stepDays = 7}: {unitDays?: number; stepDays?: number} = {}
): HistoryPoint[] {
  const {firstDay, repeatDays, x, endDay} = input;
  const missing = x - repeatDays.length;
  if (missing < 0) throw new RangeError(`aliveHistory: x = ${x} but ${repeatDays.length} repeat days are listed`);
  const start = missing > 0 ? repeatDays[0]! : firstDay;
  const days = new Set<number>(repeatDays);
  for (let day = start + stepDays; day < endDay; day += stepDays) days.add(day);
  days.add(endDay);
  const purchase = new Set(repeatDays);
  const out: HistoryPoint[] = [];
  let seen = 0; // listed repeat days ≤ day
  days.add(start);
  for (const day of [...days].filter((d) => d >= start && d <= endDay).sort((a, b) => a - b)) {
    while (seen < repeatDays.length && repeatDays[seen]! <= day) seen++;
    const xNow = missing + seen;
    const last = seen > 0 ? repeatDays[seen - 1]! : firstDay;
    const pAlive = model.probabilityAlive(params, xNow, (last - firstDay) / unitDays, (day - firstDay) / unitDays);
    out.push({day, pAlive, purchase: purchase.has(day)});
  }
  return out;
}
