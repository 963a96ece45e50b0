// Rounding, shares and calendar days: the one place for the small numeric helpers of lib, loaders and pages.
// The rule for empty denominators: a share of nothing is not 0 but unknown, so ratio() returns null and pages
// show "–" (lib/format.ts does).

/** `value` rounded to `digits` decimals (as toFixed rounds); NaN and ±Infinity pass through unchanged. */
export function round(value: number, digits: number): number {
  return Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
}

/** `value` to `digits` significant digits (tiny p-values keep their order of magnitude). */
export function roundSignificant(value: number, digits: number): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
}

/** part / whole, or null when the whole is 0 or not a finite number. */
export function ratio(part: number, whole: number): number | null {
  return whole !== 0 && Number.isFinite(whole) && Number.isFinite(part) ? part / whole : null;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Whole days from 1970-01-01 to a date given as YYYY-MM-DD (a longer timestamp's time of day is ignored). */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new Error(`dayNumber: expected a date as YYYY-MM-DD, got "${date}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The YYYY-MM-DD date of a day number (the inverse of dayNumber). */
export function dateOfDay(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}
