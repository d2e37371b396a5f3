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
