import { z } from "zod";
import { EventType, Occurrence, ParticipantRole } from "@/lib/generated/prisma/enums";
import { dateProblem, dateText, idList, localTime, longText, normaliseDate, optionalId, optionalLine, optionalText, precision, requiredLine, requiredText, sourcesList, timeZone, wholeNumber, ALWAYS, PRECISIONS } from "@/lib/records/fields";

/** Markdown bodies are capped so one save cannot fill the database (a 2 MB body is refused). */
export const BODY_MAX = 100_000;

/** The highest position within a day an editor may give (a day with more events than this is not a story). */
export const DAY_ORDER_MAX = 99;

const DAY_ORDER_MESSAGE = `Give the position in the day as a whole number from 1 to ${DAY_ORDER_MAX} (or leave it empty).`;

/** Position within the day: a whole number 0–99 in plain digits from a form ("" is 0, unset) or JSON. */
const dayOrder = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? 0 : v),
  wholeNumber({ min: 0, max: DAY_ORDER_MAX, message: DAY_ORDER_MESSAGE }),
);

/** A checkbox: present ("on") is true, absent is false; JSON may send a boolean. */
const checkbox = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? false : v === "on" || v === "true" ? true : v === "false" ? false : v),
  z.boolean({ error: "Tick the box or leave it empty." }),
);

export const ParticipantInputSchema = z
  .object({
    role: z.enum(ParticipantRole, { error: "Choose the participant's role." }),
    countryId: optionalId("a country"),
    organizationId: optionalId("an organization"),
    personId: optionalId("a person"),
  })
  .strict()
  .superRefine((p, ctx) => {
    const chosen = [p.countryId, p.organizationId, p.personId].filter((v) => typeof v === "string" && v !== "").length;
    if (chosen !== 1) {
      ctx.addIssue({ code: "custom", path: ["countryId"], message: "Choose exactly one country, organization or person." });
    }
  }, ALWAYS);

const PARTICIPANT_REFS = [
  ["countryId", "country"],
  ["organizationId", "organization"],
  ["personId", "person"],
] as const;

/**
 * The same country, organization or person given twice with the same role is refused at the
 * later one. With two roles it is two facts, and kept: Morocco hosted the signing and signed.
 */
function refuseRepeatedParticipants(participants: unknown[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  participants.forEach((participant, i) => {
    if (typeof participant !== "object" || participant === null) return;
    const p = participant as Record<string, unknown>;
    const given = PARTICIPANT_REFS.find(([field]) => typeof p[field] === "string" && p[field] !== "");
    if (!given) return;
    const [field, noun] = given;
    const key = `${String(p.role)}|${field}|${String(p[field])}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, field], message: `This ${noun} is already a participant above with the same role: remove this one, or give it another role.` });
    seen.add(key);
  });
}

/** One schema for the event form and the server. */
export const EventInputSchema = z
  .object({
    title: requiredLine(300, "Enter a title."),
    summary: requiredText(1000, "Enter a summary."),
    body: longText(BODY_MAX, `Keep the body under ${BODY_MAX.toLocaleString("en")} characters.`),
    type: z.enum(EventType, { error: "Choose the type of event." }),
    date: dateText,
    datePrecision: precision,
    dateApproximate: checkbox,
    endDate: dateText,
    localTime,
    timeZone,
    dayOrder,
    occurrence: z.enum(Occurrence, { error: "Choose whether it happened." }).default("OCCURRED"),
    placeName: optionalLine(200),
    countryId: optionalId("a country"),
    agreementId: optionalId("an agreement"),
    treatyActionId: optionalId("a treaty action"),
    parentId: optionalId("an event"),
    ledToIds: idList("events"),
    unconfirmedNote: optionalText(500),
    participants: z
      .array(ParticipantInputSchema)
      .max(100, "At most 100 participants.")
      // Checked even when a participant's own fields failed, so every problem shows at once.
      .superRefine(refuseRepeatedParticipants, { when: (payload) => Array.isArray(payload.value) })
      .default([]),
    topicIds: idList("topics"),
    sources: sourcesList,
  })
  .strict()
  .superRefine((e, ctx) => {
    const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
    const precision = (PRECISIONS as readonly string[]).includes(e.datePrecision) ? e.datePrecision : "DAY";
    const date = str(e.date);
    const endDate = str(e.endDate);
    if (date === null) {
      if (e.occurrence !== "SCHEDULED") ctx.addIssue({ code: "custom", path: ["date"], message: "Enter the date (it may be left empty only for a scheduled event)." });
    } else {
      const problem = dateProblem(date, precision);
      if (problem) ctx.addIssue({ code: "custom", path: ["date"], message: problem });
    }
    if (endDate !== null) {
      const end = normaliseDate(endDate, precision);
      const start = date ? normaliseDate(date, precision) : null;
      if (end === null) ctx.addIssue({ code: "custom", path: ["endDate"], message: dateProblem(endDate, precision)! });
      else if (!start) ctx.addIssue({ code: "custom", path: ["endDate"], message: "An end date needs a start date." });
      else if (end < start) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date cannot be before the start date." });
    }
    if (e.dateApproximate && date === null) ctx.addIssue({ code: "custom", path: ["dateApproximate"], message: "Only a date can be approximate: enter the date." });
    if (e.dayOrder > 0 && (date === null || precision !== "DAY")) {
      ctx.addIssue({ code: "custom", path: ["dayOrder"], message: "A position in the day needs a date to the day." });
    }
    if (str(e.localTime) && !str(e.timeZone)) ctx.addIssue({ code: "custom", path: ["timeZone"], message: "Give the time zone of the local time." });
  }, ALWAYS)
  .transform((e) => ({
    ...e,
    date: e.date ? normaliseDate(e.date, e.datePrecision) : null,
    endDate: e.endDate ? normaliseDate(e.endDate, e.datePrecision) : null,
    ledToIds: [...new Set(e.ledToIds)].sort(),
  }));

export type EventInput = z.output<typeof EventInputSchema>;
export type ParticipantInput = z.output<typeof ParticipantInputSchema>;
