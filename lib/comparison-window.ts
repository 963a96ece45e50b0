// Which months the KPI cards compare: the last complete months against the complete months before them, and
// against the same calendar months a year earlier where the data reach. A month is complete when it ended on or
// before the analysis date and is not sparse; a partial or sparse month is never compared, only skipped.
import type {Comparison, LeftOutReason, MonthDensity, PeriodWindow} from "./contracts/changes.js";

const NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2018-06" → months since year 0 (so that a year earlier is index − 12). */
export function monthIndex(month: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`expected a month as YYYY-MM, got "${month}"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** "2018-06" → "Jun 2018". */
export function monthName(month: string): string {
  const i = monthIndex(month);
  return `${NAMES[i % 12]} ${Math.floor(i / 12)}`;
}

/** The last day of a month, YYYY-MM-DD. */
export function lastDay(month: string): string {
  const i = monthIndex(month);
  return new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).toISOString().slice(0, 10);
}

/**
 * Months as a reader says them: runs of consecutive months joined, the year written once when all share it.
 * ["2018-06","2018-07","2018-08"] → "Jun–Aug 2018"; ["2017-12","2018-01"] → "Dec 2017–Jan 2018";
 * ["2018-03","2018-05","2018-06"] → "Mar, May–Jun 2018".
 */
export function monthsLabel(months: string[]): string {
  const indexes = [...new Set(months.map(monthIndex))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of indexes) {
    const last = runs.at(-1);
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  const year = (i: number) => Math.floor(i / 12);
  const oneYear = indexes.length > 0 && year(indexes[0]) === year(indexes.at(-1)!);
  const name = (i: number, withYear: boolean) => (withYear ? `${NAMES[i % 12]} ${year(i)}` : NAMES[i % 12]);
  return runs
    .map(([from, to], k) => {
      const withYear = !oneYear || k === runs.length - 1;
      if (from === to) return name(from, withYear);
      return `${name(from, withYear && year(from) !== year(to))}–${name(to, withYear)}`;
    })
    .join(", ");
}

function periodWindow(indexes: number[]): PeriodWindow {
  const months = [...indexes].sort((a, b) => a - b).map(monthOfIndex);
  return {months, label: monthsLabel(months), as_of: lastDay(months.at(-1)!)};
}

function reason(m: MonthDensity): LeftOutReason {
  if (!m.complete && m.sparse) return "incomplete and sparse";
  return m.complete ? "sparse" : "incomplete";
}

const RULE =
  "The last {n} complete months against the {n} complete months before them, and against the same months a year " +
  "earlier where the data reach; a month is complete when it ended on or before the analysis date and the data " +
  "are not sparse in it (the data-quality page lists sparse months). A side may skip a month that is not complete " +
  "(its {n} months lie within {span} consecutive ones); such months are never compared.";

/**
 * The comparison windows for a calendar of months (any order; a month missing between the first and the last is
 * treated as sparse: it has no order). `length` months per side; sparklines cover at most `sparkline` months.
 */
export function comparisonWindow(calendar: MonthDensity[], {length = 3, sparkline = 24} = {}): Comparison {
  const byIndex = new Map(calendar.map((m) => [monthIndex(m.month), m]));
  const rule = RULE.replaceAll("{n}", String(length)).replaceAll("{span}", String(2 * length - 1));
  const empty = {rule, recent: null, previous: null, year_ago: null, left_out: [], sparkline_months: []};
  if (byIndex.size === 0) return {...empty, missing: {recent: "the data hold no month"}};
  const first = Math.min(...byIndex.keys());
  const last = Math.max(...byIndex.keys());
  const density = (i: number): MonthDensity =>
    byIndex.get(i) ?? {month: monthOfIndex(i), complete: i < last, sparse: true};
  const comparable = (i: number) => i >= first && i <= last && density(i).complete && !density(i).sparse;

  // A side is `length` complete months among at most `span` consecutive ones: a skipped sparse month is fine, a
  // side scattered over a year is not a quarter any more.
  const span = 2 * length - 1;
  const within = (to: number) => {
    const found: number[] = [];
    for (let i = to; i > to - span && i >= first && found.length < length; i--) if (comparable(i)) found.push(i);
    return found.length === length ? found : null;
  };
  // The recent side ends with the last complete month, however many incomplete or sparse months follow it.
  let lastComplete = last;
  while (lastComplete >= first && !comparable(lastComplete)) lastComplete--;
  const recentIdx = lastComplete >= first ? within(lastComplete) : null;
  // Sparklines end with the last recent month (or the last month, when nothing can be compared) and leave blank the
  // months that are never compared.
  const end = recentIdx ? Math.max(...recentIdx) : last;
  const start = Math.max(first, end - sparkline + 1);
  const sparkline_months = Array.from({length: end - start + 1}, (_, k) => monthOfIndex(start + k));
  const leftOut = (from: number) => {
    const months: Comparison["left_out"] = [];
    for (let i = from; i <= last; i++)
      if (!comparable(i)) months.push({month: monthOfIndex(i), reason: reason(density(i))});
    return months;
  };
  const tooFew = (to: number) =>
    `fewer than ${length} of the ${span} months up to ${monthName(monthOfIndex(to))} are complete`;
  if (!recentIdx) {
    return {
      ...empty,
      missing: {recent: lastComplete >= first ? tooFew(lastComplete) : "no month of the data is complete"},
      left_out: leftOut(start),
      sparkline_months
    };
  }
  const recent = periodWindow(recentIdx);
  const before = Math.min(...recentIdx) - 1;
  const previousIdx = within(before);
  const missing: Comparison["missing"] = {};
  const previous = previousIdx ? periodWindow(previousIdx) : null;
  if (!previous)
    missing.previous = before < first ? `the data start in ${monthName(recent.months[0])}` : tooFew(before);

  const yearAgoIdx = recentIdx.map((i) => i - 12);
  let year_ago: PeriodWindow | null = null;
  if (Math.min(...yearAgoIdx) < first) missing.year_ago = `the data start in ${monthName(monthOfIndex(first))}`;
  else {
    const notComparable = yearAgoIdx.filter((i) => !comparable(i)).sort((a, b) => a - b);
    if (notComparable.length === 0) year_ago = periodWindow(yearAgoIdx);
    else {
      const m = density(notComparable[0]);
      missing.year_ago = `${monthName(m.month)} is ${reason(m)}`;
    }
  }
  const used = [...recentIdx, ...(previousIdx ?? []), ...(year_ago ? yearAgoIdx : [])];
  return {rule, recent, previous, year_ago, missing, left_out: leftOut(Math.min(start, ...used)), sparkline_months};
}
