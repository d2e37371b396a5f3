import { z } from "zod";
import { ALWAYS, iso2, type SourceInput, optionalId, optionalPartialDate, optionalText, requiredLine, sourcesList, wikidataId } from "@/lib/records/fields";

export const AGREEMENT_KINDS = ["TREATY", "DECLARATION", "JOINT_DECLARATION", "MOU", "FRAMEWORK"] as const;
export const TREATY_ACTION_TYPES = [
  "INTENT_ANNOUNCED",
  "SIGNATURE",
  "RATIFICATION",
  "ACCESSION",
  "ENTRY_INTO_FORCE",
  "WITHDRAWAL",
  "JOINED_THROUGH_RELATED_INSTRUMENT",
] as const;

export const TreatyActionInputSchema = z
  .object({
    /**
     * The row this step was read from (the form and revisions carry it): saving keeps the row and its
     * id, which events name (lib/agreements/treaty-action-rows.ts). Empty for a new step.
     */
    id: optionalId("a treaty action"),
    countryId: iso2("the party"),
    type: z.enum(TREATY_ACTION_TYPES, { error: "Choose what the party did." }),
    date: optionalPartialDate("Date"),
    note: optionalText(2000),
    eventId: optionalId("an event"),
    /** For "joined through a related instrument": the instrument (Morocco: the Joint Declaration of 22 December 2020). */
    viaAgreementId: optionalId("an agreement"),
    /** What the sources leave unconfirmed about this step; readers see it as such. */
    unconfirmedNote: optionalText(500),
    sources: sourcesList,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.type === "JOINED_THROUGH_RELATED_INSTRUMENT" && !a.viaAgreementId) {
      ctx.addIssue({ code: "custom", path: ["viaAgreementId"], message: "Choose the instrument through which the party joined." });
    }
    if (a.type !== "JOINED_THROUGH_RELATED_INSTRUMENT" && typeof a.viaAgreementId === "string") {
      ctx.addIssue({ code: "custom", path: ["viaAgreementId"], message: "Only a party that joined through a related instrument names one: choose that type or clear the instrument." });
    }
  }, ALWAYS);

export const AgreementInputSchema = z
  .object({
    name: requiredLine(500, "Name is required."),
    kind: z.enum(AGREEMENT_KINDS, { error: "Choose a kind." }),
    summary: optionalText(5000),
    concluded: optionalPartialDate("Concluded on"),
    parentId: optionalId("a parent agreement"),
    wikidataId,
    sources: sourcesList,
    actions: z.array(TreatyActionInputSchema).max(500, { error: "At most 500 treaty actions." }).default([]),
  })
  .strict();
export type AgreementInput = z.infer<typeof AgreementInputSchema>;

export type SourceFormValues = SourceInput;

export type AgreementFormValues = {
  name: string;
  kind: string;
  summary: string;
  concluded: string;
  parentId: string;
  wikidataId: string;
  sources: SourceFormValues[];
  actions: Array<{ id: string; countryId: string; type: string; date: string; note: string; eventId: string; viaAgreementId: string; unconfirmedNote: string; sources: SourceFormValues[] }>;
};
