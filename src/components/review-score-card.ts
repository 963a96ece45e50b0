// What the sentiment scorer and the theme rules make of a text an analyst types: the score, the matched terms
// with why each weighs what it does, and the themes. Runs in the browser on lib/text; text only, never HTML.
import {assignThemes, scoreReview, sentimentLabel, type SentimentMatch} from "../lib/text/index.js";

const LABEL_COLORS = {positive: "#3b8bc2", negative: "#d4543a", neutral: "#9a8f7d"};

export function reviewScoreCard(text: string): HTMLElement {
  const result = scoreReview(text);
  const label = sentimentLabel(result.score);
  const card = document.createElement("div");
  card.className = "card review-score";
  card.dataset.score = String(result.score);
  card.dataset.label = label;

  const head = card.appendChild(document.createElement("div"));
  head.className = "review-score__head";
  const value = head.appendChild(document.createElement("span"));
  value.className = "kpi-value review-score__value";
  value.textContent = `${result.score > 0 ? "+" : ""}${result.score.toFixed(2)}`;
  value.style.color = LABEL_COLORS[label];
  const word = head.appendChild(document.createElement("span"));
  word.className = "review-score__label";
  word.textContent = text.trim()
    ? result.matches.length
      ? label
      : "neutral: no sentiment cue found"
    : "type a review above";

  if (result.matches.length) {
    const table = card.appendChild(document.createElement("table"));
    table.className = "review-score__terms";
    const header = table.createTHead().insertRow();
    for (const h of ["Words", "Lexicon term", "Weight", "Why"])
      header.appendChild(document.createElement("th")).textContent = h;
    const body = table.createTBody();
    for (const m of result.matches) {
      const row = body.insertRow();
      row.dataset.term = m.term;
      row.insertCell().textContent = m.text;
      row.insertCell().textContent = m.term;
      const w = row.insertCell();
      w.textContent = `${m.weight > 0 ? "+" : ""}${m.weight.toFixed(2)}`;
      w.style.color = m.weight > 0 ? LABEL_COLORS.positive : m.weight < 0 ? LABEL_COLORS.negative : "";
      row.insertCell().textContent = why(m);
    }
  }

  const themes = assignThemes(text);
  const t = card.appendChild(document.createElement("p"));
  t.className = "review-score__themes";
  t.textContent = themes.length
    ? `Themes: ${themes.map((h) => `${h.label} (${h.matches.map((m) => m.text).join(", ")})`).join("; ")}`
    : "Themes: none";
  return card;
}

function why(m: SentimentMatch): string {
  const parts = [`${m.category}, base ${m.baseWeight > 0 ? "+" : ""}${m.baseWeight}`];
  if (m.negated) parts.push(`negated by “${m.negator}”`);
  if (m.intensified) parts.push(`intensified by “${m.modifier}”`);
  if (m.diminished) parts.push(`softened by “${m.modifier}”`);
  if (m.contrast === "before") parts.push("before a “mas” (but): counts half");
  if (m.contrast === "after") parts.push("after a “mas” (but): counts 1.5×");
  return parts.join("; ");
}
