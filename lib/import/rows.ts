import type { z } from "zod";
import { Attribution, EventType, Occurrence, ParticipantRole, QuoteType, StatementMedium } from "@/lib/generated/prisma/enums";
import { CAMEO_BY_EVENT_TYPE, isCameoCode, isCameoCodeAllowed } from "@/lib/events/cameo";
import { EventInputSchema } from "@/lib/events/event-input";
import { StatementInputSchema } from "@/lib/statements/statement-input";
import { fieldErrorsOf } from "@/lib/records/field-errors";
import { columnOfPath, type ImportKind } from "./columns";
import { References, splitList, type Proposal } from "./references";

/**
 * One row of the file, in Chancery's columns, turned into the desk's own input
 * (the object the event or statement form sends) and checked with the desk's own
 * schema. Problems are named by the column a person typed them in.
 */
export interface Problem {
  column: string;
  message: string;
}

export interface PreparedRow {
  line: number;
  externalSource: string;
  externalId: string;
  title: string;
  /** The desk input, when every reference was found; checked with the kind's schema. */
  input: Record<string, unknown> | null;
  cameoCode: string | null;
  problems: Problem[];
  /** New people and organizations the row needs (it is imported only if the editor confirms them). */
  needs: Array<Omit<Proposal, "lines">>;
}

export const DEFAULT_EXTERNAL_SOURCE = "file";

/** "phone call", "Phone-Call", "PHONE_CALL" → "PHONE_CALL"; anything else is named with the choices. */
function enumValue<E extends Record<string, string>>(values: E, raw: string, column: string, problems: Problem[], what: string): string | undefined {
  if (raw === "") return undefined;
  const key = raw.trim().toUpperCase().replace(/[\s-]+/g, "_");
  if (Object.hasOwn(values, key)) return key;
  problems.push({ column, message: `“${raw}” is not ${what}: use one of ${Object.keys(values).map((v) => v.toLowerCase().replace(/_/g, " ")).join(", ")}.` });
  return undefined;
}

const TRUE = new Set(["true", "yes", "y", "1", "x"]);
const FALSE = new Set(["false", "no", "n", "0", ""]);

/** "2025" is a year, "2025-11" a month, "2025-11-06" a day, unless the precision column says otherwise. */
function precisionOf(date: string, raw: string, column: string, problems: Problem[]): "DAY" | "MONTH" | "YEAR" {
  const given = enumValue({ DAY: "DAY", MONTH: "MONTH", YEAR: "YEAR" }, raw, column, problems, "a precision");
  if (given) return given as "DAY" | "MONTH" | "YEAR";
  return /^\d{4}$/.test(date) ? "YEAR" : /^\d{4}-\d{2}$/.test(date) ? "MONTH" : "DAY";
}

/** The narrowest event type whose CAMEO prefixes take the code (longest prefix wins; ties: the order of the table). */
export function eventTypeForCameo(code: string): string | null {
  let best: { type: string; length: number } | null = null;
  for (const [type, prefixes] of Object.entries(CAMEO_BY_EVENT_TYPE)) {
    for (const prefix of prefixes) {
      if (code.startsWith(prefix) && (!best || prefix.length > best.length)) best = { type, length: prefix.length };
    }
  }
  return best?.type ?? null;
}

function sourcesOf(cells: Record<string, string>): Array<Record<string, string>> {
  const url = cells.source_url ?? "";
  const title = cells.source_title ?? "";
  if (!url && !title) return [];
  return [{ url, title, publisher: cells.source_publisher ?? "", publishedOn: cells.source_date ?? "" }];
}

function resolveEntity(refs: References, kind: "person" | "organization", text: string, column: string, row: PreparedRow): string | null {
  const found = refs.entity(kind, text);
  if (found.ok) return found.value;
  if ("proposal" in found) {
    if (!row.needs.some((n) => n.key === found.proposal.key)) row.needs.push(found.proposal);
  } else row.problems.push({ column, message: found.problem });
  return null;
}

function eventInput(cells: Record<string, string>, refs: References, row: PreparedRow) {
  const problems = row.problems;
  const cameo = (cells.cameo_code ?? "").trim();
  let type = enumValue(EventType, cells.type ?? "", "type", problems, "an event type");
  if (cameo) {
    if (!isCameoCode(cameo)) problems.push({ column: "cameo_code", message: `“${cameo}” is not a CAMEO event code (three or four digits, such as 041).` });
    else if (!type && !(cells.type ?? "")) type = eventTypeForCameo(cameo) ?? undefined;
    if (isCameoCode(cameo) && type && !isCameoCodeAllowed(type as EventType, cameo)) {
      problems.push({ column: "cameo_code", message: `CAMEO ${cameo} does not fit the type ${type.toLowerCase().replace(/_/g, " ")}.` });
    }
    if (isCameoCode(cameo) && !type && !(cells.type ?? "")) problems.push({ column: "cameo_code", message: `CAMEO ${cameo} is not a diplomatic event Chancery records: give a type.` });
  }
  row.cameoCode = cameo && isCameoCode(cameo) ? cameo : null;
  const date = (cells.date ?? "").trim();
  const role = enumValue(ParticipantRole, cells.participant_role ?? "", "participant_role", problems, "a participant role") ?? "PARTICIPANT";
  const participants: Array<Record<string, string>> = [];
  const participantColumns: string[] = [];
  for (const text of splitList(cells.countries)) {
    const found = refs.country(text);
    if (found.ok) {
      if (!participants.some((p) => p.countryId === found.value)) {
        participants.push({ role, countryId: found.value });
        participantColumns.push("countries");
      }
    } else if ("problem" in found) problems.push({ column: "countries", message: found.problem });
  }
  for (const [column, kind, field] of [["organizations", "organization", "organizationId"], ["people", "person", "personId"]] as const) {
    for (const text of splitList(cells[column])) {
      const id = resolveEntity(refs, kind, text, column, row);
      if (id && !participants.some((p) => p[field] === id)) {
        participants.push({ role, [field]: id });
        participantColumns.push(column);
      }
    }
  }
  let countryId = "";
  if ((cells.country ?? "").trim()) {
    const found = refs.country(cells.country!);
    if (found.ok) countryId = found.value;
    else if ("problem" in found) problems.push({ column: "country", message: found.problem });
  }
  const approximate = (cells.date_approximate ?? "").trim().toLowerCase();
  if (!TRUE.has(approximate) && !FALSE.has(approximate)) problems.push({ column: "date_approximate", message: "Write yes or no." });
  return {
    input: {
      title: cells.title ?? "",
      summary: cells.summary ?? "",
      body: cells.body ?? "",
      type: type ?? cells.type ?? "",
      date,
      datePrecision: precisionOf(date, cells.date_precision ?? "", "date_precision", problems),
      dateApproximate: TRUE.has(approximate),
      endDate: cells.end_date ?? "",
      occurrence: enumValue(Occurrence, cells.occurrence ?? "", "occurrence", problems, "an occurrence") ?? "OCCURRED",
      placeName: cells.place ?? "",
      countryId,
      participants,
      sources: sourcesOf(cells),
    },
    participantColumns,
  };
}

function statementInput(cells: Record<string, string>, refs: References, row: PreparedRow) {
  const problems = row.problems;
  const saidOn = (cells.said_on ?? "").trim();
  let speakerId = "";
  if ((cells.speaker ?? "").trim()) speakerId = resolveEntity(refs, "person", cells.speaker!.trim(), "speaker", row) ?? "";
  const countryIds: string[] = [];
  for (const text of splitList(cells.countries)) {
    const found = refs.country(text);
    if (found.ok) countryIds.push(found.value);
    else if ("problem" in found) problems.push({ column: "countries", message: found.problem });
  }
  return {
    input: {
      title: cells.title ?? "",
      text: cells.text ?? "",
      language: (cells.language ?? "").trim() || "en",
      translation: cells.translation ?? "",
      translatedBy: cells.translated_by ?? "",
      speakerId,
      // A speaker to be created still counts as named, so the schema does not ask for a label.
      speakerLabel: cells.speaker_label ?? "",
      speakerTitle: cells.speaker_title ?? "",
      attribution: enumValue(Attribution, cells.attribution ?? "", "attribution", problems, "an attribution") ?? "ON_RECORD",
      medium: enumValue(StatementMedium, cells.medium ?? "", "medium", problems, "a medium") ?? cells.medium ?? "",
      platform: cells.platform ?? "",
      quoteType: enumValue(QuoteType, cells.quote_type ?? "", "quote_type", problems, "a quote type") ?? "DIRECT",
      saidOn,
      saidPrecision: saidOn ? precisionOf(saidOn, cells.said_precision ?? "", "said_precision", problems) : "DAY",
      context: cells.context ?? "",
      countryIds: [...new Set(countryIds)],
      sources: sourcesOf(cells),
    },
    participantColumns: [] as string[],
  };
}

const SCHEMAS: Record<ImportKind, z.ZodType> = { events: EventInputSchema, statements: StatementInputSchema };

/** Checks one row; `confirmed` lists the new people and organizations the editor agreed to (with the ids they got). */
export function prepareRow(kind: ImportKind, line: number, cells: Record<string, string>, refs: References): PreparedRow {
  const row: PreparedRow = {
    line,
    externalSource: (cells.external_source ?? "").trim() || DEFAULT_EXTERNAL_SOURCE,
    externalId: (cells.external_id ?? "").trim(),
    title: (cells.title ?? "").trim(),
    input: null,
    cameoCode: null,
    problems: [],
    needs: [],
  };
  if (!row.externalId) row.problems.push({ column: "external_id", message: "Give each row an id from your source: importing the file again then changes nothing." });
  else if (row.externalId.length > 200) row.problems.push({ column: "external_id", message: "Keep the id under 200 characters." });
  if (row.externalSource.length > 100) row.problems.push({ column: "external_source", message: "Keep the source's name under 100 characters." });
  const { input, participantColumns } = kind === "events" ? eventInput(cells, refs, row) : statementInput(cells, refs, row);
  const parsed = SCHEMAS[kind].safeParse(input);
  if (!parsed.success) {
    for (const [path, messages] of Object.entries(fieldErrorsOf(parsed.error))) {
      // A speaker or participant still to be created is not an error of the row.
      if (row.needs.length && (path === "speakerId" || path.startsWith("participants"))) continue;
      const column = columnOfPath(kind, path, participantColumns);
      for (const message of messages) if (!row.problems.some((p) => p.column === column && p.message === message)) row.problems.push({ column, message });
    }
  }
  row.input = input;
  return row;
}

