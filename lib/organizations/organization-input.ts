import { z } from "zod";
import { iso2, optionalDay, optionalIso2, optionalLine, optionalText, requiredLine, wikidataId } from "@/lib/records/fields";

export const ORGANIZATION_KINDS = ["INTERGOVERNMENTAL", "GOVERNMENT_BODY", "OTHER"] as const;

export const MemberInputSchema = z
  .object({
    countryId: iso2("a member country"),
    joinedOn: optionalDay("Joined on"),
    leftOn: optionalDay("Left on"),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.joinedOn && m.leftOn && m.leftOn < m.joinedOn) ctx.addIssue({ code: "custom", path: ["leftOn"], message: "“Left on” cannot be before “Joined on”." });
  });

export const OrganizationInputSchema = z
  .object({
    name: requiredLine(300, "Name is required."),
    acronym: optionalLine(40),
    kind: z.enum(ORGANIZATION_KINDS, { error: "Choose a kind." }),
    wikidataId,
    countryId: optionalIso2(),
    description: optionalText(5000),
    members: z.array(MemberInputSchema).max(300, { error: "At most 300 members." }).default([]),
  })
  .strict()
  .superRefine((org, ctx) => {
    if (org.kind === "GOVERNMENT_BODY" && !org.countryId) ctx.addIssue({ code: "custom", path: ["countryId"], message: "A government body belongs to a country: choose it." });
    if (org.kind !== "GOVERNMENT_BODY" && org.countryId) ctx.addIssue({ code: "custom", path: ["countryId"], message: "Only a government body belongs to a country; clear this or change the kind." });
    const seen = new Map<string, number>();
    org.members.forEach((m, i) => {
      if (seen.has(m.countryId)) ctx.addIssue({ code: "custom", path: ["members", i, "countryId"], message: "This country is already a member above." });
      seen.set(m.countryId, i);
    });
  });
export type OrganizationInput = z.infer<typeof OrganizationInputSchema>;

export interface OrganizationFormValues {
  name: string;
  acronym: string;
  kind: string;
  wikidataId: string;
  countryId: string;
  description: string;
  members: Array<{ countryId: string; joinedOn: string; leftOn: string }>;
}
