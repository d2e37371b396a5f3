import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 with
 * the secret's bytes over "<webhook-id>.<webhook-timestamp>.<body>", base64, sent as
 * "v1,<signature>" in webhook-signature beside webhook-id and webhook-timestamp.
 */
const PREFIX = "whsec_";

/** A new secret: 32 random bytes, base64, with the conventional prefix. */
export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

export function signWebhook(options: { id: string; timestamp: number; body: string; secret: string }): string {
  const mac = createHmac("sha256", keyOf(options.secret)).update(`${options.id}.${options.timestamp}.${options.body}`).digest("base64");
  return `v1,${mac}`;
}

/** The headers of one delivery attempt. */
export function webhookHeaders(options: { id: string; body: string; secret: string; now?: Date }): Record<string, string> {
  const timestamp = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return {
    "content-type": "application/json",
    "user-agent": "Chancery-Webhooks/1",
    "webhook-id": options.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook({ id: options.id, timestamp, body: options.body, secret: options.secret }),
  };
}

/** Checks a signature header the way a receiver would (used by our tests of the published algorithm). */
export function verifyWebhookSignature(options: { id: string; timestamp: number; body: string; secret: string; header: string }): boolean {
  const expected = Buffer.from(signWebhook(options).slice(3));
  return options.header
    .split(" ")
    .filter((part) => part.startsWith("v1,"))
    .some((part) => {
      const given = Buffer.from(part.slice(3));
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
