import type { DateBound, EventListQuery, StatementListQuery } from "@/lib/api/list-query";
import type { FilterChoice, PublicFilterOptions } from "@/lib/api/filter-options";
import { listIsoCountries } from "@/lib/seed/countries";
import { countryInText } from "./country";
import { formatDate } from "./date";
import { EVENT_TYPE_LABELS } from "./labels";

type Filters = Partial<Pick<EventListQuery & StatementListQuery, "country" | "type" | "topic" | "agreement" | "speaker" | "from" | "to">>;

const COUNTRY_NAMES = new Map(listIsoCountries().map((c) => [c.iso2, c.name]));

/** A date bound as it was given: "2025", "March 2025", "6 November 2025". */
function boundInText(bound: DateBound, end: "start" | "end"): string {
  const precision = bound.value.length === 4 ? "YEAR" : bound.value.length === 7 ? "MONTH" : "DAY";
  return formatDate(end === "start" ? bound.start : bound.end, precision);
}

/**
 * What a filtered list of events or statements holds, in words, for its heading, its
 * page's title and its feeds' titles: "Events involving Kazakhstan", "Meeting events
 * involving the United States, on Normalization, from 2025", "Statements by Donald Trump".
 * A filter that names nothing the record has is left out; null when no filter names
 * anything (the list is the whole record's).
 */
export function describeListFilters(kind: "events" | "statements", query: Filters, options: PublicFilterOptions): string | null {
  const parts: string[] = [];
  const find = (list: PublicFilterOptions["topics"], slug: string | undefined) => (slug ? list.choices.find((c) => c.slug === slug) : undefined);
  const speaker = find(options.speakers, query.speaker);
  if (kind === "statements" && speaker) parts.push(`by ${speaker.name}`);
  const iso2 = query.country?.toUpperCase();
  const countryName = iso2 ? (options.countries.find((c) => c.iso2 === iso2)?.name ?? COUNTRY_NAMES.get(iso2)) : undefined;
  if (iso2 && countryName) parts.push(`${kind === "events" ? "involving" : "concerning"} ${countryInText({ iso2, name: countryName })}`);
  const topic = find(options.topics, query.topic);
  if (topic) parts.push(`on ${topic.name}`);
  const agreement = find(options.agreements, query.agreement);
  if (agreement) parts.push(`on the ${agreement.name}`);
  const { from, to } = query;
  if (from && to && from.value === to.value) parts.push(`${from.value.length === 10 ? "on" : "in"} ${boundInText(from, "start")}`);
  else if (from && to) parts.push(`from ${boundInText(from, "start")} to ${boundInText(to, "end")}`);
  else if (from) parts.push(`from ${boundInText(from, "start")}`);
  else if (to) parts.push(`until ${boundInText(to, "end")}`);
  const type = kind === "events" && query.type ? EVENT_TYPE_LABELS[query.type] : undefined;
  if (parts.length === 0 && !type) return null;
  const subject = kind === "statements" ? "Statements" : type ? `${type} events` : "Events";
  return [subject, parts.join(", ")].filter(Boolean).join(" ");
}

/** A record whose page follows its events or statements (a country, a topic, an agreement, a speaker). */
export type FollowedRecord =
  | { country: { iso2: string; name: string } }
  | { topic: FilterChoice }
  | { agreement: FilterChoice }
  | { speaker: FilterChoice };

/** The one filter of a list that keeps a record's items: its name and its value ("country", "KZ"). */
export function recordFilter(record: FollowedRecord): { name: "country" | "topic" | "agreement" | "speaker"; value: string } {
  if ("country" in record) return { name: "country", value: record.country.iso2 };
  if ("topic" in record) return { name: "topic", value: record.topic.slug };
  if ("agreement" in record) return { name: "agreement", value: record.agreement.slug };
  return { name: "speaker", value: record.speaker.slug };
}

const NO_CHOICES = { choices: [], total: 0 };

/**
 * A record page's events or statements as their list and feeds are titled ("Events
 * involving Kazakhstan", "Events on the Abraham Accords", "Statements by Donald Trump").
 */
export function describeListOf(kind: "events" | "statements", record: FollowedRecord): string {
  const one = (choice: FilterChoice) => ({ choices: [choice], total: 1 });
  const options: PublicFilterOptions = {
    countries: "country" in record ? [record.country] : [],
    speakers: "speaker" in record ? one(record.speaker) : NO_CHOICES,
    topics: "topic" in record ? one(record.topic) : NO_CHOICES,
    agreements: "agreement" in record ? one(record.agreement) : NO_CHOICES,
  };
  const { name, value } = recordFilter(record);
  return describeListFilters(kind, { [name]: value }, options) ?? (kind === "events" ? "Events" : "Statements");
}

/** The same, to follow a colon or a word: "events involving Kazakhstan". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
