import { z } from "zod";
import { optionalText, requiredText } from "@/lib/reference/fields";

export const TopicInputSchema = z
  .object({
    name: requiredText("Name", 120),
    description: optionalText("Description", 2000),
  })
  .strict();
export type TopicInput = z.infer<typeof TopicInputSchema>;

/** What the form edits and what a revision keeps. */
export interface TopicFormValues {
  name: string;
  description: string;
}
