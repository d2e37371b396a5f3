/**
 * The one place that builds the public site's paths. Pages, feeds, the sitemap,
 * JSON-LD and the desk's "Public page" links all ask here, so a path changes in
 * one line.
 */
export { relationPath } from "@/lib/countries/relation-path";

export const eventPath = (slug: string) => `/events/${slug}`;
export const statementPath = (slug: string) => `/statements/${slug}`;
export const personPath = (slug: string) => `/people/${slug}`;
export const organizationPath = (slug: string) => `/organizations/${slug}`;
export const agreementPath = (slug: string) => `/agreements/${slug}`;
export const topicPath = (slug: string) => `/topics/${slug}`;
/** Country pages are named by the lower-case ISO 3166-1 alpha-2 code ("/countries/kz"). */
export const countryPath = (iso2: string) => `/countries/${iso2.toLowerCase()}`;
/** A public list with one filter (lib/api/filters.ts says what each means): "/statements?speaker=…". */
export function filteredListPath(list: "events" | "statements", filter: ListFilter, value: string): string {
  return `/${list}?${listFilterQuery(filter, value)}`;
}
type ListFilter = "country" | "topic" | "speaker" | "agreement";
/** One filter of a list or feed as its query string: "country=kz", "topic=normalization". */
export function listFilterQuery(filter: ListFilter, value: string): string {
  return `${filter}=${encodeURIComponent(filter === "country" ? value.toLowerCase() : value)}`;
}
/** The events list filtered to one country's events. */
export const countryEventsPath = (iso2: string) => filteredListPath("events", "country", iso2);

/** One step of a page's trail: a breadcrumb above its title and an item of its BreadcrumbList. */
export interface Crumb {
  name: string;
  href: string;
}

/** The index pages a record page's trail passes through. */
export const SECTIONS = {
  events: { name: "Events", href: "/events" },
  statements: { name: "Statements", href: "/statements" },
  countries: { name: "Countries", href: "/countries" },
  agreements: { name: "Agreements", href: "/agreements" },
} as const satisfies Record<string, Crumb>;

/** Home, the section (if the page has one), the page itself. */
export function pageTrail(page: Crumb, section?: Crumb): Crumb[] {
  return section ? [{ name: "Home", href: "/" }, section, page] : [{ name: "Home", href: "/" }, page];
}
