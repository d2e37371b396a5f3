/**
 * ts_headline marks matches with these private-use characters instead of HTML, so
 * the text around them can be escaped (or rendered by React) without trusting it.
 */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

export interface SnippetPart {
  text: string;
  isMatch: boolean;
}

export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = raw;
  while (rest.length) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, isMatch: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), isMatch: false });
    const stop = rest.indexOf(MARK_STOP, start + 1);
    const end = stop === -1 ? rest.length : stop;
    parts.push({ text: rest.slice(start + 1, end), isMatch: true });
    rest = stop === -1 ? "" : rest.slice(stop + 1);
  }
  return parts.map((p) => ({ ...p, text: p.text.replaceAll(MARK_START, "").replaceAll(MARK_STOP, "") })).filter((p) => p.text.length > 0);
}

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/** Escaped HTML with only <mark> added: what the API hands out as `snippetHtml`. */
export function snippetToHtml(raw: string): string {
  return snippetParts(raw)
    .map((p) => (p.isMatch ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
    .join("");
}

/** The plain text, markers removed. */
export function snippetText(raw: string): string {
  return snippetParts(raw)
    .map((p) => p.text)
    .join("");
}
