// Domain sentiment lexicon for Brazilian e-commerce reviews, accent-free and normalised (see normalize.ts).
//
// Written from knowledge of Portuguese and of marketplace reviews (delivery, product, wrong/missing item, store
// service, price), not fitted to any labelled sample. Weights are on a rough −2…+2 scale: ±0.3 mild cue,
// ±0.9 clear, ±1.3 strong, ±1.6+ very strong. Multi-word phrases win over their words (longest match first), so an
// idiom gets its own weight: "nao chegou" (−1.5) is stronger than a negated "chegou" (+0.3); "nada a reclamar" is
// positive. Words that only name an aspect (entrega, atendimento, preco) have no weight here: themes.ts uses them.

export type LexiconCategory = "delivery" | "quality" | "wrong_item" | "service" | "price" | "general";

export interface LexiconEntry {
  term: string;
  weight: number;
  category: LexiconCategory;
}

type Row = readonly [weight: number, terms: string];

function rows(category: LexiconCategory, list: readonly Row[]): LexiconEntry[] {
  return list.flatMap(([weight, terms]) =>
    terms
      .split(",")
      .map((t) => ({term: t.trim(), weight, category}))
      .filter((e) => e.term)
  );
}

const DELIVERY: Row[] = [
  // arrived / on time / fast
  [0.3, "chegou, chegaram, chegando, recebi, recebido, recebida, recebemos, entregue, entregues, entregou, entregaram"],
  [
    0.8,
    "chegou certinho, chegou direitinho, chegou tudo certo, chegou perfeito, chegou em perfeito estado, em perfeito estado, bem embalado, bem embalada, bem embalados, bem protegido"
  ],
  [1.0, "rapido, rapida, rapidos, rapidas, rapidez, rapidamente, agilidade, agil, veloz, pontual, pontualidade"],
  [
    1.2,
    "antes do prazo, antes da data, antes do previsto, antes do esperado, antes da data prevista, antes do tempo, adiantado, adiantada, antecedencia"
  ],
  [
    0.9,
    "no prazo, dentro do prazo, no prazo previsto, no prazo estipulado, prazo certo, na data prevista, no tempo certo, em dia, prazo correto, no prazo combinado"
  ],
  [1.0, "entrega rapida, envio rapido, chegou rapido"],
  // late
  [-0.2, "prazo"],
  [-1.0, "atrasado, atrasada, atrasados, atrasadas, atraso, atrasos, atrasou, atrasaram, atrasar, atrasando"],
  [-0.8, "demorou, demora, demoram, demoraram, demorado, demorada, demorando, lento, lenta, lentidao, demorar"],
  [
    -1.1,
    "fora do prazo, passou do prazo, prazo vencido, prazo expirou, prazo esgotou, ja passou o prazo, ultrapassou o prazo, depois do prazo, apos o prazo, prazo ja passou, prazo estourado, estourou o prazo"
  ],
  // not received
  [
    -1.5,
    "nao chegou, nao recebi, nao recebemos, nao recebeu, nao foi entregue, nao foram entregues, nao entregaram, nao entregou, nao entregue, nao me entregaram, nunca chegou, nunca recebi, nao veio nada"
  ],
  [
    -1.7,
    "ainda nao chegou, ainda nao recebi, ainda nao recebemos, ainda nao foi entregue, nao recebi ainda, nao chegou ainda, ate agora nada, ate hoje nada, ate o momento nada"
  ],
  [
    -0.8,
    "aguardando, aguardo, estou aguardando, estou esperando, esperando, continuo esperando, continuo aguardando, cade, sem previsao, ainda nao"
  ],
  [-0.5, "ate agora, ate o momento, ate hoje"],
  [-1.2, "extraviado, extraviada, extravio, devolvido ao remetente, produto nao localizado, entrega nao realizada"]
];

const QUALITY: Row[] = [
  [
    1.3,
    "otimo, otima, otimos, otimas, excelente, excelentes, perfeito, perfeita, perfeitos, perfeitas, maravilhoso, maravilhosa, impecavel, sensacional, espetacular, fantastico, fantastica, incrivel, nota dez, nota mil, nota cem, top, show de bola"
  ],
  [
    1.0,
    "bom, boa, bons, boas, lindo, linda, lindos, lindas, gostei, gostamos, gostou, adorei, amei, adoramos, amamos, bonito, bonita, bonitos, bonitas, legal, show, satisfeito, satisfeita, satisfeitos, satisfeitas, perfeicao, supera, superou, superou as expectativas, acima das expectativas, melhor do que esperava, melhor que o esperado"
  ],
  [
    0.9,
    "de qualidade, boa qualidade, otima qualidade, excelente qualidade, funciona bem, funcionando bem, funcionou bem, conforme anunciado, conforme descrito, conforme descricao, conforme o anunciado, conforme a descricao, como anunciado, como descrito, como esperado, o que esperava, o que eu esperava, exatamente como, igual a foto, igual da foto, igual ao anunciado, tudo certo, tudo ok, tudo perfeito, tudo otimo, certinho, direitinho, eficiente, confortavel, resistente, macio, cheiroso, feliz, contente, encantada, encantado, amo"
  ],
  [
    0.6,
    "ok, correto, correta, certo, original, originais, funciona, funcionando, funcionou, util, pratico, pratica, facil, qualidade, gostoso, gostosa, conforme, exatamente, bem, melhor, aprovado, aprovada, valeu"
  ],
  [
    -0.4,
    "mais ou menos, razoavel, regular, mediano, mediana, simples demais, pequeno, pequena, menor, usado, usada, esperava mais, poderia ser melhor, poderia melhorar"
  ],
  [
    -0.9,
    "fraco, fraca, fragil, frageis, fraquinho, desconfortavel, mal, aspero, soltando, descascando, desbotado, manchado, manchada, riscado, riscada, arranhado, arranhada, vazando, vazou, amassado, amassada, amassados, rasgado, rasgada, sujo, suja, problema, problemas, reclamar, reclamacao, triste, chateado, chateada, preocupado, preocupada"
  ],
  [
    -1.2,
    "ruim, ruins, nao gostei, nao gostamos, nao funciona, nao funcionou, nao liga, nao serve, nao serviu, nao vale, nao vale a pena, nao presta, nao era o que, nao e o que, nao e original, nao original, deixou a desejar, deixa a desejar, a desejar, mal feito, mal acabado, mal embalado, mal embalada, baixa qualidade, qualidade ruim, qualidade baixa, defeito, defeitos, defeituoso, defeituosa, com defeito, estragado, estragada, estragou, danificado, danificada, danificados, avariado, avariada, quebrado, quebrada, quebrados, quebradas, quebrou, trincado, trincada, decepcionado, decepcionada, decepcao, decepcionou, decepcionante, insatisfeito, insatisfeita, insatisfacao, arrependido, arrependida, arrependimento, frustrado, frustrada, frustrante, pior, piorou, replica, imitacao"
  ],
  [
    -1.6,
    "pessimo, pessima, pessimos, pessimas, horrivel, horriveis, terrivel, lixo, porcaria, falsificado, falsificada, falsificados, falso, falsa, pirata, parou de funcionar, nao funciona nada, nota zero, vergonha, vergonhoso, lamentavel, absurdo, ridiculo, ridicula, nunca mais compro, nunca mais, nao compro mais, nao compro, nao comprem, nao compre, nao recomendo, nao indico, jamais compraria, nao comprarei"
  ],
  [
    1.2,
    "nada a reclamar, nada a desejar, nao tenho do que reclamar, nao tenho o que reclamar, sem problemas, sem defeitos, nenhum problema, zero problemas"
  ]
];

const WRONG_ITEM: Row[] = [
  [
    -1.2,
    "errado, errada, errados, erradas, trocado, trocada, trocaram, diferente do anunciado, diferente da foto, diferente do pedido, diferente do que comprei, diferente do que pedi, outro produto, produto diferente, cor diferente, outra cor, tamanho errado, modelo errado, nao corresponde, nao confere, enviaram errado, veio errado, veio outro"
  ],
  [
    -0.8,
    "diferente, diferentes, nao veio o, nao veio a, nao veio os, nao veio as, nao veio nenhum, nao veio nenhuma, veio sem, faltou, faltaram, faltando, falta, faltam, incompleto, incompleta, incompletos, somente um, apenas um, apenas uma, somente uma"
  ],
  [
    -1.2,
    "veio so, veio apenas, veio somente, so veio, so recebi, recebi so, recebi apenas, recebi somente, chegou so, chegou apenas, chegou somente, so chegou, apenas um chegou, so uma, so um, faltou um, faltou uma, faltou peca, faltando pecas, faltando uma, faltando um"
  ]
];

const SERVICE: Row[] = [
  [
    1.2,
    "recomendo, recomendamos, recomendado, recomendada, recomendaria, indico, indicaria, recomendo a todos, recomendo a loja, recomendo o vendedor, parabens, confiavel, confiaveis"
  ],
  [
    1.0,
    "comprarei novamente, compraria novamente, compraria de novo, comprarei de novo, volto a comprar, voltarei a comprar, comprarei mais, comprar novamente, compro de novo, compro novamente, sempre compro, atencioso, atenciosa, atenciosos, prestativo, prestativa, educado, educada, honesto, honesta, seriedade, serio, respeito, comprometimento, compromisso, confianca, seguro, segura"
  ],
  [0.5, "agradeco, obrigado, obrigada, grato, grata, agradecida, agradecido"],
  [
    -0.8,
    "devolucao, devolver, devolvi, devolvido, devolvida, devolvendo, troca, trocar, reembolso, estorno, estornar, ressarcimento, cancelar, cancelamento, cancelei, cancelado, cancelada, cancelaram, providencia, providencias, entrei em contato, entrar em contato, varias vezes, reclamei, reclamo, nota fiscal errada, cobranca"
  ],
  [
    -1.2,
    "sem resposta, sem retorno, nenhum retorno, nenhuma resposta, nenhuma satisfacao, nenhuma informacao, sem informacao, sem contato, nao responde, nao respondem, nao responderam, nao deram retorno, nao da retorno, ninguem responde, ninguem resolve, nao resolveram, nao resolve, nao tive retorno, nao obtive resposta, nao obtive retorno, falta de respeito, desrespeito, descaso, pouco caso, falta de compromisso, irresponsabilidade, irresponsavel, dinheiro de volta, quero meu dinheiro, prejuizo, reclame aqui, enganado, enganada, enganados, enganosa, engano, propaganda enganosa, desonesto"
  ],
  [-0.5, "solucao"],
  [
    -1.7,
    "golpe, fraude, roubo, roubada, procon, estelionato, enganacao, palhacada, nao confio, nao confiavel, nada confiavel"
  ]
];

const PRICE: Row[] = [
  [
    0.7,
    "barato, barata, baratos, baratinho, bom preco, otimo preco, preco bom, preco justo, em conta, acessivel, economico, vale a pena, valeu a pena, custo beneficio, bom custo beneficio, otimo custo beneficio, promocao"
  ],
  [-0.6, "caro, caros, carissimo, preco alto, salgado, nao compensa, nao vale o preco, frete caro"]
];

/** The full lexicon (accent-free normalised phrases with weights). */
export const LEXICON: readonly LexiconEntry[] = [
  ...rows("delivery", DELIVERY),
  ...rows("quality", QUALITY),
  ...rows("wrong_item", WRONG_ITEM),
  ...rows("service", SERVICE),
  ...rows("price", PRICE)
];
