import type { FeedItem, FeedMeta } from "./feed-items";
import { rfc822, xmlEscape } from "./xml";

/** RSS 2.0 (https://www.rssboard.org/rss-specification) with an atom:link rel="self". */
export function renderRss(meta: FeedMeta, items: FeedItem[]): string {
  const entries = items
    .map(
      (item) => `    <item>
      <title>${xmlEscape(item.title)}</title>
      <link>${xmlEscape(item.url)}</link>
      <guid isPermaLink="true">${xmlEscape(item.id)}</guid>
      <pubDate>${rfc822(item.published)}</pubDate>
      <description>${xmlEscape(item.contentHtml)}</description>
${item.categories.map((c) => `      <category>${xmlEscape(c)}</category>`).join("\n")}
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xmlEscape(meta.title)}</title>
    <link>${xmlEscape(meta.homeUrl)}</link>
    <description>${xmlEscape(meta.description)}</description>
    <language>en</language>
    <lastBuildDate>${rfc822(meta.updated)}</lastBuildDate>
    <atom:link href="${xmlEscape(meta.selfUrl)}" rel="self" type="application/rss+xml"/>
${entries}
  </channel>
</rss>
`;
}
