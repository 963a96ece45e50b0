// Theme assignment for reviews by phrase / keyword rules on normalised tokens.
//
// A theme matches when one of its `phrases` occurs (not negated, unless the theme is `negatable: false`), or when
// one of its `cuedPhrases` occurs in a sentence that also contains one of its `cues` (so "rapido" counts as fast
// delivery in "a entrega foi rapida" but not in "carregador rapido"). A review gets every theme that matches, each
// with the terms that triggered it.

import {buildPhraseIndex, contrastPositions, matchPhrases, negationScope, type PhraseIndex} from "./match.js";
import {normalizeTokens, type NormToken} from "./normalize.js";

export type ThemeId =
  | "late_delivery"
  | "not_received"
  | "wrong_or_defective"
  | "good_product"
  | "fast_delivery"
  | "store_service"
  | "price";

export interface ThemeDefinition {
  id: ThemeId;
  label: string;
  description: string;
  /** Sufficient on their own. */
  phrases: readonly string[];
  /** Count only when a cue word is in the same sentence. */
  cuedPhrases?: readonly string[];
  cues?: readonly string[];
  /** Default true: a negated phrase ("nao atrasou", "sem defeito") does not trigger the theme. */
  negatable?: boolean;
}

export interface ThemeMatch {
  term: string;
  /** Words as written in the review. */
  text: string;
  start: number;
  end: number;
  negated: boolean;
}

export interface ThemeHit {
  id: ThemeId;
  label: string;
  description: string;
  matches: ThemeMatch[];
}

const list = (s: string) =>
  s
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

const DELIVERY_CUES = list(
  "chegou, chegaram, chegada, entrega, entregue, entregou, entregaram, envio, enviado, enviou, despacho, despachado, frete, correios, transportadora, recebi, recebido, recebemos, prazo"
);
const PRODUCT_CUES = list(
  "produto, produtos, qualidade, material, item, itens, peca, pecas, acabamento, tecido, tamanho, modelo, cor, mercadoria, aparelho, funciona, funcionou, relogio, roupa, cama, mesa, livro, perfume, tenis"
);

export const THEMES: readonly ThemeDefinition[] = [
  {
    id: "not_received",
    label: "Not received",
    description: "The customer says the order has not arrived (yet), was lost, or asks where it is.",
    phrases: list(
      "nao chegou, nao recebi, nao recebemos, nao recebeu, nao foi entregue, nao foram entregues, nao entregaram, nao entregou, nao me entregaram, nunca chegou, nunca recebi, ainda nao chegou, ainda nao recebi, nao recebi ainda, nao chegou ainda, ate agora nada, ate hoje nada, cade, extraviado, extraviada, extravio, devolvido ao remetente, aguardando o produto, aguardando a entrega, aguardo a entrega, aguardo o produto, estou aguardando, continuo aguardando, continuo esperando, entrega nao realizada"
    ),
    negatable: false
  },
  {
    id: "late_delivery",
    label: "Late delivery",
    description: "Delivery was late, slow, or past the promised date.",
    phrases: list(
      "atrasado, atrasada, atrasados, atraso, atrasos, atrasou, atrasaram, demorou, demoraram, demorado, demorada, demora, demorando, fora do prazo, passou do prazo, prazo vencido, prazo expirou, prazo esgotou, ja passou o prazo, ultrapassou o prazo, depois do prazo, apos o prazo, prazo ja passou, estourou o prazo, prazo estourado"
    ),
    cuedPhrases: list("lento, lenta, lentidao"),
    cues: DELIVERY_CUES
  },
  {
    id: "wrong_or_defective",
    label: "Wrong, missing or defective item",
    description:
      "The item was wrong, different from the listing, incomplete, damaged, defective, fake or stopped working.",
    phrases: list(
      "errado, errada, errados, erradas, trocado, trocada, diferente do anunciado, diferente da foto, diferente do pedido, diferente do que comprei, diferente do que pedi, outro produto, produto diferente, cor diferente, outra cor, nao corresponde, veio errado, veio outro, faltou, faltaram, faltando, incompleto, incompleta, veio so, veio apenas, so veio, so recebi, recebi so, recebi apenas, chegou so, chegou apenas, so chegou, defeito, defeitos, defeituoso, defeituosa, quebrado, quebrada, quebrados, quebrou, trincado, trincada, danificado, danificada, avariado, avariada, amassado, amassada, rasgado, rasgada, riscado, riscada, estragado, estragada, vazando, falsificado, falsificada, falso, falsa, pirata, replica, nao e original, nao original, nao funciona, nao funcionou, parou de funcionar, nao liga, nao veio o, nao veio a, nao veio os, nao veio as, nao veio nenhum, nao veio nenhuma, veio sem"
    )
  },
  {
    id: "good_product",
    label: "Good product",
    description: "Praise for the product itself: quality, looks, works as described.",
    phrases: list(
      "lindo, linda, lindos, lindas, bonito, bonita, maravilhoso, maravilhosa, adorei, amei, de qualidade, boa qualidade, otima qualidade, excelente qualidade, qualidade excelente, qualidade otima, funciona bem, funcionando bem, funcionou bem, funciona perfeitamente, conforme anunciado, conforme descrito, conforme descricao, como anunciado, como descrito, igual a foto, igual da foto, superou as expectativas, acima das expectativas, o que esperava, o que eu esperava, produto bom, produto otimo, produto excelente, produto perfeito, bom produto, otimo produto, excelente produto, produto de qualidade"
    ),
    cuedPhrases: list(
      "bom, boa, otimo, otima, excelente, perfeito, perfeita, gostei, gostamos, satisfeito, satisfeita, impecavel, top, recomendo"
    ),
    cues: PRODUCT_CUES
  },
  {
    id: "fast_delivery",
    label: "Fast delivery",
    description: "Delivery was fast, on time or earlier than promised.",
    phrases: list(
      "antes do prazo, antes da data, antes do previsto, antes do esperado, antes da data prevista, antes do tempo, adiantado, adiantada, no prazo, dentro do prazo, no prazo previsto, no prazo estipulado, prazo certo, na data prevista, no tempo certo, entrega rapida, entregue rapido, envio rapido, chegou rapido, chegou rapidinho, entrega pontual, entrega super rapida, entrega muito rapida"
    ),
    cuedPhrases: list("rapido, rapida, rapidez, rapidamente, rapidinho, agil, agilidade, pontual, veloz"),
    cues: DELIVERY_CUES
  },
  {
    id: "store_service",
    label: "Store service",
    description:
      "The seller's or store's service: contact and answers, returns and refunds, trust, courtesy, recommendations of the store.",
    phrases: list(
      "atendimento, vendedor, vendedora, vendedores, loja, lojas, lojista, sac, suporte, sem resposta, sem retorno, nenhum retorno, nenhuma resposta, nao responde, nao respondem, nao responderam, ninguem responde, entrei em contato, entrar em contato, devolucao, devolver, reembolso, estorno, cancelamento, cancelar, dinheiro de volta, confiavel, confiaveis, atencioso, atenciosa, prestativo, prestativa, descaso, enganado, enganada, enganosa, propaganda enganosa, golpe, procon, reclame aqui, desrespeito, falta de respeito, recomendo a loja, recomendo o vendedor, parceiro, parceiros"
    ),
    negatable: false
  },
  {
    id: "price",
    label: "Price",
    description: "Comments on price, value for money or shipping cost.",
    phrases: list(
      "preco, precos, barato, barata, baratinho, caro, cara demais, carissimo, custo beneficio, em conta, vale a pena, valeu a pena, nao compensa, frete caro, promocao, valor"
    ),
    negatable: false
  }
];

interface Entry {
  term: string;
  theme: ThemeId;
  cued: boolean;
}

interface CompiledTheme {
  def: ThemeDefinition;
  cues: ReadonlySet<string>;
}

function compile(themes: readonly ThemeDefinition[]): {index: PhraseIndex<Entry>; byId: Map<ThemeId, CompiledTheme>} {
  // Themes share terms ("nao veio" is wrong item, "chegou so" too): index each theme separately.
  const byId = new Map<ThemeId, CompiledTheme>();
  const entries: Entry[] = [];
  for (const def of themes) {
    byId.set(def.id, {def, cues: new Set(def.cues ?? [])});
    for (const term of def.phrases) entries.push({term, theme: def.id, cued: false});
    for (const term of def.cuedPhrases ?? []) entries.push({term, theme: def.id, cued: true});
  }
  return {index: buildPhraseIndex(entries), byId};
}

const perThemeCache = new WeakMap<
  readonly ThemeDefinition[],
  Map<ThemeId, {index: PhraseIndex<Entry>; theme: CompiledTheme}>
>();

function compiledPerTheme(themes: readonly ThemeDefinition[]) {
  let out = perThemeCache.get(themes);
  if (!out) {
    out = new Map();
    for (const def of themes) {
      const {index, byId} = compile([def]);
      out.set(def.id, {index, theme: byId.get(def.id)!});
    }
    perThemeCache.set(themes, out);
  }
  return out;
}

/** All themes of a review, in `themes` order, each with its matched terms. */
export function assignThemes(text: string | null | undefined, themes: readonly ThemeDefinition[] = THEMES): ThemeHit[] {
  const source = text ?? "";
  const tokens = normalizeTokens(source);
  if (!tokens.length) return [];
  const sentences = sentenceWords(tokens);
  const contrasts = contrastPositions(tokens);
  const hits: ThemeHit[] = [];
  for (const {index, theme} of compiledPerTheme(themes).values()) {
    const found = matchPhrases(tokens, index);
    const consumed = new Array<boolean>(tokens.length).fill(false);
    for (const m of found) for (let k = m.from; k < m.to; k++) consumed[k] = true;
    const negatedBy = negationScope(tokens, consumed, contrasts);
    const matches: ThemeMatch[] = [];
    for (const m of found) {
      const negated = negatedBy[m.from]! >= 0;
      if (negated && theme.def.negatable !== false) continue;
      if (m.entry.cued && !sentences[m.from]!.some((w) => theme.cues.has(w))) continue;
      const start = tokens[m.from]!.start;
      const end = tokens[m.to - 1]!.end;
      matches.push({term: m.entry.term, text: source.slice(start, end), start, end, negated});
    }
    if (matches.length)
      hits.push({id: theme.def.id, label: theme.def.label, description: theme.def.description, matches});
  }
  return hits;
}

/** For each token, the words of its sentence. */
function sentenceWords(tokens: readonly NormToken[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const t of tokens) {
    if (t.breakBefore === "sentence" && current.length) current = [];
    current.push(t.word);
    out.push(current);
  }
  return out;
}
