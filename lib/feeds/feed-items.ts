import { renderMarkdown } from "@/lib/markdown/render";
import { formatDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, label, MEDIUM_LABELS } from "@/lib/format/labels";
import type { PublicEventListItem } from "@/lib/events/public-list";
import type { PublicStatementListItem } from "@/lib/statements/public-list";
import { eventPath, statementPath } from "@/lib/site/paths";

/** One event or statement as every feed format sees it: absolute URL, dates, and safe HTML content. */
export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  categories: string[];
}

export interface FeedMeta {
  title: string;
  description: string;
  homeUrl: string;
  selfUrl: string;
  /** Newest change among the items (or now, for an empty feed). */
  updated: Date;
}

export function toFeedItem(event: PublicEventListItem, origin: string): FeedItem {
  const url = `${origin}${eventPath(event.slug)}`;
  const when = formatDate(event.date, event.datePrecision);
  const body = event.body ? renderMarkdown(event.body) : "";
  const published = event.firstPublishedAt ?? event.publishedAt ?? new Date(0);
  return {
    id: url,
    url,
    title: event.title,
    summary: event.summary,
    contentHtml: `<p><strong>${label(EVENT_TYPE_LABELS, event.type)}</strong> · ${escapeForHtml(when)}${event.placeName ? ` · ${escapeForHtml(event.placeName)}` : ""}</p><p>${escapeForHtml(event.summary)}</p>${body}`,
    published,
    updated: event.publishedAt ?? published,
    categories: [label(EVENT_TYPE_LABELS, event.type), ...event.topics.map((t) => t.topic.name)],
  };
}

/**
 * A statement: who said it, in what capacity, when and how, then the words, a quotation in
 * quotation marks and a paraphrase said to be one (as on its page), or their translation.
 */
export function statementFeedItem(statement: PublicStatementListItem, origin: string): FeedItem {
  const url = `${origin}${statementPath(statement.slug)}`;
  const speaker = statement.speaker?.name ?? statement.speakerLabel ?? "Unattributed";
  const byline = `${speaker}${statement.speakerTitle ? `, ${statement.speakerTitle}` : ""}`;
  const when = formatDate(statement.saidOn, statement.saidPrecision);
  const words = escapeForHtml(statement.translation ?? statement.text);
  const published = statement.firstPublishedAt ?? statement.publishedAt ?? new Date(0);
  return {
    id: url,
    url,
    title: statement.title,
    summary: `${byline}: ${statement.translation ?? statement.text}`,
    contentHtml:
      `<p><strong>${escapeForHtml(byline)}</strong> · ${escapeForHtml(label(MEDIUM_LABELS, statement.medium))} · ${escapeForHtml(when)}</p>` +
      (statement.quoteType === "PARAPHRASE" ? `<p><em>Paraphrase:</em> ${words}</p>` : `<blockquote><p>“${words}”</p></blockquote>`) +
      (statement.translation ? `<p><em>English translation${statement.translatedBy ? ` by ${escapeForHtml(statement.translatedBy)}` : ""}.</em></p>` : ""),
    published,
    updated: statement.publishedAt ?? published,
    categories: [label(MEDIUM_LABELS, statement.medium), ...statement.topics.map((t) => t.topic.name)],
  };
}

function escapeForHtml(text: string) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function feedUpdated(items: FeedItem[]): Date {
  return items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), items[0]?.updated ?? new Date(0));
}
