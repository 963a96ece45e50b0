// Theme rules on review-style sentences written for this test.
import {describe, expect, it} from "vitest";
import {assignThemes, THEMES, type ThemeId} from "../../lib/text/themes.js";

const ids = (t: string) => assignThemes(t).map((h) => h.id);

const CASES: Record<ThemeId, {yes: string[]; no: string[]}> = {
  late_delivery: {
    yes: ["A entrega atrasou mais de uma semana", "Produto bom, mas demorou muito pra chegar", "Chegou fora do prazo"],
    no: ["Não atrasou, chegou certinho", "Entrega sem demora nenhuma", "Produto bonito"]
  },
  not_received: {
    yes: [
      "Ñ chegou ainda!!!",
      "Ainda não recebi meu pedido",
      "Cadê meu produto? Até agora nada",
      "comprei dia 10 e nao recebi"
    ],
    no: ["Recebi tudo certinho", "Chegou antes do prazo"]
  },
  wrong_or_defective: {
    yes: [
      "Veio a cor errada",
      "O produto chegou quebrado",
      "veio só uma peça, faltou a outra",
      "relógio falsificado",
      "parou de funcionar em uma semana"
    ],
    no: ["Produto sem defeito nenhum", "Não veio quebrado, tudo certo"]
  },
  good_product: {
    yes: [
      "Produto de ótima qualidade",
      "Amei, muito lindo",
      "Produto bom, recomendo",
      "funciona bem, conforme anunciado"
    ],
    no: ["Não gostei do produto", "A entrega foi ótima", "Não era o que eu esperava"]
  },
  fast_delivery: {
    yes: ["Chegou antes do prazo", "Entrega super rápida", "Recebi dentro do prazo", "o envio foi muito rápido"],
    no: ["Carregador rápido e bom", "A entrega não foi rápida", "demorou muito"]
  },
  store_service: {
    yes: [
      "Ótimo atendimento da loja",
      "Vendedor não responde as mensagens",
      "Pedi reembolso e até agora nada",
      "Loja confiável, recomendo"
    ],
    no: ["Produto chegou rápido"]
  },
  price: {
    yes: ["Ótimo custo benefício", "Preço bom", "barato e bonito"],
    no: ["Produto chegou rápido"]
  }
};

describe("assignThemes", () => {
  for (const theme of THEMES) {
    const c = CASES[theme.id];
    it(`${theme.id}: positive examples`, () => {
      expect(c.yes.length).toBeGreaterThanOrEqual(2);
      for (const t of c.yes) expect(ids(t), t).toContain(theme.id);
    });
    it(`${theme.id}: negative examples`, () => {
      expect(c.no.length).toBeGreaterThanOrEqual(1);
      for (const t of c.no) expect(ids(t), t).not.toContain(theme.id);
    });
  }

  it("returns every matching theme with label, description and matched terms", () => {
    const text = "Produto de ótima qualidade, mas a entrega atrasou e o vendedor não responde";
    const hits = assignThemes(text);
    expect(hits.map((h) => h.id)).toEqual(["late_delivery", "good_product", "store_service"]);
    for (const h of hits) {
      expect(h.label).toBeTruthy();
      expect(h.description).toBeTruthy();
      for (const m of h.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(hits.find((h) => h.id === "late_delivery")!.matches.map((m) => m.term)).toEqual(["atrasou"]);
    expect(hits.find((h) => h.id === "store_service")!.matches.map((m) => m.term)).toEqual([
      "vendedor",
      "nao responde"
    ]);
  });

  it("no themes for empty or neutral text", () => {
    expect(assignThemes("")).toEqual([]);
    expect(assignThemes(undefined)).toEqual([]);
    expect(assignThemes("comprei para minha mãe")).toEqual([]);
  });

  it("theme ids are unique", () => {
    expect(new Set(THEMES.map((t) => t.id)).size).toBe(THEMES.length);
  });
});
