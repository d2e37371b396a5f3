/**
 * Citations of a public record page. The day a reader accessed the page is only
 * known in their browser (pages are cached), so each citation is a list of parts in
 * which `{ accessed }` marks where that date goes, in the style's form.
 */
export type AccessedForm = "dmy" | "mdy" | "iso";
export type CitationPart = string | { accessed: AccessedForm };

export interface CitedPage {
  title: string;
  /** First published; null before the record says. */
  published: Date | null;
  url: string;
  /** A stable key for BibTeX, e.g. the slug. */
  key: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function formatAccessed(date: Date, form: AccessedForm): string {
  const [y, m, d] = [date.getFullYear(), date.getMonth(), date.getDate()];
  if (form === "iso") return `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return form === "mdy" ? `${MONTHS[m]} ${d}, ${y}` : `${d} ${MONTHS[m]} ${y}`;
}

/** Chicago-style: “Title.” Chancery, 6 November 2025. URL. Accessed 30 November 2026. */
export function chicagoCitation(page: CitedPage): CitationPart[] {
  const published = page.published ? `${page.published.getUTCDate()} ${MONTHS[page.published.getUTCMonth()]} ${page.published.getUTCFullYear()}` : "n.d.";
  return [`“${page.title}.” Chancery, ${published}. ${page.url}. Accessed `, { accessed: "dmy" }, "."];
}

/** APA 7, a page that may change: Chancery. (2025, November 6). Title. Retrieved November 30, 2026, from URL */
export function apaCitation(page: CitedPage): CitationPart[] {
  const date = page.published
    ? `${page.published.getUTCFullYear()}, ${MONTHS[page.published.getUTCMonth()]} ${page.published.getUTCDate()}`
    : "n.d.";
  return [`Chancery. (${date}). ${page.title}. Retrieved `, { accessed: "mdy" }, `, from ${page.url}`];
}

/** Braces and backslashes would end or escape a BibTeX field early. */
function bibtexText(text: string): string {
  return text.replace(/[\\{}%&$#_]/g, (c) => (c === "\\" ? "\\textbackslash{}" : `\\${c}`));
}

export function bibtexCitation(page: CitedPage): CitationPart[] {
  const key = `chancery-${page.key.replace(/[^A-Za-z0-9-]/g, "")}`;
  const lines = [`@misc{${key},`, `  author = {{Chancery}},`, `  title = {{${bibtexText(page.title)}}},`];
  if (page.published) {
    lines.push(`  year = {${page.published.getUTCFullYear()}},`, `  month = ${BIBTEX_MONTHS[page.published.getUTCMonth()]},`);
  }
  lines.push(`  howpublished = {\\url{${page.url}}},`, `  url = {${page.url}},`, `  urldate = {`);
  return [lines.join("\n"), { accessed: "iso" }, "}\n}"];
}

/** The citation as plain text, for a given access date (tests, and anything server-side). */
export function citationText(parts: CitationPart[], accessed: Date): string {
  return parts.map((p) => (typeof p === "string" ? p : formatAccessed(accessed, p.accessed))).join("");
}
