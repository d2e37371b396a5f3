import type { FeedItem, FeedMeta } from "./feed-items";
import { xmlEscape } from "./xml";

/** Atom (RFC 4287): feed id, title, updated, author and self link; entries with id, title, updated, link. */
export function renderAtom(meta: FeedMeta, items: FeedItem[]): string {
  const entries = items
    .map(
      (item) => `  <entry>
    <id>${xmlEscape(item.id)}</id>
    <title type="text">${xmlEscape(item.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(item.url)}"/>
    <published>${item.published.toISOString()}</published>
    <updated>${item.updated.toISOString()}</updated>
    <summary type="text">${xmlEscape(item.summary)}</summary>
    <content type="html">${xmlEscape(item.contentHtml)}</content>
${item.categories.map((c) => `    <category term="${xmlEscape(c)}"/>`).join("\n")}
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${xmlEscape(meta.selfUrl)}</id>
  <title type="text">${xmlEscape(meta.title)}</title>
  <subtitle type="text">${xmlEscape(meta.description)}</subtitle>
  <updated>${meta.updated.toISOString()}</updated>
  <author><name>Chancery</name><uri>${xmlEscape(meta.homeUrl)}</uri></author>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(meta.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(meta.homeUrl)}"/>
${entries}
</feed>
`;
}
