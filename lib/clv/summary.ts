// Per-customer RFM summaries for the BG/NBD and Gamma-Gamma models, in a caller-chosen time unit.
//   x   = number of repeat purchases (purchases after the first; purchases in the same period are merged)
//   t_x = time of the last purchase, measured from the first purchase (0 if x = 0)
//   T   = age: time from the first purchase to the end of the observation period
//   m_x = mean value of the repeat purchases (the first purchase is excluded, per Fader & Hardie), 0 if x = 0

export interface Transaction {
  id: string;
  /** Purchase time in days (any origin, e.g. days since 1970-01-01); fractional days are floored. */
  day: number;
  /** Purchase value (optional; needed only for the Gamma-Gamma spend model). */
  amount?: number;
}

export interface CustomerSummary {
  id: string;
  x: number;
  tx: number;
  T: number;
  /** Mean repeat-purchase value (0 when x = 0). */
  mx: number;
  /** Total value of all purchases (historical revenue, including the first). */
  revenue: number;
}

export interface SummaryOptions {
  /** End of the observation (calibration) period, in the same day scale as the transactions. */
  observationEnd: number;
  /** Days per model time unit: 1 for days, 7 for weeks (default 7). */
  unitDays?: number;
}

/** Summarise transactions per customer. Purchases on the same (floored) day count as one purchase. */
export function summarise(transactions: readonly Transaction[], options: SummaryOptions): CustomerSummary[] {
  const unit = options.unitDays ?? 7;
  const end = options.observationEnd;
  const byId = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    if (!(t.day <= end)) continue; // after the observation period (or NaN)
    const day = Math.floor(t.day);
    let days = byId.get(t.id);
    if (!days) byId.set(t.id, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + (t.amount ?? 0));
  }
  const out: CustomerSummary[] = [];
  for (const [id, days] of byId) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    let revenue = 0;
    let repeat = 0;
    for (const d of sorted) revenue += days.get(d)!;
    for (const d of sorted.slice(1)) repeat += days.get(d)!;
    const x = sorted.length - 1;
    out.push({id, x, tx: (last - first) / unit, T: (end - first) / unit, mx: x > 0 ? repeat / x : 0, revenue});
  }
  return out;
}

export interface GroupedRow {
  x: number;
  tx: number;
  T: number;
  /** Number of customers with this (x, t_x, T). */
  count: number;
}

/** Group identical (x, t_x, T) rows so the likelihood is evaluated once per distinct row. */
export function groupSummaries(rows: readonly {x: number; tx: number; T: number}[]): GroupedRow[] {
  const map = new Map<string, GroupedRow>();
  for (const r of rows) {
    const key = `${r.x}|${r.tx}|${r.T}`;
    const g = map.get(key);
    if (g) g.count++;
    else map.set(key, {x: r.x, tx: r.tx, T: r.T, count: 1});
  }
  return [...map.values()];
}
