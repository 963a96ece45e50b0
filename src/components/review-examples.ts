// Example reviews for one theme, with the words that triggered the theme highlighted. Review text is data: it is
// only ever set as text nodes, never parsed as HTML.

export interface ReviewExample {
  review_id: string;
  review_score: number;
  review_date: string;
  title: string | null;
  message: string | null;
  /** Words that triggered the theme, as written in the review. */
  terms: string[];
}

export function reviewExamples(examples: ReviewExample[]): HTMLElement {
  const list = document.createElement("div");
  list.className = "review-examples";
  if (!examples.length) {
    const p = list.appendChild(document.createElement("p"));
    p.className = "missing";
    p.textContent = "No review with text carries this theme.";
    return list;
  }
  for (const e of examples) {
    const item = list.appendChild(document.createElement("figure"));
    item.className = "review-example";
    item.dataset.reviewId = e.review_id;
    const meta = item.appendChild(document.createElement("figcaption"));
    meta.textContent = `${"★".repeat(e.review_score)}${"☆".repeat(Math.max(0, 5 - e.review_score))}  ·  ${e.review_date}`;
    meta.title = `${e.review_score} of 5 stars`;
    const quote = item.appendChild(document.createElement("blockquote"));
    if (e.title) {
      const title = quote.appendChild(document.createElement("strong"));
      title.append(...highlighted(e.title, e.terms));
      quote.append(" — ");
    }
    if (e.message) quote.append(...highlighted(e.message, e.terms));
  }
  return list;
}

/** Text and <mark> nodes: every occurrence of a term (longest first) is marked. */
export function highlighted(text: string, terms: readonly string[]): Node[] {
  const wanted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  const nodes: Node[] = [];
  let rest = text;
  while (rest) {
    let best: {at: number; term: string} | undefined;
    for (const term of wanted) {
      const at = rest.indexOf(term);
      if (at >= 0 && (!best || at < best.at)) best = {at, term};
    }
    if (!best) {
      nodes.push(document.createTextNode(rest));
      break;
    }
    if (best.at > 0) nodes.push(document.createTextNode(rest.slice(0, best.at)));
    const mark = document.createElement("mark");
    mark.textContent = best.term;
    nodes.push(mark);
    rest = rest.slice(best.at + best.term.length);
  }
  return nodes;
}
