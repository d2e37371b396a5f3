import { revalidateTag } from "next/cache";
import { tags } from "./tags";

/**
 * What a write touched. Callers name the records whose public view changed;
 * this expires exactly the tags that show them.
 */
export interface PublicChange {
  events?: string[];
  statements?: string[];
  countries?: string[];
  people?: string[];
  organizations?: string[];
  agreements?: string[];
  topics?: string[];
  corrections?: boolean;
}

export function tagsFor(change: PublicChange): string[] {
  const out = new Set<string>();
  if (change.events?.length) {
    out.add(tags.eventLists);
    change.events.forEach((slug) => out.add(tags.event(slug)));
  }
  if (change.statements?.length) {
    out.add(tags.statementLists);
    change.statements.forEach((slug) => out.add(tags.statement(slug)));
  }
  change.countries?.forEach((iso2) => out.add(tags.country(iso2)));
  change.people?.forEach((slug) => out.add(tags.person(slug)));
  change.organizations?.forEach((slug) => out.add(tags.organization(slug)));
  if (change.agreements?.length) {
    out.add(tags.agreementLists);
    change.agreements.forEach((slug) => out.add(tags.agreement(slug)));
  }
  change.topics?.forEach((slug) => out.add(tags.topic(slug)));
  if (change.corrections) out.add(tags.corrections);
  // Event and statement pages and lists show countries, people, organizations and
  // topics by name, so a change to one of those expires them as well.
  if (change.countries?.length || change.people?.length || change.organizations?.length || change.topics?.length) {
    out.add(tags.eventLists);
    out.add(tags.statementLists);
  }
  if (out.size > 0) out.add(tags.search);
  return [...out];
}

/**
 * Expires the cached public pages, feeds and API responses that show what changed.
 * `{ expire: 0 }` makes the next request render fresh data (not stale-while-revalidate),
 * so a publish shows within a second. Safe to call outside a request (it no-ops there).
 */
export function revalidatePublicRecord(change: PublicChange): void {
  for (const tag of tagsFor(change)) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch {
      // Outside a request or action (scripts, tests) there is no cache to expire.
    }
  }
}
