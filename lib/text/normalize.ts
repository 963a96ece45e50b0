// Normalisation of informal Brazilian Portuguese review text (pure TypeScript: no Node or DOM APIs).
//
// Pipeline, applied token by token so every normalised word keeps the character offsets of the raw text it came
// from (the sentiment page highlights matched terms in the original review):
//   1. raw tokens: runs of letters (an abbreviation slash or plus sign attached: "p/", "c/", "d+"), or runs of digits;
//   2. lowercase, strip accents (NFD, drop combining marks), keep a–z only ("ñ" → "n", "ç" → "c");
//   3. collapse repeated letters: runs of 3+ → 1 ("ótimoooo" → "otimo"), except an intervocalic rr/ss run, which
//      becomes 2 ("errrrado" → "errado", "issso" → "isso"); runs of exactly 2 are kept only where Portuguese spells
//      a real double letter (see `collapseRepeats`), so "carro"/"nosso"/"reembolso"/"alcool" survive and
//      "boom"/"goostei"/"muitoo" become "bom"/"gostei"/"muito";
//   4. expand chat abbreviations and common misspellings ("vc" → "voce", "mt" → "muito", "ñ"/"n" → "nao" as a
//      negation token, "p/" → "para", "naum" → "nao", "ruin" → "ruim"…);
//   5. drop laughter ("kkkk", "rsrs", "hahaha") and digits, except a grade after "nota" ("nota 10" → "nota dez").
// Punctuation and emoji are dropped, but sentence ( . ! ? ; newline ) and clause ( , : ( ) " - " ) breaks are
// recorded on the following token, because negation scope and contrast stop at them.

/** Break between a token and the one before it, from the punctuation found between them. */
export type Break = "none" | "clause" | "sentence";

export interface NormToken {
  /** Normalised word (a–z only). An abbreviation expanding to two words ("pfv" → "por favor") yields two tokens. */
  word: string;
  /** The raw text it came from. */
  raw: string;
  /** Character offsets of `raw` in the input string (end exclusive). */
  start: number;
  end: number;
  /** Punctuation break between the previous token and this one ("none" for the first token). */
  breakBefore: Break;
}

/** Chat abbreviations and frequent misspellings, keyed by their collapsed accent-free form. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // pronouns / function words
  vc: "voce",
  vcs: "voces",
  voc: "voce",
  vce: "voce",
  oce: "voce",
  q: "que",
  qe: "que",
  ke: "que",
  oq: "o que",
  pq: "porque",
  pk: "porque",
  pqe: "porque",
  porq: "porque",
  pra: "para",
  eh: "e",
  ta: "esta",
  tah: "esta",
  to: "estou",
  tou: "estou",
  cmg: "comigo",
  ctg: "contigo",
  msm: "mesmo",
  tb: "tambem",
  tbm: "tambem",
  tmb: "tambem",
  tbem: "tambem",
  tamem: "tambem",
  tambm: "tambem",
  hj: "hoje",
  dps: "depois",
  dpois: "depois",
  agr: "agora",
  qdo: "quando",
  qnd: "quando",
  qd: "quando",
  qndo: "quando",
  nd: "nada",
  ngm: "ninguem",
  nenhun: "nenhum",
  td: "tudo",
  tdo: "tudo",
  tds: "todos",
  tdos: "todos",
  tdas: "todas",
  mt: "muito",
  mto: "muito",
  mtu: "muito",
  muinto: "muito",
  mts: "muitos",
  mtos: "muitos",
  mta: "muita",
  mtas: "muitas",
  sdd: "saudade",
  vdd: "verdade",
  ctz: "certeza",
  pfv: "por favor",
  pfvr: "por favor",
  pf: "por favor",
  plmds: "pelo amor de deus",
  kd: "cade",
  cadeh: "cade",
  // negation
  n: "nao",
  nn: "nao",
  naum: "nao",
  nau: "nao",
  naao: "nao",
  // politeness / reactions
  blz: "beleza",
  obg: "obrigado",
  obgd: "obrigado",
  obgda: "obrigada",
  obgdo: "obrigado",
  obrigadu: "obrigado",
  brigado: "obrigado",
  brigada: "obrigada",
  vlw: "valeu",
  vlu: "valeu",
  parabems: "parabens",
  parabenz: "parabens",
  // frequent misspellings of review vocabulary
  exelente: "excelente",
  excelent: "excelente",
  ecelente: "excelente",
  execelente: "excelente",
  excelemte: "excelente",
  exselente: "excelente",
  otmo: "otimo",
  otma: "otima",
  perfeto: "perfeito",
  perfeta: "perfeita",
  ruin: "ruim",
  pesimo: "pessimo",
  pesima: "pessima",
  orrivel: "horrivel",
  atrazo: "atraso",
  atrazado: "atrasado",
  atrazada: "atrasada",
  atrazou: "atrasou",
  atrazados: "atrasados",
  chego: "chegou",
  chegol: "chegou",
  xegou: "chegou",
  resebi: "recebi",
  recebii: "recebi",
  recibi: "recebi",
  entrege: "entregue",
  entreg: "entrega",
  defeto: "defeito",
  defeitu: "defeito",
  quebrad: "quebrado",
  recomento: "recomendo",
  recomedo: "recomendo",
  recomndo: "recomendo",
  recomeno: "recomendo",
  gostey: "gostei",
  adorey: "adorei",
  rapidu: "rapido",
  rapdo: "rapido",
  produtu: "produto",
  produdo: "produto",
  satisfeto: "satisfeito",
  confiaval: "confiavel",
  decepicionado: "decepcionado",
  decepicionada: "decepcionada",
  decepsao: "decepcao",
  decpcionou: "decepcionou",
  decepicionou: "decepcionou",
  recebemo: "recebemos",
  mercadori: "mercadoria",
  ainada: "ainda",
  aimda: "ainda"
};

/** Abbreviations written with a slash: "p/ entrega", "c/ defeito", "s/ problemas". */
const SLASH_ABBREVIATIONS: Readonly<Record<string, string>> = {
  p: "para",
  c: "com",
  s: "sem",
  q: "que",
  n: "nao",
  pq: "porque"
};

/** Grades written after "nota" ("nota 10", "nota 1000"): kept as words because they carry sentiment. */
const GRADE_WORDS: Readonly<Record<string, string>> = {
  "0": "zero",
  "00": "zero",
  "1": "um",
  "2": "dois",
  "3": "tres",
  "4": "quatro",
  "5": "cinco",
  "6": "seis",
  "7": "sete",
  "8": "oito",
  "9": "nove",
  "10": "dez",
  "100": "cem",
  "1000": "mil",
  "10000": "mil"
};

const LAUGHTER = /^(?:k{2,}|(?:rs){2,}|(?:ha){2,}h?|(?:he){2,}|(?:hu?a){2,}|(?:hi){2,}|(?:ja){3,})$/;
const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** Lowercase, strip accents (NFD + remove combining marks), keep a–z only. */
export function foldAccents(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z]+/g, "");
}

/**
 * Collapse letter repetitions with a dictionary-free heuristic.
 * - 3+ identical letters → 1, except an intervocalic rr/ss run → 2 ("errrrado" → "errado").
 * - exactly 2 letters are kept only where Portuguese spells a real double letter:
 *   rr / ss / cc between vowels ("carro", "nosso", "ficcao");
 *   ee after a word-initial re-/pre- prefix ("reembolso", "reenvio", "preencher") or in the -eem plural of
 *   ver/ler/crer/dar ("veem", "leem", "creem", "deem");
 *   oo in a word-initial "coo" ("coordenar", "cooperar"), before l or nd ("alcool", "microondas"), or in a
 *   3-letter word ("voo", "zoo") or the "enjoo" ending;
 *   everything else (aa, ii, uu, other consonants, word-final doubles) → 1 ("boom" → "bom", "simm" → "sim").
 */
export function collapseRepeats(word: string): string {
  let out = "";
  let i = 0;
  while (i < word.length) {
    const c = word[i]!;
    let j = i + 1;
    while (j < word.length && word[j] === c) j++;
    const run = j - i;
    if (run === 1) {
      out += c;
    } else {
      const prev = word[i - 1];
      const next = word[j];
      const intervocalic = isVowel(prev) && isVowel(next);
      if (run >= 3) {
        out += (c === "r" || c === "s") && intervocalic ? c + c : c;
      } else {
        out += keepDouble(word, i, c, intervocalic) ? c + c : c;
      }
    }
    i = j;
  }
  return out;
}

function keepDouble(word: string, i: number, c: string, intervocalic: boolean): boolean {
  switch (c) {
    case "r":
    case "s":
    case "c":
      return intervocalic;
    case "e":
      if (i === 1 && word[0] === "r") return true; // reembolso, reenviar
      if (i === 2 && word.startsWith("pr")) return true; // preencher
      return i + 3 === word.length && word[i + 2] === "m" && /(?:v|l|cr|d)$/.test(word.slice(0, i)); // veem, leem
    case "o": {
      if (i === 1 && word[0] === "c" && word.length > 3) return true;
      const after = word.slice(i + 2);
      if (after.startsWith("l") || after.startsWith("nd")) return true;
      if (word.length === 3 && i === 1) return true;
      return word.endsWith("joo") && i + 2 === word.length;
    }
    default:
      return false;
  }
}

/** Normalise one raw (letter) token into zero or more words. */
export function normalizeWord(raw: string): string[] {
  let suffix = "";
  let base = raw;
  const last = raw[raw.length - 1];
  if (last === "/" || last === "+") {
    suffix = last;
    base = raw.slice(0, -1);
  }
  const folded = foldAccents(base);
  if (!folded) return [];
  if (suffix === "/" && SLASH_ABBREVIATIONS[folded]) return SLASH_ABBREVIATIONS[folded]!.split(" ");
  if (suffix === "+" && folded === "d") return ["demais"];
  if (LAUGHTER.test(folded)) return [];
  const collapsed = collapseRepeats(folded);
  if (LAUGHTER.test(collapsed) || collapsed === "k") return [];
  const expanded = ABBREVIATIONS[collapsed] ?? ABBREVIATIONS[folded] ?? collapsed;
  return expanded.split(" ");
}

// A letter run (with a trailing abbreviation slash or plus), a digit run, or a single "ñ"/"º"-style symbol is part
// of the letter class already.
const RAW_TOKEN = /[\p{L}\p{M}]+[/+]?|\p{N}+/gu;
const SENTENCE_BREAK = /[.!?;\n\r…]/;
const CLAUSE_BREAK = /[,:()[\]{}"“”]|\s[-–—]+\s|^[-–—]|[-–—]$/;

function breakBetween(gap: string): Break {
  if (SENTENCE_BREAK.test(gap)) return "sentence";
  if (CLAUSE_BREAK.test(gap)) return "clause";
  return "none";
}

const strongest = (a: Break, b: Break): Break =>
  a === "sentence" || b === "sentence" ? "sentence" : a === "clause" || b === "clause" ? "clause" : "none";

/** Normalised tokens with their offsets in `text` and the punctuation break before each. */
export function normalizeTokens(text: string): NormToken[] {
  const out: NormToken[] = [];
  const raws = [...text.matchAll(RAW_TOKEN)];
  let pending: Break = "none";
  let lastEnd = 0;
  for (let k = 0; k < raws.length; k++) {
    const m = raws[k]!;
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    pending = strongest(pending, breakBetween(text.slice(lastEnd, start)));
    lastEnd = end;
    let words: string[];
    if (/^\p{N}+$/u.test(raw)) {
      // digits: only a grade right after "nota" survives
      const prev = out[out.length - 1];
      const grade = GRADE_WORDS[raw.replace(/^0+(?=\d)/, "")] ?? (/^10+$/.test(raw) ? "mil" : undefined);
      words = prev && prev.word === "nota" && prev.end >= start - 2 && grade ? [grade] : [];
      if (!words.length) continue;
    } else if (/[ºª°]/u.test(raw)) {
      // "nº", "1ª": ordinal / number sign, not a word
      const base = foldAccents(raw.replace(/[ºª°]/gu, ""));
      if (base === "n" || base === "no" || base === "") continue;
      words = normalizeWord(raw.replace(/[ºª°]/gu, ""));
    } else {
      words = normalizeWord(raw);
      // "n" is a negation ("n gostei") unless it abbreviates "número" ("n. 123", "n 45")
      if (words.length === 1 && words[0] === "nao" && foldAccents(raw) === "n" && !raw.endsWith("/")) {
        const after = text.slice(end, end + 4);
        if (/^\s*\.?\s*\p{N}/u.test(after)) continue;
      }
    }
    for (const word of words) {
      out.push({word, raw, start, end, breakBefore: out.length ? pending : "none"});
      pending = "none";
    }
  }
  return out;
}

/** Normalised text: words joined by single spaces (punctuation, emoji and digits dropped). */
export function normalize(text: string): string {
  return normalizeTokens(text)
    .map((t) => t.word)
    .join(" ");
}
