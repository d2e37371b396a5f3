import { z } from "zod";
import { wholeNumber } from "@/lib/records/fields";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a URL like postgresql://user:password@host:5432/database");

/** A whole number in plain digits ("0x10" and "1e3" are not one), spaces around it allowed. */
const count = (min: number, max: number, message = `must be between ${min} and ${max}`, typeMessage = "must be a whole number") =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), wholeNumber({ min, max, message, typeMessage }));

const port = count(1, 65535);

const seconds = (min: number, max: number) => count(min, max, `must be between ${min} and ${max} seconds`, "must be a whole number of seconds");

/**
 * Every variable Chancery reads, with its default. `.env.example` lists them all;
 * lib/env/schema.test.ts keeps the two in step.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: the launcher starts an embedded PostgreSQL and fills this in for the app. */
  DATABASE_URL: postgresUrl.optional(),
  /**
   * Optional, with DATABASE_URL: the role that owns the schema, for migrations. The
   * app then runs as DATABASE_URL's role with only the grants it needs (docs/security.md).
   */
  DATABASE_OWNER_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  HOSTNAME: z.string().trim().min(1).default("0.0.0.0"),
  /** Where the embedded database and generated secrets live. */
  CHANCERY_DATA_DIR: z.string().trim().min(1).default(".data"),
  EMBEDDED_PG_PORT: port.default(54329),
  /** Public origin, used for sign-in callbacks, feeds, sitemaps and canonical URLs. */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /** Signs session tokens. Unset: the launcher generates one and keeps it in the data dir. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).default("admin@chancery.local"),
  /** Unset: a password is generated and printed once when the first admin is created. */
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  SEED_DEMO: booleanish.default(true),
  /** `npm run audit:archive` moves audit rows older than this many days out of AuditLog (at least 90). */
  AUDIT_RETENTION_DAYS: count(90, 36_500, "must be between 90 and 36500 days").default(365),
  /** Who must sign in with a second factor (TOTP): NONE, ADMIN, EDITOR (editors and admins) or ALL staff. */
  REQUIRE_2FA_FOR: z.enum(["NONE", "ADMIN", "EDITOR", "ALL"], { error: "must be NONE, ADMIN, EDITOR or ALL" }).default("NONE"),
  /** Seconds before a failed webhook delivery's first retry; later ones double (about a day in all at 30). */
  WEBHOOK_RETRY_DELAY_SECONDS: count(1, 3600).default(30),
  /** Trust X-Forwarded-For for the client address (only behind your own proxy). */
  TRUST_PROXY: booleanish.default(false),
  /** smtp://user:pass@host:587 to e-mail invitations; unset, links are shown to the admin. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().default("Chancery <no-reply@chancery.local>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** json (one object a line) or pretty (for people). Unset: pretty on a terminal, json otherwise. */
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  /** Web processes of `npm start`. Unset: one per core. */
  WEB_CONCURRENCY: count(1, 64).optional(),
  /** A request's headers and body must arrive within this; idle sockets close after it too. */
  REQUEST_TIMEOUT_SECONDS: seconds(1, 30).default(30),
  /**
   * Requests one web process works on at once; more are answered 503 with Retry-After
   * at once (lib/server/http-server.ts). A request counts until its handler is done,
   * even when its client has gone.
   */
  MAX_CONCURRENT_REQUESTS: count(1, 10_000).default(100),
  /** On SIGTERM/SIGINT, in-flight requests get this long to finish before their sockets are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: seconds(1, 120).default(15),
  /** Bearer token for GET /metrics (Prometheus). Unset: /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; the error names the first wrong variable in one line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" so that a blank line in .env falls back to the default.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const got = cleaned[name];
  const shown = got === undefined || /SECRET|PASSWORD|TOKEN|URL/.test(name) ? "" : ` (got "${got}")`;
  throw new EnvError(`Invalid environment variable ${name}: ${issue?.message ?? "is invalid"}${shown}`);
}
