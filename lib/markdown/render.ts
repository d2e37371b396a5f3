import MarkdownIt from "markdown-it";

/**
 * The one Markdown renderer, used by the public pages and by the desk's preview,
 * so an editor sees exactly what readers will. Raw HTML is never passed through,
 * and links may only be http, https, mailto, or a path on this site ("/events/…",
 * as the desk's "Link to a record" inserts; never "//host", which leaves the site).
 */
const SITE_PATH = /^\/[a-z0-9][a-z0-9/_-]*$/i;
const SAFE_LINK = /^(https?:|mailto:)/i;
const isSafeLink = (url: string) => SAFE_LINK.test(url.trim()) || SITE_PATH.test(url.trim());

const md = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false });

md.validateLink = isSafeLink;

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  // Links to our own pages are ours to vouch for; the rest are not.
  if (!SITE_PATH.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images would load from anywhere; bodies are text, so images render as their alt text.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);

// A table wider than the column scrolls in its own box, which a keyboard can reach and scroll.
md.renderer.rules.table_open = () => '<div data-table="" role="region" tabindex="0" aria-label="Table">\n<table>\n';
md.renderer.rules.table_close = () => "</table>\n</div>\n";

export function renderMarkdown(source: string): string {
  return md.render(source);
}
