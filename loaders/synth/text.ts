// Review titles and comment messages in informal Brazilian Portuguese. A message is composed from 1–4
// fragments chosen by tone (which follows the score and the delivery experience), then roughened: abbreviations
// (vc, nao, mt, q, pq, td), accent stripping, letter repetition, case changes and punctuation noise.
import type {Rng} from "../../lib/random.js";

export interface ReviewContext {
  score: number; // 1..5
  late: boolean;
  undelivered: boolean; // canceled/unavailable/not yet delivered
  noun: string; // e.g. "o produto", "a toalha"
}

type Tone = "pos" | "mixed" | "neg";

// Fragment banks; "{p}" is replaced by a product noun phrase.
const DELIVERY_POS = [
  "chegou antes do prazo",
  "entrega rápida",
  "entregue no prazo",
  "chegou super rápido",
  "recebi bem antes do prazo",
  "entrega muito rápida",
  "chegou dentro do prazo",
  "a entrega foi antes do previsto",
  "chegou em poucos dias",
  "entregaram rapidinho",
  "prazo de entrega cumprido",
  "chegou certinho no prazo",
  "entrega perfeita"
];
const DELIVERY_NEG = [
  "não chegou",
  "ainda não recebi",
  "atrasou muito",
  "a entrega demorou demais",
  "passou do prazo e nada",
  "o prazo já venceu e não recebi",
  "entrega atrasada",
  "até agora não recebi {p}",
  "não recebi meu pedido",
  "demorou mais de um mês pra chegar",
  "rastreamento não atualiza",
  "chegou com muito atraso",
  "o correio diz entregue mas não recebi",
  "comprei faz 30 dias e nada"
];
const PRODUCT_POS = [
  "{p} é de ótima qualidade",
  "{p} é lindo",
  "igual a foto",
  "muito bom",
  "{p} é excelente",
  "amei {p}",
  "produto de qualidade",
  "gostei muito",
  "{p} veio bem embalado",
  "superou minhas expectativas",
  "{p} é perfeito",
  "tudo certinho",
  "conforme o anúncio",
  "material muito bom",
  "{p} é muito bonito",
  "adorei",
  "produto top",
  "ficou perfeito",
  "vale a pena"
];
const PRODUCT_MIXED = [
  "{p} é bom mas poderia ser melhor",
  "achei {p} menor do que parece na foto",
  "a cor é um pouco diferente",
  "qualidade razoável",
  "{p} é ok",
  "pelo preço está bom",
  "esperava mais",
  "o acabamento deixa a desejar",
  "funciona mas é frágil",
  "veio sem manual",
  "a embalagem veio amassada",
  "{p} é simples"
];
const PRODUCT_NEG = [
  "{p} veio com defeito",
  "produto de péssima qualidade",
  "veio quebrado",
  "diferente do anúncio",
  "não funciona",
  "{p} é muito inferior ao da foto",
  "mal acabado",
  "parou de funcionar em poucos dias",
  "material horrível",
  "{p} veio rasgado",
  "não serve",
  "tamanho errado",
  "{p} é falsificado"
];
const WRONG_ITEM = [
  "veio o produto errado",
  "faltou um item",
  "recebi somente 1 das 2 unidades",
  "veio outra cor",
  "pedi dois e veio um",
  "enviaram {p} errado",
  "faltou peça",
  "veio modelo diferente do que comprei"
];
const STORE_POS = [
  "vendedor atencioso",
  "loja nota 10",
  "ótimo atendimento",
  "loja de confiança",
  "vendedor responsável",
  "parabéns à loja",
  "atendimento excelente",
  "loja séria"
];
const STORE_NEG = [
  "a loja não responde",
  "atendimento péssimo",
  "ninguém resolve nada",
  "já mandei vários emails e nada",
  "o vendedor não dá retorno",
  "liguei e ninguém sabia informar",
  "quero meu dinheiro de volta",
  "abri reclamação e nada"
];
const PRICE_POS = ["preço justo", "ótimo custo benefício", "preço bom", "barato e bom", "valeu cada centavo"];
const PRICE_MIXED = ["frete caro", "o frete foi mais caro que {p}", "achei caro", "pelo preço esperava mais"];
const RECOMMEND_POS = [
  "recomendo",
  "super recomendo",
  "recomendo a todos",
  "comprarei novamente",
  "voltarei a comprar",
  "recomendo muito"
];
const RECOMMEND_NEG = [
  "não recomendo",
  "nunca mais compro",
  "não compro mais",
  "não recomendo essa loja",
  "decepcionado",
  "decepcionada"
];
const CLOSERS_POS = ["obrigada", "obrigado", "parabéns", "satisfeita", "satisfeito", "tudo ok", "nota 10"];
const CLOSERS_NEG = ["aguardo solução", "estou aguardando", "que decepção", "lamentável", "quero o estorno", "absurdo"];
const INTENSIFIERS = ["muito", "super", "bem", "mt", "muuito", "demais de"];

const TITLES: Record<Tone, string[]> = {
  pos: [
    "Recomendo",
    "Ótimo",
    "Super recomendo",
    "Muito bom",
    "Excelente",
    "Nota 10",
    "Entrega rápida",
    "Amei",
    "Top",
    "Ótimo produto",
    "Perfeito",
    "Bom",
    "Gostei",
    "Maravilhoso",
    "Satisfeita",
    "Produto bom",
    "Show"
  ],
  mixed: ["Razoável", "Bom", "Regular", "Mais ou menos", "Ok", "Poderia ser melhor", "Médio", "Entrega atrasou"],
  neg: [
    "Não recebi",
    "Péssimo",
    "Produto errado",
    "Não recomendo",
    "Horrível",
    "Decepcionado",
    "Não chegou",
    "Veio com defeito",
    "Ruim",
    "Atraso na entrega",
    "Faltou produto",
    "Nunca mais"
  ]
};

const ABBREV: [RegExp, string[]][] = [
  [/\bvocês\b/g, ["vcs"]],
  [/\bvocê\b/g, ["vc"]],
  [/\bmuito\b/g, ["mt", "mto", "muitoo"]],
  [/\bnão\b/g, ["nao", "ñ", "n"]],
  [/\bque\b/g, ["q", "qe"]],
  [/\bporque\b/g, ["pq"]],
  [/\btudo\b/g, ["td"]],
  [/\bbeleza\b/g, ["blz"]],
  [/\bpara\b/g, ["pra", "p"]],
  [/\btambém\b/g, ["tb", "tbm"]]
];

const ACCENT_STRIP: Record<string, string> = {
  á: "a",
  à: "a",
  â: "a",
  ã: "a",
  é: "e",
  ê: "e",
  í: "i",
  ó: "o",
  ô: "o",
  õ: "o",
  ú: "u",
  ç: "c"
};

export function stripAccents(s: string): string {
  return s.replace(/[áàâãéêíóôõúç]/g, (c) => ACCENT_STRIP[c] ?? c);
}

function toneOf(ctx: ReviewContext, rng: Rng): Tone {
  if (ctx.score >= 4) return rng.bernoulli(ctx.score === 4 ? 0.15 : 0.03) ? "mixed" : "pos";
  if (ctx.score === 3) return rng.bernoulli(0.6) ? "mixed" : rng.bernoulli(0.5) ? "neg" : "pos";
  return rng.bernoulli(0.93) ? "neg" : "mixed";
}

function fill(frag: string, ctx: ReviewContext): string {
  return frag.replace("{p}", ctx.noun);
}

function fragments(ctx: ReviewContext, tone: Tone, rng: Rng): string[] {
  const out: string[] = [];
  const n = rng.weighted([1, 2, 3, 4], [0.38, 0.36, 0.19, 0.07]);
  const pools: string[][] = [];
  if (tone === "pos") {
    pools.push(DELIVERY_POS, PRODUCT_POS, PRODUCT_POS, STORE_POS, RECOMMEND_POS, PRICE_POS, CLOSERS_POS);
  } else if (tone === "mixed") {
    pools.push(
      PRODUCT_MIXED,
      PRODUCT_MIXED,
      ctx.late ? DELIVERY_NEG : DELIVERY_POS,
      PRICE_MIXED,
      PRODUCT_POS,
      CLOSERS_POS
    );
  } else {
    if (ctx.undelivered || ctx.late) pools.push(DELIVERY_NEG, DELIVERY_NEG, DELIVERY_NEG);
    pools.push(PRODUCT_NEG, WRONG_ITEM, STORE_NEG, RECOMMEND_NEG, CLOSERS_NEG);
  }
  // The first fragment carries the main message (delivery for late/undelivered orders).
  if (tone === "neg" && (ctx.undelivered || ctx.late)) out.push(fill(rng.pick(DELIVERY_NEG), ctx));
  while (out.length < n) {
    const f = fill(rng.pick(rng.pick(pools)), ctx);
    if (!out.includes(f)) out.push(f);
  }
  if (tone === "pos" && rng.bernoulli(0.25)) {
    // intensify an adjective-ish fragment: "muito bom" → "mt bom"/"super bom"
    const i = rng.int(0, out.length - 1);
    out[i] = out[i]!.replace(
      /\b(bom|rápida|rápido|lindo|bonito|bem embalado)\b/,
      (w) => `${rng.pick(INTENSIFIERS)} ${w}`
    );
  }
  return out;
}

const JOINERS = [". ", ", ", " e ", "! ", "!! ", "... ", " ,", "\r\n", ". ", " - ", " "];

function roughen(s: string, rng: Rng): string {
  if (rng.bernoulli(0.35)) {
    for (const [re, subs] of ABBREV) if (rng.bernoulli(0.6)) s = s.replace(re, () => rng.pick(subs));
  }
  if (rng.bernoulli(0.5)) s = stripAccents(s);
  if (rng.bernoulli(0.12)) {
    // repeated letters: "ótimo" → "ótimoooo"
    s = s.replace(/([aeiouó])(\b)/, (_m, v: string, b: string) => v.repeat(rng.int(3, 6)) + b);
  }
  const c = rng.next();
  if (c < 0.1) s = s.toUpperCase();
  else if (c < 0.5) s = s.charAt(0).toUpperCase() + s.slice(1);
  // else keep lowercase
  if (rng.bernoulli(0.3)) s += rng.pick(["!", "!!!", ".", "...", " ", " :)", "!!", "\r\n"]);
  return s;
}

export function reviewMessage(ctx: ReviewContext, rng: Rng): string {
  const tone = toneOf(ctx, rng);
  const parts = fragments(ctx, tone, rng);
  let s = parts[0]!;
  for (let i = 1; i < parts.length; i++) s += rng.pick(JOINERS) + parts[i];
  return roughen(s, rng);
}

export function reviewTitle(ctx: ReviewContext, rng: Rng): string {
  const tone: Tone = ctx.score >= 4 ? "pos" : ctx.score === 3 ? "mixed" : "neg";
  let t = rng.pick(TITLES[tone]);
  if (rng.bernoulli(0.4)) t = stripAccents(t);
  const c = rng.next();
  if (c < 0.12) t = t.toUpperCase();
  else if (c < 0.35) t = t.toLowerCase();
  if (rng.bernoulli(0.08)) t += rng.pick(["!", "!!", " ", "."]);
  return t;
}

// Product noun phrases by category prefix (falls back to "o produto").
const NOUNS: [string, string[]][] = [
  ["cama_mesa_banho", ["o jogo de cama", "a toalha", "o lençol", "o edredom", "o jogo de banho"]],
  ["beleza_saude", ["o perfume", "o creme", "o kit", "o produto"]],
  ["perfumaria", ["o perfume", "a colônia"]],
  ["relogios", ["o relógio"]],
  ["telefonia", ["a capinha", "o fone", "o carregador", "o celular"]],
  ["informatica", ["o mouse", "o teclado", "o cabo", "o hd", "o pen drive"]],
  ["moveis", ["o móvel", "a cadeira", "a mesa", "o painel", "a estante"]],
  ["esporte", ["a bola", "a garrafa", "o tênis", "a luva"]],
  ["brinquedos", ["o brinquedo", "a boneca", "o kit"]],
  ["bebes", ["o carrinho", "o kit", "a mamadeira"]],
  ["utilidades", ["a panela", "o jogo de copos", "a garrafa térmica", "o organizador"]],
  ["automotivo", ["a peça", "o tapete", "a capa"]],
  ["ferramentas", ["a ferramenta", "a mangueira", "o kit"]],
  ["fashion", ["a bolsa", "a mochila", "o sapato", "a camiseta"]]
];

export function nounFor(category: string, rng: Rng): string {
  for (const [prefix, nouns] of NOUNS) if (category.startsWith(prefix)) return rng.pick(nouns);
  return rng.bernoulli(0.7) ? "o produto" : "a mercadoria";
}
