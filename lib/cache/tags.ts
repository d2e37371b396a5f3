/**
 * Cache tags for the public record. Public reads are cached under these tags;
 * every write that changes what readers see revalidates exactly the tags it
 * touches (lib/cache/revalidate.ts). Keep tag names here and nowhere else.
 */
export const tags = {
  /** Any list or feed of events (home, /events, feeds, API lists, sitemap, calendar). */
  eventLists: "events",
  event: (slug: string) => `event:${slug}`,
  statementLists: "statements",
  statement: (slug: string) => `statement:${slug}`,
  country: (iso2: string) => `country:${iso2.toLowerCase()}`,
  person: (slug: string) => `person:${slug}`,
  organization: (slug: string) => `organization:${slug}`,
  agreement: (slug: string) => `agreement:${slug}`,
  agreementLists: "agreements",
  topic: (slug: string) => `topic:${slug}`,
  corrections: "corrections",
  /** Search results and anything else that depends on the whole record. */
  search: "search",
} as const;
