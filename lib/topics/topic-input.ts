import { z } from "zod";
import { optionalText, requiredLine } from "@/lib/records/fields";

export const TopicInputSchema = z
  .object({
    name: requiredLine(120, "Name is required."),
    description: optionalText(2000),
  })
  .strict();
export type TopicInput = z.infer<typeof TopicInputSchema>;

/** What the form edits and what a revision keeps. */
export interface TopicFormValues {
  name: string;
  description: string;
}
