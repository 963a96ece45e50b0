import {describe, expect, it} from "vitest";
import {rocAuc, rocAucFromGroups} from "../../lib/text/auc.js";
import {distinctiveTerms} from "../../lib/text/distinctive.js";
import {terms} from "../../lib/text/tokenize.js";

describe("distinctiveTerms (log-odds with informative Dirichlet prior)", () => {
  const docs = [
    {group: 1, text: "Não recebi o produto. Péssimo"},
    {group: 1, text: "ainda não recebi, péssimo atendimento"},
    {group: 1, text: "produto não recebi"},
    {group: 5, text: "Ótimo produto, chegou antes do prazo"},
    {group: 5, text: "ótimo, recomendo"},
    {group: 5, text: "chegou antes do prazo, recomendo"}
  ].map((d) => ({group: d.group, tokens: terms(d.text)}));

  it("ranks group-specific terms first and shared terms low", () => {
    const out = distinctiveTerms(docs, {top: 10, minCount: 2});
    expect(out.map((g) => g.group)).toEqual([1, 5]);
    const one = out[0]!.terms.map((t) => t.term);
    const five = out[1]!.terms.map((t) => t.term);
    expect(one.slice(0, 3).sort()).toEqual(["nao", "nao recebi", "recebi"]);
    expect(one).toContain("pessimo");
    expect(five).toContain("otimo");
    expect(five).toContain("recomendo");
    expect(five).toContain("antes prazo");
    // "produto" is in both groups (2 vs 1): never ahead of the exclusive terms
    for (const g of out) for (const t of g.terms) expect(t.z).toBeGreaterThan(0);
    expect(one).not.toContain("otimo");
    expect(out[0]!.documents).toBe(3);
  });

  it("is symmetric for two groups: z(w, A) = −z(w, B)", () => {
    const out = distinctiveTerms(docs, {top: 100, minCount: 1, includeNegative: true});
    const a = new Map(out[0]!.terms.map((t) => [t.term, t.z]));
    for (const t of out[1]!.terms) expect(t.z).toBeCloseTo(-(a.get(t.term) ?? NaN), 6);
  });

  it("the prior shrinks a one-off term below a repeated one", () => {
    const out = distinctiveTerms(
      [
        {group: "a", tokens: ["x", "x", "x", "x", "y", "z"]},
        {group: "b", tokens: ["z", "z", "w", "w", "w", "w"]},
        {group: "a", tokens: ["rare"]},
        {group: "b", tokens: ["w", "rare2"]}
      ],
      {minCount: 1}
    );
    const a = out.find((g) => g.group === "a")!.terms.map((t) => t.term);
    expect(a[0]).toBe("x");
    expect(a.indexOf("rare")).toBeGreaterThan(0);
  });

  it("binary counts a term once per document", () => {
    const out = distinctiveTerms(
      [
        {group: "a", tokens: ["x", "x", "x"]},
        {group: "b", tokens: ["y"]}
      ],
      {binary: true, minCount: 1}
    );
    expect(out[0]!.terms[0]).toMatchObject({term: "x", count: 1});
  });
});

describe("rocAuc", () => {
  it("perfect, inverted, random and tied", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(rocAuc([0, 0, 0, 0], [false, true, false, true])).toBe(0.5);
    expect(rocAuc([0.1, 0.5, 0.5, 0.9], [false, false, true, true])).toBe(0.875);
    expect(rocAucFromGroups([1, 2], [0])).toBe(1);
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
    expect(() => rocAuc([1], [true, false])).toThrow();
  });
});
