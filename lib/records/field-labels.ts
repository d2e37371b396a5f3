/** What the desk's forms call each field, for history, comparisons and conflicts. */
const LABELS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  body: "Body",
  type: "Type",
  date: "Date",
  datePrecision: "Date precision",
  endDate: "End date",
  localTime: "Local time",
  timeZone: "Time zone",
  occurrence: "Occurrence",
  placeName: "Place",
  countryId: "Country",
  countryIds: "Countries",
  agreementId: "Agreement",
  treatyActionId: "Treaty action",
  parentId: "Part of",
  eventId: "Event",
  participants: "Participant",
  role: "Role",
  organizationId: "Organization",
  personId: "Person",
  topicIds: "Topics",
  sources: "Source",
  url: "URL",
  publisher: "Publisher",
  publishedOn: "Published on",
  accessedOn: "Accessed on",
  archiveUrl: "Archived copy URL",
  text: "Verbatim text",
  language: "Language",
  translation: "English translation",
  translatedBy: "Translated by",
  speakerId: "Speaker",
  speakerLabel: "Speaker label",
  speakerTitle: "Speaker's title at the time",
  attribution: "Attribution",
  medium: "Medium",
  platform: "Platform",
  quoteType: "Quote type",
  saidOn: "Said on",
  saidPrecision: "Said-on precision",
  name: "Name",
  acronym: "Acronym",
  kind: "Kind",
  wikidataId: "Wikidata id",
  description: "Description",
  offices: "Office",
  members: "Member",
  concluded: "Concluded on",
  actions: "Treaty action",
  note: "Note",
  from: "From",
  to: "To",
};

const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/^./, (c) => c.toUpperCase());

/** "participants.0.personId" → "Participant 1 · Person"; "topicIds" → "Topics". */
export function fieldLabel(path: string): string {
  const out: string[] = [];
  for (const segment of path.split(".")) {
    if (/^\d+$/.test(segment) && out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${Number(segment) + 1}`;
    else out.push(Object.hasOwn(LABELS, segment) ? LABELS[segment]! : words(segment));
  }
  return out.join(" · ");
}

/** Whether a field holds record ids (shown by name in comparisons). */
export const holdsIds = (path: string) => /Ids?(\.\d+)?$/.test(path);
