import { z } from "zod";
import { EventType, Occurrence, ParticipantRole } from "@/lib/generated/prisma/enums";
import { dateProblem, dateText, idList, localTime, longText, normaliseDate, optionalId, optionalText, precision, requiredText, sourcesList, timeZone, ALWAYS, PRECISIONS } from "@/lib/records/fields";

/** Markdown bodies are capped so one save cannot fill the database (a 2 MB body is refused). */
export const BODY_MAX = 100_000;

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

/** One schema for the event form and the server. */
export const EventInputSchema = z
  .object({
    title: requiredText(300, "Enter a title."),
    summary: requiredText(1000, "Enter a summary."),
    body: longText(BODY_MAX, `Keep the body under ${BODY_MAX.toLocaleString("en")} characters.`),
    type: z.enum(EventType, { error: "Choose the type of event." }),
    date: dateText,
    datePrecision: precision,
    endDate: dateText,
    localTime,
    timeZone,
    occurrence: z.enum(Occurrence, { error: "Choose whether it happened." }).default("OCCURRED"),
    placeName: optionalText(200),
    countryId: optionalId("a country"),
    agreementId: optionalId("an agreement"),
    treatyActionId: optionalId("a treaty action"),
    parentId: optionalId("an event"),
    participants: z.array(ParticipantInputSchema).max(100, "At most 100 participants.").default([]),
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
    if (str(e.localTime) && !str(e.timeZone)) ctx.addIssue({ code: "custom", path: ["timeZone"], message: "Give the time zone of the local time." });
  }, ALWAYS)
  .transform((e) => ({
    ...e,
    date: e.date ? normaliseDate(e.date, e.datePrecision) : null,
    endDate: e.endDate ? normaliseDate(e.endDate, e.datePrecision) : null,
  }));

export type EventInput = z.output<typeof EventInputSchema>;
export type ParticipantInput = z.output<typeof ParticipantInputSchema>;
