// Negation, intensifiers, contrast and explainability of the lexicon scorer, on phrases written for this test.
import {describe, expect, it} from "vitest";
import {LEXICON} from "../../lib/text/lexicon.js";
import {scoreReview, sentimentLabel} from "../../lib/text/sentiment.js";

const score = (t: string) => scoreReview(t).score;

describe("scoreReview", () => {
  it("negation flips: 'não recomendo' is negative, 'recomendo' positive", () => {
    expect(score("recomendo")).toBeGreaterThan(0);
    expect(score("não recomendo")).toBeLessThan(0);
    expect(score("Ñ recomendo essa loja!!")).toBeLessThan(0);
    expect(score("não gostei")).toBeLessThan(0);
    expect(score("não é bom")).toBeLessThan(0);
  });

  it("a negated negative is only mildly positive: 'não é ruim' > 'ruim' and < 'bom'", () => {
    expect(score("não é ruim")).toBeGreaterThan(score("ruim"));
    expect(score("não é ruim")).toBeLessThan(score("bom"));
    expect(score("produto sem defeito nenhum")).toBeGreaterThan(0);
    expect(score("sem problemas, nada a reclamar")).toBeGreaterThan(0);
    expect(score("não tenho do que reclamar")).toBeGreaterThan(0);
  });

  it("negation scope stops at punctuation and after 3 content words", () => {
    const r = scoreReview("Não sei, ótimo");
    expect(r.matches[0]!.negated).toBe(false);
    expect(scoreReview("nao comprei aquele modelo azul otimo").matches.find((m) => m.term === "otimo")!.negated).toBe(
      false
    );
    expect(scoreReview("nao ficou tao bom").matches.find((m) => m.term === "bom")!.negated).toBe(true);
  });

  it("intensifiers and diminishers", () => {
    expect(score("muito bom")).toBeGreaterThan(score("bom"));
    expect(score("MT BOMMMM")).toBeGreaterThan(score("bom"));
    expect(score("super rápido")).toBeGreaterThan(score("rápido"));
    expect(score("gostei demais")).toBeGreaterThan(score("gostei"));
    expect(score("demorou muito")).toBeLessThan(score("demorou"));
    expect(score("um pouco demorado")).toBeGreaterThan(score("demorado"));
    expect(score("um pouco demorado")).toBeLessThan(0);
    expect(score("rapidíssimo")).toBeGreaterThan(score("rápido"));
    const m = scoreReview("chegou bem antes do prazo").matches.find((x) => x.term === "antes do prazo")!;
    expect(m).toMatchObject({intensified: true, modifier: "bem"});
  });

  it("'bem' alone is positive, before another cue it is an intensifier", () => {
    expect(scoreReview("chegou bem").matches.map((m) => m.term)).toEqual(["chegou", "bem"]);
    expect(scoreReview("bem rápido").matches.map((m) => m.term)).toEqual(["rapido"]);
  });

  it("contrast weights the clause after 'mas'/'porém' more", () => {
    expect(score("chegou rápido mas veio quebrado")).toBeLessThan(0);
    expect(score("produto bom, porém demorou muito")).toBeLessThan(0);
    expect(score("demorou um pouco mas o produto é excelente")).toBeGreaterThan(0);
    expect(score("Entrega atrasou. Mas o produto é ótimo, recomendo")).toBeGreaterThan(0);
    const r = scoreReview("chegou rápido mas veio quebrado");
    expect(r.matches.find((m) => m.term === "quebrado")!.contrast).toBe("after");
    expect(r.matches.find((m) => m.term === "chegou rapido")!.contrast).toBe("before");
  });

  it("delivery idioms", () => {
    expect(score("nunca mais compro")).toBeLessThan(0);
    expect(score("Ñ chegou ainda!!!")).toBeLessThan(-0.5);
    expect(score("ainda não recebi meu pedido")).toBeLessThan(-0.5);
    expect(score("chegou antes do prazo")).toBeGreaterThan(0.5);
    expect(score("entregue dentro do prazo")).toBeGreaterThan(0.3);
    expect(score("veio só uma peça, faltou a outra")).toBeLessThan(0);
    expect(score("veio errado e não respondem")).toBeLessThan(-0.5);
    expect(score("produto falsificado")).toBeLessThan(-0.5);
    expect(score("ótimo custo benefício")).toBeGreaterThan(0);
  });

  it("neutral text scores 0 with no matches", () => {
    expect(scoreReview("comprei um relógio para meu pai")).toMatchObject({score: 0, matches: []});
    expect(scoreReview("")).toMatchObject({score: 0, matches: [], tokens: []});
    expect(scoreReview(null).score).toBe(0);
  });

  it("matches are explainable: term, weight, flags and offsets into the original text", () => {
    const text = "Não recomendo! Produto MUITO ruim";
    const r = scoreReview(text);
    expect(r.tokens).toEqual(["nao", "recomendo", "produto", "muito", "ruim"]);
    expect(r.matches).toHaveLength(2);
    for (const m of r.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(r.matches[0]).toMatchObject({
      term: "nao recomendo",
      text: "Não recomendo",
      negated: false,
      intensified: false
    });
    expect(r.matches[1]).toMatchObject({term: "ruim", text: "ruim", intensified: true, modifier: "muito"});
    expect(r.matches[1]!.weight).toBeCloseTo(r.matches[1]!.baseWeight * 1.5, 3);
    expect(r.raw).toBeCloseTo(r.matches[0]!.weight + r.matches[1]!.weight, 3);
    expect(r.score).toBeGreaterThan(-1);
    expect(sentimentLabel(r.score)).toBe("negative");
  });

  it("lexicon is normalised and has no duplicate phrases", () => {
    const seen = new Set<string>();
    for (const e of LEXICON) {
      expect(e.term).toMatch(/^[a-z]+( [a-z]+)*$/);
      expect(seen.has(e.term), e.term).toBe(false);
      seen.add(e.term);
      expect(Math.abs(e.weight)).toBeLessThanOrEqual(2);
      expect(e.weight).not.toBe(0);
    }
  });
});
