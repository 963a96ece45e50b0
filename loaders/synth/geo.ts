// Zip-prefix universe (which CEP prefixes exist, their state, city and centre point) and the geolocation file.
import {Alias, type Rng} from "../../lib/random.js";
import {ACCENTS, STATES, TOWN_NAMES, type StateDef} from "./geo-data.js";
import {CsvWriter, quotedHeader, str} from "./csv.js";

export interface Prefix {
  code: number; // 1000..99999
  state: number; // index into STATES
  city: string;
  lat: number;
  lng: number;
  w: number; // relative popularity within the state
  inGeo: boolean; // false for the few prefixes missing from the geolocation file (as in the real data)
}

export interface Geography {
  prefixes: Prefix[]; // sorted by code
  byState: {alias: Alias; idx: number[]}[]; // per STATES index; idx into prefixes
}

export const REAL_PREFIXES = 19_000;

export function prefixString(code: number): string {
  return String(code).padStart(5, "0");
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** A point near (lat, lng), kept inside the state's box. */
function jitter(rng: Rng, st: StateDef, lat: number, lng: number, sd: number): [number, number] {
  const [la0, la1, ln0, ln1] = st.box;
  return [clamp(lat + rng.normal(0, sd), la0, la1), clamp(lng + rng.normal(0, sd), ln0, ln1)];
}

interface Candidate {
  code: number;
  city: string;
  lat: number;
  lng: number;
  w: number;
}

/** All possible prefixes of a state: named-city ranges, and the rest split into small towns of 10–60 prefixes. */
function candidates(st: StateDef, rng: Rng): Candidate[] {
  const out: Candidate[] = [];
  const taken = new Set<number>();
  const total = st.cities.reduce((s, c) => s + c.w, 0) / (1 - st.townShare);
  for (const c of st.cities) {
    const n = c.hi - c.lo + 1;
    for (let code = c.lo; code <= c.hi; code++) {
      if (taken.has(code)) continue;
      taken.add(code);
      // Centre of the prefix: spread scales with the city's size.
      const [lat, lng] = jitter(rng, st, c.lat, c.lng, 0.02 + 0.04 * Math.min(1, n / 2000));
      out.push({code, city: c.name, lat, lng, w: (c.w / n) * rng.lognormal(0, 0.8)});
    }
  }
  const rest: number[] = [];
  for (const [lo, hi] of st.ranges) for (let code = lo; code <= hi; code++) if (!taken.has(code)) rest.push(code);
  const townW = (total * st.townShare) / Math.max(1, rest.length);
  const [la0, la1, ln0, ln1] = st.box;
  for (let i = 0; i < rest.length;) {
    const len = rng.int(10, 60);
    const name = rng.pick(TOWN_NAMES);
    const tlat = rng.uniform(la0 + 0.1 * (la1 - la0), la1 - 0.1 * (la1 - la0));
    const tlng = rng.uniform(ln0 + 0.1 * (ln1 - ln0), ln1 - 0.1 * (ln1 - ln0));
    for (let j = 0; j < len && i < rest.length; j++, i++) {
      const [lat, lng] = jitter(rng, st, tlat, tlng, 0.02);
      out.push({code: rest[i]!, city: name, lat, lng, w: townW * rng.lognormal(0, 1)});
    }
  }
  return out;
}

/** Choose ≈19,000 × min(1, scale)^0.6 prefixes, spread over states by their customer share. */
export function buildGeography(rng: Rng, scale: number): Geography {
  const n = Math.max(60, Math.round(REAL_PREFIXES * Math.pow(Math.min(1, scale), 0.6)));
  const totalCustomers = STATES.reduce((s, st) => s + st.customers, 0);
  const chosen: Prefix[] = [];
  STATES.forEach((st, si) => {
    const cands = candidates(st, rng);
    const k = Math.min(cands.length, Math.max(3, Math.round((n * st.customers) / totalCustomers)));
    // Weighted sampling without replacement (Efraimidis–Spirakis keys): busy prefixes are more likely to exist.
    const keyed = cands.map((c) => ({c, key: -Math.log(1 - rng.next()) / c.w}));
    keyed.sort((a, b) => a.key - b.key || a.c.code - b.c.code);
    for (let i = 0; i < k; i++) {
      const c = keyed[i]!.c;
      chosen.push({...c, state: si, inGeo: true});
    }
  });
  chosen.sort((a, b) => a.code - b.code);
  // ≈0.8% of prefixes (the quietest ones) are missing from the geolocation file, like the real data.
  for (const p of chosen) if (rng.bernoulli(0.008)) p.inGeo = false;
  const byState = STATES.map((_, si) => {
    const idx: number[] = [];
    chosen.forEach((p, i) => {
      if (p.state === si) idx.push(i);
    });
    return {alias: new Alias(idx.map((i) => chosen[i]!.w)), idx};
  });
  return {prefixes: chosen, byState};
}

export function samplePrefix(geo: Geography, state: number, rng: Rng): Prefix {
  const s = geo.byState[state]!;
  return geo.prefixes[s.idx[s.alias.sample(rng)]!]!;
}

/** Accented spelling of a city ("sao paulo" → "são paulo"). */
export function accented(city: string): string {
  return city
    .split(" ")
    .map((w) => ACCENTS[w] ?? w)
    .join(" ");
}

/** UTF-8 read as Latin-1, a real artefact of the geolocation file ("são paulo" → "sã£o paulo"). */
function mojibake(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch.charCodeAt(0) < 128) {
      out += ch;
      continue;
    }
    for (const b of new TextEncoder().encode(ch)) out += String.fromCharCode(b);
  }
  return out.toLowerCase();
}

function geoCityVariant(city: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.8) return city;
  const acc = accented(city);
  if (r < 0.96) return acc;
  if (r < 0.985 && acc !== city) return mojibake(acc);
  return city.replace(/\bsao\b/, "s.").replace(/\bsanta\b/, "sta");
}

// A few points land outside Brazil (Portugal/Spain/Atlantic), as in the real file.
const OUTSIDE: [number, number][] = [
  [38.72, -9.14],
  [41.15, -8.61],
  [40.42, -3.7],
  [28.1, -15.43]
];

export async function writeGeolocation(path: string, geo: Geography, rng: Rng, scale: number): Promise<number> {
  const w = new CsvWriter(
    path,
    quotedHeader([
      "geolocation_zip_code_prefix",
      "geolocation_lat",
      "geolocation_lng",
      "geolocation_city",
      "geolocation_state"
    ])
  );
  const listed = geo.prefixes.filter((p) => p.inGeo);
  const target = Math.max(listed.length, Math.round(150_000 * scale));
  const extra = target - listed.length;
  let sumW = 0;
  for (const p of listed) sumW += Math.sqrt(p.w);
  const outside = new Set<number>();
  const nOutside = Math.max(1, Math.round(30 * scale));
  for (let i = 0; i < nOutside; i++) outside.add(rng.int(0, listed.length - 1));
  for (let i = 0; i < listed.length; i++) {
    const p = listed[i]!;
    const st = STATES[p.state]!;
    const share = (extra * Math.sqrt(p.w)) / sumW;
    const n = 1 + Math.floor(share) + (rng.next() < share - Math.floor(share) ? 1 : 0);
    let prev: string[] | null = null;
    for (let j = 0; j < n; j++) {
      if (prev && rng.bernoulli(0.2)) {
        w.row(prev); // exact duplicate row
        continue;
      }
      let [lat, lng] = jitter(rng, st, p.lat, p.lng, 0.01);
      if (j === 0 && outside.has(i)) {
        const o = rng.pick(OUTSIDE);
        lat = o[0] + rng.normal(0, 0.05);
        lng = o[1] + rng.normal(0, 0.05);
      }
      prev = [str(prefixString(p.code)), String(lat), String(lng), str(geoCityVariant(p.city, rng)), st.code];
      w.row(prev);
    }
    await w.maybeFlush();
  }
  await w.close();
  return w.rows;
}
