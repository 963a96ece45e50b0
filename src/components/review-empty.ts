// The note a review chart shows instead of an empty plot (too few reviews, or none).
export function emptyNote(text: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "missing";
  p.textContent = text;
  return p;
}
