import { z } from "zod";
import { officesOverlap } from "./offices";
import { isInOrder, optionalId, optionalIso2, optionalPartialDate, optionalText, requiredLine, wikidataId } from "@/lib/records/fields";

export const OfficeInputSchema = z
  .object({
    title: requiredLine(300, "Title is required."),
    countryId: optionalIso2(),
    organizationId: optionalId("an organization"),
    start: optionalPartialDate("From"),
    end: optionalPartialDate("To"),
  })
  .strict()
  .superRefine((office, ctx) => {
    if (!isInOrder(office.start, office.end)) ctx.addIssue({ code: "custom", path: ["end"], message: "“To” cannot be before “From”." });
  });

export const PersonInputSchema = z
  .object({
    name: requiredLine(200, "Name is required."),
    countryId: optionalIso2(),
    wikidataId,
    description: optionalText(5000),
    offices: z.array(OfficeInputSchema).max(50, { error: "At most 50 offices." }).default([]),
  })
  .strict()
  .superRefine((person, ctx) => {
    // Two terms of the same office cannot share a day: Trump's two terms are two offices, one after the other.
    const span = (o: (typeof person.offices)[number]) => ({
      title: o.title,
      startDate: o.start?.date ?? null,
      startPrecision: o.start?.precision ?? "DAY",
      endDate: o.end?.date ?? null,
      endPrecision: o.end?.precision ?? "DAY",
    });
    const key = (o: (typeof person.offices)[number]) => [o.title.toLowerCase(), o.countryId ?? "", o.organizationId ?? ""].join("|");
    person.offices.forEach((later, j) => {
      const i = person.offices.findIndex((earlier, k) => k < j && key(earlier) === key(later) && officesOverlap(span(earlier), span(later)));
      if (i >= 0) {
        ctx.addIssue({
          code: "custom",
          path: ["offices", j, "start"],
          message: `This term overlaps office ${i + 1} (“${later.title}”): give the earlier one an end on or before this one's start.`,
        });
      }
    });
  });
export type PersonInput = z.infer<typeof PersonInputSchema>;

/** What the form edits and what a revision keeps (dates as typed: "1992", "1992-08", "1992-04-10"). */
export interface PersonFormValues {
  name: string;
  countryId: string;
  wikidataId: string;
  description: string;
  offices: Array<{ title: string; countryId: string; organizationId: string; start: string; end: string }>;
}
