// Hand-checked normalisation of real-style informal review phrases (written for this test, not taken from data).
import {describe, expect, it} from "vitest";
import {collapseRepeats, normalize, normalizeTokens} from "../../lib/text/normalize.js";
import {bigrams, terms, tokenize} from "../../lib/text/tokenize.js";
import {isStopword, STOPWORDS} from "../../lib/text/stopwords.js";

describe("normalize", () => {
  it.each([
    ["Ñ chegou ainda!!!", "nao chegou ainda"],
    ["MT BOMMMM, recomendo", "muito bom recomendo"],
    ["vc q sabe", "voce que sabe"],
    ["p/ entrega", "para entrega"],
    ["Entrega p/ o interior demorou", "entrega para o interior demorou"],
    ["veio c/ defeito", "veio com defeito"],
    ["Ótimo, ATÉ antes do prazo. Parabéns à loja!", "otimo ate antes do prazo parabens a loja"],
    ["Não recebi ainda, pq?", "nao recebi ainda porque"],
    ["ótimoooo", "otimo"],
    ["amei demaaaaais 😍😍", "amei demais"],
    ["lindooo, chegou rapidoo", "lindo chegou rapido"],
    ["o carro e o nosso reembolso", "o carro e o nosso reembolso"],
    ["boom, goostei muuito", "bom gostei muito"],
    ["errrrado, issso nao", "errado isso nao"],
    ["simmm naaao", "sim nao"],
    ["alcool em gel e microondas", "alcool em gel e microondas"],
    ["eles veem e leem", "eles veem e leem"],
    ["td blz, obg", "tudo beleza obrigado"],
    ["obgd pela atenção, vlw", "obrigado pela atencao valeu"],
    ["msm assim tbm gostei, tbm", "mesmo assim tambem gostei tambem"],
    ["hj dps do almoço", "hoje depois do almoco"],
    ["vcs são d+ kkkkk", "voces sao demais"],
    ["n gostei, nn volto", "nao gostei nao volto"],
    ["mto bom, mt rapido", "muito bom muito rapido"],
    ["produto nº 12, pedido n. 345", "produto pedido"],
    ["Loja nota 10!!!", "loja nota dez"],
    ["comprei 2 unidades em 10/03", "comprei unidades em"],
    ["naum chegou rsrsrs hahaha", "nao chegou"],
    ["ruin e pesimo, atrazou", "ruim e pessimo atrasou"],
    ["Exelente vendedor, recomendo!!", "excelente vendedor recomendo"],
    ["ÇÃO ção", "cao cao"],
    ["pedi tamanho P e veio G", "pedi tamanho p e veio g"],
    ["kd meu pedido?", "cade meu pedido"],
    ["", ""]
  ])("%j → %j", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("tokens of 'Ñ chegou ainda!!!'", () => {
    expect(tokenize("Ñ chegou ainda!!!")).toEqual(["nao", "chegou", "ainda"]);
  });

  it("keeps offsets into the original text and records punctuation breaks", () => {
    const text = "Chegou rápido, mas veio quebrado. Péssimo!";
    const tokens = normalizeTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(["chegou", "rapido", "mas", "veio", "quebrado", "pessimo"]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      "Chegou",
      "rápido",
      "mas",
      "veio",
      "quebrado",
      "Péssimo"
    ]);
    expect(tokens.map((t) => t.breakBefore)).toEqual(["none", "none", "clause", "none", "none", "sentence"]);
  });

  it("newlines inside a review are sentence breaks", () => {
    expect(normalizeTokens("Produto ok\r\nentrega atrasou").map((t) => t.breakBefore)).toEqual([
      "none",
      "none",
      "sentence",
      "none"
    ]);
  });

  it("collapses repeats with the double-letter heuristic", () => {
    expect(collapseRepeats("carro")).toBe("carro");
    expect(collapseRepeats("nosso")).toBe("nosso");
    expect(collapseRepeats("carrrro")).toBe("carro");
    expect(collapseRepeats("bommm")).toBe("bom");
    expect(collapseRepeats("bomm")).toBe("bom");
    expect(collapseRepeats("reembolso")).toBe("reembolso");
    expect(collapseRepeats("preencher")).toBe("preencher");
    expect(collapseRepeats("beem")).toBe("bem");
    expect(collapseRepeats("coordenar")).toBe("coordenar");
    expect(collapseRepeats("voo")).toBe("voo");
    expect(collapseRepeats("muitoo")).toBe("muito");
    expect(collapseRepeats("ficcao")).toBe("ficcao");
    expect(collapseRepeats("ss")).toBe("s");
  });
});

describe("tokenize", () => {
  it("stop words drop function words but keep negations and intensifiers", () => {
    for (const w of ["nao", "nunca", "nem", "sem", "jamais", "nada", "nenhum", "muito", "pouco", "bem", "ainda"])
      expect(isStopword(w)).toBe(false);
    for (const w of ["de", "o", "a", "que", "para", "com", "voce", "foi"]) expect(isStopword(w)).toBe(true);
    for (const w of STOPWORDS) expect(w).toMatch(/^[a-z]+$/);
    expect(tokenize("Não recebi o produto que comprei", {removeStopwords: true})).toEqual([
      "nao",
      "recebi",
      "produto",
      "comprei"
    ]);
  });

  it("bigrams never cross a sentence break", () => {
    const content = terms("Entrega antes do prazo. Produto ótimo", {withBigrams: true});
    expect(content).toEqual([
      "entrega",
      "antes",
      "prazo",
      "produto",
      "otimo",
      "entrega antes",
      "antes prazo",
      "produto otimo"
    ]);
    expect(bigrams(["a", "b", "c"])).toEqual(["a b", "b c"]);
  });
});
