// Portuguese stop words, accent-free (they are compared with normalised tokens).
//
// Based on the usual Portuguese function-word list (articles, pronouns, prepositions, forms of ser/estar/ter/haver),
// with the words that carry sentiment in reviews deliberately LEFT OUT:
//   negations: nao, nem, nunca, jamais, sem, nenhum, nenhuma, nada, ninguem;
//   intensifiers / diminishers: muito, pouco, bem, mal, demais, bastante, super;
//   delivery state: ainda, so, apenas ("ainda nao recebi", "veio so uma peca").

export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  "nao",
  "nem",
  "nunca",
  "jamais",
  "sem",
  "nenhum",
  "nenhuma",
  "nada",
  "ninguem",
  "tampouco"
]);

const WORDS = `
a ao aos aquela aquelas aquele aqueles aquilo as ate com como da das de dela delas dele deles depois do dos e ela elas
ele eles em entre era eram eramos essa essas esse esses esta estas este estes estamos estao estar estava estavam
estavamos esteja estejam estejamos esteve estive estivemos estiver estivera estiveram estiveramos estiverem estivermos
estivesse estivessem estivessemos estou eu foi fomos for fora foram foramos forem formos fosse fossem fossemos fui ha
haja hajam hajamos hao havemos haver hei houve houvemos houver houvera houveram houveramos houverao houverei houverem
houveremos houveria houveriam houveriamos houvermos houvesse houvessem houvessemos isso isto ja lhe lhes mais mas me
mesmo meu meus minha minhas na nas no nos nossa nossas nosso nossos num numa o os ou para pela pelas pelo pelos por
qual quais quando que quem sao se seja sejam sejamos ser sera serao serei seremos seria seriam seriamos seu seus somos
sou sua suas tambem te tem temos tenha tenham tenhamos tenho tera terao terei teremos teria teriam teriamos teu teus
teve tinha tinham tinhamos tive tivemos tiver tivera tiveram tiveramos tiverem tivermos tivesse tivessem tivessemos tu
tua tuas um uma umas uns voce voces vos la aqui ali ai entao pra pro pros pras porque pois onde assim tudo todo toda
todos todas outro outra outros outras esse essa dessa desse desta deste nessa nesse nesta neste dela nele nela deu
vai vou vamos fica ficou sobre apos cada ter sido seria via mim comigo
`;

/** Portuguese stop words (accent-free), without negations and sentiment-bearing adverbs. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w && !NEGATION_WORDS.has(w)));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
