import { z } from "zod";
import { iso2, type SourceInput, optionalId, optionalPartialDate, optionalText, requiredText, sourcesList, wikidataId } from "@/lib/records/fields";

export const AGREEMENT_KINDS = ["TREATY", "DECLARATION", "JOINT_DECLARATION", "MOU", "FRAMEWORK"] as const;
export const TREATY_ACTION_TYPES = ["INTENT_ANNOUNCED", "SIGNATURE", "RATIFICATION", "ACCESSION", "ENTRY_INTO_FORCE", "WITHDRAWAL"] as const;

export const TreatyActionInputSchema = z
  .object({
    countryId: iso2("the party"),
    type: z.enum(TREATY_ACTION_TYPES, { error: "Choose what the party did." }),
    date: optionalPartialDate("Date"),
    note: optionalText(2000),
    eventId: optionalId("an event"),
    sources: sourcesList,
  })
  .strict();

export const AgreementInputSchema = z
  .object({
    name: requiredText(500, "Name is required."),
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
  actions: Array<{ countryId: string; type: string; date: string; note: string; eventId: string; sources: SourceFormValues[] }>;
};
