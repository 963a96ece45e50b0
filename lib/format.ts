// Number formats shared by pages, components and loaders' insight sentences (pt-BR money, en-US text).

const brl = new Intl.NumberFormat("en-US", {style: "currency", currency: "BRL", maximumFractionDigits: 0});
const brlCents = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "BRL",
  maximumFractionDigits: 2,
  minimumFractionDigits: 2
});
const compact = new Intl.NumberFormat("en-US", {notation: "compact", maximumFractionDigits: 1});
const integer = new Intl.NumberFormat("en-US", {maximumFractionDigits: 0});

/** R$16,008,872 — or R$16.0M when `short`. */
export function money(value: number, {short = false, cents = false} = {}): string {
  if (!Number.isFinite(value)) return "–";
  if (short && Math.abs(value) >= 10_000) return `R$${compact.format(value)}`;
  return (cents ? brlCents : brl).format(value);
}

export function count(value: number): string {
  return Number.isFinite(value) ? integer.format(value) : "–";
}

/** 0.4123 → "41.2%". */
export function percent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(digits)}%` : "–";
}
