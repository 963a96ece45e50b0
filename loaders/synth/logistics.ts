// Delivery times, estimates and freight by region/state (approximate real Olist averages).
import type {Rng} from "../../lib/random.js";
import {sec} from "./timeline.js";

const REGION: Record<string, string> = {
  SP: "SE",
  RJ: "SE",
  MG: "SE",
  ES: "SE",
  PR: "S",
  SC: "S",
  RS: "S",
  DF: "CO",
  GO: "CO",
  MT: "CO",
  MS: "CO",
  BA: "NE",
  SE: "NE",
  PE: "NE",
  AL: "NE",
  PB: "NE",
  RN: "NE",
  CE: "NE",
  PI: "NE",
  MA: "NE",
  PA: "N",
  AP: "N",
  AM: "N",
  RR: "N",
  AC: "N",
  RO: "N",
  TO: "N"
};

// Mean days purchase → delivery by customer state (real published averages, rounded).
const DELIVERY_DAYS: Record<string, number> = {
  SP: 8.3,
  RJ: 14.8,
  MG: 11.5,
  ES: 15.3,
  PR: 11.5,
  SC: 14.5,
  RS: 14.8,
  DF: 12.5,
  GO: 15.2,
  MT: 17.6,
  MS: 15.2,
  BA: 18.9,
  SE: 21.0,
  PE: 18.0,
  AL: 24.0,
  PB: 20.0,
  RN: 18.8,
  CE: 20.8,
  PI: 18.9,
  MA: 21.1,
  PA: 23.3,
  AP: 26.7,
  AM: 26.0,
  RR: 29.0,
  AC: 21.0,
  RO: 18.9,
  TO: 17.2
};

const REGION_DIST: Record<string, number> = {
  "SE-S": 1.5,
  "SE-CO": 1.5,
  "SE-NE": 2.5,
  "SE-N": 3,
  "S-CO": 2,
  "S-NE": 3,
  "S-N": 3.5,
  "CO-NE": 2,
  "CO-N": 2,
  "NE-N": 2
};

export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const ra = REGION[a]!;
  const rb = REGION[b]!;
  if (ra === rb) return 1;
  return REGION_DIST[`${ra}-${rb}`] ?? REGION_DIST[`${rb}-${ra}`] ?? 2.5;
}

/** Freight per item in cents: base + distance + weight, lognormal noise (mean ≈ R$20 overall). */
export function freightCents(rng: Rng, weightG: number | null, sellerState: string, customerState: string): number {
  const kg = (weightG ?? 1000) / 1000;
  const base = 10 + 3.6 * distance(sellerState, customerState) + 5 * Math.pow(kg, 0.75);
  return Math.max(0, Math.round(100 * base * rng.lognormal(-0.045, 0.3)));
}

// Periods with many delivery incidents (Black Friday/Christmas 2017, the Feb–Mar 2018 backlog).
const BUSY: [number, number, number][] = [
  [sec("2017-11-20 00:00:00"), sec("2017-12-22 00:00:00"), 0.16],
  [sec("2018-02-10 00:00:00"), sec("2018-03-31 00:00:00"), 0.14]
];
const INCIDENT_RATE = 0.035;

export interface DeliveryPlan {
  deliveryDays: number; // purchase → customer
  estimatedDays: number; // purchase → estimated date (a date: time is dropped by the caller)
}

export function planDelivery(rng: Rng, customerState: string, purchase: number): DeliveryPlan {
  const mean = DELIVERY_DAYS[customerState] ?? 15;
  let q = INCIDENT_RATE;
  for (const [a, b, rate] of BUSY) if (purchase >= a && purchase < b) q = rate;
  let days = 0.93 * mean * rng.lognormal(-0.15, 0.55);
  if (rng.bernoulli(q)) days += rng.gamma(2, 8); // a delivery incident: ≈16 extra days
  const estimatedDays = (mean + 12) * rng.lognormal(0, 0.12);
  return {deliveryDays: Math.max(0.6, days), estimatedDays: Math.max(3, estimatedDays)};
}
