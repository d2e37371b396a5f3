import type { Crumb } from "./paths";
import { absoluteUrl } from "./url";
/**
 * JSON-LD for <script type="application/ld+json">. JSON.stringify alone is not
 * safe inside a script element: a title containing "</script>" would end it and
 * let the rest run as HTML. Escaping <, >, & and the two JavaScript line
 * separators keeps the text inert while staying valid JSON.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

export type JsonLd = Record<string, unknown>;

export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data, dropEmpty).replace(UNSAFE, (ch) => ESCAPES[ch]!);
}

// Absent facts are left out rather than published as null or [].
function dropEmpty(_key: string, value: unknown) {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

export function wikidataUrl(id: string | null | undefined): string | undefined {
  return id ? `https://www.wikidata.org/wiki/${id}` : undefined;
}

export function breadcrumbList(items: Array<{ name: string; url: string }>): JsonLd {
  return {
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({ "@type": "ListItem", position: index + 1, name: item.name, item: item.url })),
  };
}

/** Wraps several nodes in one document with a shared @context. */
export function jsonLdGraph(nodes: JsonLd[]): JsonLd {
  return { "@context": "https://schema.org", "@graph": nodes };
}

/** A page's structured data: its own node (an index page has none) and the trail that leads to it. */
export function recordGraph(node: JsonLd | null, trail: Crumb[]): JsonLd {
  const breadcrumbs = breadcrumbList(trail.map((crumb) => ({ name: crumb.name, url: absoluteUrl(crumb.href) })));
  return jsonLdGraph(node ? [node, breadcrumbs] : [breadcrumbs]);
}
