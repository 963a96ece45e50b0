// Calendar of first purchases: the real month curve (orders by purchase month), day-of-week and Black Friday
// shape within months, and the hour-of-day profile. Times are seconds since the epoch, read as wall-clock UTC.
import {Alias, type Rng} from "../../lib/random.js";

export const sec = (iso: string) => Date.parse(iso.replace(" ", "T") + "Z") / 1000;
export const DAY = 86400;

/** Largest-remainder apportionment of `total` over `weights` (integer counts summing exactly to total). */
export function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((s, x) => s + x, 0);
  const raw = weights.map((x) => (x * total) / sum);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length]![1]]!++;
  return counts;
}

/** Real orders per purchase month (sums to 99,441). */
export const MONTHS: [string, number][] = [
  ["2016-09", 4],
  ["2016-10", 324],
  ["2016-11", 0],
  ["2016-12", 1],
  ["2017-01", 800],
  ["2017-02", 1780],
  ["2017-03", 2682],
  ["2017-04", 2404],
  ["2017-05", 3700],
  ["2017-06", 3245],
  ["2017-07", 4026],
  ["2017-08", 4331],
  ["2017-09", 4285],
  ["2017-10", 4631],
  ["2017-11", 7544],
  ["2017-12", 5673],
  ["2018-01", 7269],
  ["2018-02", 6728],
  ["2018-03", 7211],
  ["2018-04", 6939],
  ["2018-05", 6873],
  ["2018-06", 6167],
  ["2018-07", 6292],
  ["2018-08", 6512],
  ["2018-09", 16],
  ["2018-10", 4]
];

/** Repeat purchases are observed until here (the real extraction is complete through August 2018). */
export const OBS_END = sec("2018-09-01 00:00:00");
/** Last purchase timestamp of the real data. */
export const DATA_END = sec("2018-10-17 17:30:18");
/** The real data has no orders between these dates (a platform gap): the buying rate is zero there. */
export const OUTAGE: [number, number] = [sec("2016-10-11 00:00:00"), sec("2017-01-01 00:00:00")];
/** Months after August 2018 hold only a handful of (canceled) orders, as in the real data. */
export const TAIL_START = OBS_END;

// Days of the month that carry orders in the sparse edge months (real first/last days).
const DAY_RANGE: Record<string, [number, number]> = {
  "2016-09": [4, 15],
  "2016-10": [2, 10],
  "2016-12": [23, 23],
  "2018-08": [1, 29],
  "2018-10": [1, 17]
};

// Black Friday 2017 (Nov 24) and its weekend: multipliers on the daily weight.
const SPECIAL_DAYS: Record<string, number> = {
  "2017-11-23": 1.3,
  "2017-11-24": 6.3,
  "2017-11-25": 1.7,
  "2017-11-26": 1.5,
  "2017-11-27": 1.6,
  "2017-11-28": 1.2
};
const WEEKDAY = [0.85, 1.12, 1.12, 1.08, 1.04, 0.98, 0.8]; // Sun..Sat

// Real purchases by hour of day (0..23).
const HOURS = [
  2394, 1170, 510, 272, 206, 188, 502, 1231, 2967, 4785, 6177, 6578, 5995, 6518, 6569, 6454, 6675, 6150, 5769, 5982,
  6193, 6217, 5816, 4123
];
const hourAlias = new Alias(HOURS);

export interface MonthPlan {
  month: string;
  persons: number;
  days: number[]; // day start seconds
  dayAlias: Alias;
}

/** Allocate `nPersons` first purchases to months by the real curve (largest remainder → exact totals). */
export function planMonths(nPersons: number): MonthPlan[] {
  const counts = apportion(
    MONTHS.map(([, n]) => n),
    nPersons
  );
  return MONTHS.map(([month], i) => {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const nDays = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const [d0, d1] = DAY_RANGE[month] ?? [1, nDays];
    const days: number[] = [];
    const weights: number[] = [];
    for (let d = d0; d <= d1; d++) {
      const t = Date.UTC(y, m - 1, d) / 1000;
      const key = `${month}-${String(d).padStart(2, "0")}`;
      days.push(t);
      weights.push(WEEKDAY[new Date(t * 1000).getUTCDay()]! * (SPECIAL_DAYS[key] ?? 1));
    }
    return {month, persons: counts[i]!, days, dayAlias: new Alias(weights)};
  });
}

/** A purchase time within the month (day by weight, hour by the real profile, uniform minute/second). */
export function purchaseTime(plan: MonthPlan, rng: Rng): number {
  const day = plan.days[plan.dayAlias.sample(rng)]!;
  return day + hourAlias.sample(rng) * 3600 + rng.int(0, 3599);
}
