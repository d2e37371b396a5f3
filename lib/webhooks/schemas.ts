import { z } from "zod";
import { optionalText } from "@/lib/records/fields";
import { WEBHOOK_EVENTS } from "./event-types";

export const WebhookEndpointInputSchema = z
  .object({
    url: z
      .string()
      .trim()
      .min(1, "Give the URL to send to.")
      .max(2_000, "That URL is too long.")
      .refine((value) => URL.canParse(value), "Give a full URL, starting with https://.")
      // Stored as the parser writes it: control characters and the like do not survive.
      .transform((value) => new URL(value).href)
      .refine((href) => ["http:", "https:"].includes(new URL(href).protocol), "Only http and https URLs can receive webhooks.")
      .refine((href) => !new URL(href).username && !new URL(href).password, "Put no user name or password in the URL; the signature proves who is sending."),
    description: optionalText(500),
    events: z.array(z.enum(WEBHOOK_EVENTS, "Choose from the listed changes.")).min(1, "Choose at least one change to send.").max(WEBHOOK_EVENTS.length),
    allowPrivateNetwork: z.boolean().default(false),
  })
  .strict();
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInputSchema>;

export const WebhookEndpointUpdateSchema = WebhookEndpointInputSchema.extend({ isActive: z.boolean() }).strict();
export type WebhookEndpointUpdate = z.infer<typeof WebhookEndpointUpdateSchema>;
