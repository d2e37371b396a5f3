import { z } from "zod";
import { Attribution, QuoteType, StatementMedium } from "@/lib/generated/prisma/enums";
import { dateProblem, dateText, idList, localTime, normaliseDate, optionalId, optionalLine, optionalText, precision, requiredLine, requiredText, sourcesList, timeZone, ALWAYS, PRECISIONS } from "@/lib/records/fields";

export const TEXT_MAX = 20_000;

/** BCP 47 language tag, e.g. "en", "kk", "ru", "zh-Hant". */
function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1 && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value);
  } catch {
    return false;
  }
}

/** One schema for the statement form and the server. */
export const StatementInputSchema = z
  .object({
    title: requiredLine(300, "Enter a headline."),
    text: requiredText(TEXT_MAX, "Enter the verbatim text."),
    language: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string().min(1, "Enter the language (for example en).").max(35).refine(isLanguageTag, "Enter a language tag such as en, kk or ru."),
    ),
    translation: optionalText(TEXT_MAX),
    translatedBy: optionalLine(200),
    speakerId: optionalId("a person"),
    speakerLabel: optionalLine(200),
    speakerTitle: optionalLine(300),
    attribution: z.enum(Attribution, { error: "Choose the attribution." }).default("ON_RECORD"),
    medium: z.enum(StatementMedium, { error: "Choose the medium." }),
    platform: optionalLine(100),
    quoteType: z.enum(QuoteType, { error: "Choose the quote type." }).default("DIRECT"),
    saidOn: dateText,
    saidPrecision: precision,
    saidTime: localTime,
    timeZone,
    eventId: optionalId("an event"),
    context: optionalText(5000),
    countryIds: idList("countries"),
    topicIds: idList("topics"),
    sources: sourcesList,
  })
  .strict()
  .superRefine((s, ctx) => {
    const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);
    if (!str(s.speakerId) && !str(s.speakerLabel)) {
      ctx.addIssue({ code: "custom", path: ["speakerId"], message: "Choose the speaker, or describe them in “Speaker label”." });
    }
    const language = str(s.language);
    const isEnglish = language === null || /^en(-|$)/i.test(language);
    if (!isEnglish) {
      if (!str(s.translation)) ctx.addIssue({ code: "custom", path: ["translation"], message: "Add an English translation of a statement that is not in English." });
      if (!str(s.translatedBy)) ctx.addIssue({ code: "custom", path: ["translatedBy"], message: "Say who translated it." });
    }
    const saidOn = str(s.saidOn);
    const precision = (PRECISIONS as readonly string[]).includes(s.saidPrecision) ? s.saidPrecision : "DAY";
    const problem = saidOn === null ? null : dateProblem(saidOn, precision);
    if (problem) ctx.addIssue({ code: "custom", path: ["saidOn"], message: problem });
    if (str(s.saidTime) && !str(s.timeZone)) ctx.addIssue({ code: "custom", path: ["timeZone"], message: "Give the time zone of the time." });
  }, ALWAYS)
  .transform((s) => ({ ...s, saidOn: s.saidOn ? normaliseDate(s.saidOn, s.saidPrecision) : null }));

export type StatementInput = z.output<typeof StatementInputSchema>;
