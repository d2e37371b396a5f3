import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema, parseEnv } from "./schema";

describe("parseEnv", () => {
  it("fills in working defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe(true);
    expect(env.ADMIN_EMAIL).toBe("admin@chancery.local");
  });

  it.each([
    [{ PORT: "abc" }, /^Invalid environment variable PORT: must be a whole number \(got "abc"\)$/],
    // Number() reads these as 16, 1000 and 8080: a port is written in plain digits.
    [{ PORT: "0x10" }, /^Invalid environment variable PORT: must be a whole number \(got "0x10"\)$/],
    [{ AUDIT_RETENTION_DAYS: "1e3" }, /^Invalid environment variable AUDIT_RETENTION_DAYS: must be a whole number \(got "1e3"\)$/],
    [{ EMBEDDED_PG_PORT: "8080.0" }, /^Invalid environment variable EMBEDDED_PG_PORT: must be a whole number/],
    [{ PORT: "70000" }, /^Invalid environment variable PORT: must be between 1 and 65535/],
    [{ DATABASE_URL: "mysql://x@y/z" }, /^Invalid environment variable DATABASE_URL: must be a URL like postgresql:/],
    [{ DATABASE_URL: "not a url" }, /^Invalid environment variable DATABASE_URL:/],
    [{ NEXTAUTH_SECRET: "short" }, /^Invalid environment variable NEXTAUTH_SECRET: must be at least 32 characters$/],
    [{ SEED_DEMO: "maybe" }, /^Invalid environment variable SEED_DEMO:/],
  ])("names the wrong variable in one line: %o", (source, message) => {
    let thrown: unknown;
    try {
      parseEnv(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("never echoes a secret or a connection string", () => {
    expect(() => parseEnv({ DATABASE_URL: "http://user:hunter2@host/db" })).toThrow(/^(?!.*hunter2)/);
  });

  it("cuts slow requests at 30 s by default, and never allows more", () => {
    expect(parseEnv({}).REQUEST_TIMEOUT_SECONDS).toBe(30);
    expect(parseEnv({ REQUEST_TIMEOUT_SECONDS: "5" }).REQUEST_TIMEOUT_SECONDS).toBe(5);
    expect(parseEnv({ REQUEST_TIMEOUT_SECONDS: " 5 " }).REQUEST_TIMEOUT_SECONDS).toBe(5);
    expect(() => parseEnv({ REQUEST_TIMEOUT_SECONDS: "31" })).toThrow(/^Invalid environment variable REQUEST_TIMEOUT_SECONDS: must be between 1 and 30 seconds/);
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/^Invalid environment variable METRICS_TOKEN: must be at least 16 characters$/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });
});

describe(".env.example", () => {
  it("lists every variable the schema reads, each with a value that parses", () => {
    const text = readFileSync(".env.example", "utf8");
    const entries = Object.fromEntries(
      text
        .split("\n")
        .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(Object.keys(entries).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
    expect(() => parseEnv(entries)).not.toThrow();
  });
});
