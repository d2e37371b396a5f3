import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/lib/users/testing";
import { archiveAuditLog } from "./archive-audit";
import { AuditFilterSchema, listAuditEntries } from "./list-audit-entries";
import { ANONYMOUS_DENIAL_LIMIT, recordDenied } from "./record-denied";
import { writeAudit } from "./write-audit";

async function sql(query: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(query, params);
  } finally {
    await client.end();
  }
}

describe("the audit log", () => {
  it("records what a content save changed, from the revisions written with it", async () => {
    const user = await createTestUser();
    const id = `audit-${Date.now()}`;
    await db.$transaction(async (tx) => {
      await tx.revision.create({ data: { kind: "PERSON", entityId: id, version: 1, data: { name: "Ada", country: "GB", notes: "x" } } });
      await writeAudit(tx, { action: "person.create", actorId: user.id, targetType: "Person", targetId: id, summary: { version: 1 } });
      await tx.revision.create({ data: { kind: "PERSON", entityId: id, version: 2, data: { name: "Ada Lovelace", country: "GB", notes: "x" } } });
      await writeAudit(tx, { action: "person.update", actorId: user.id, targetType: "Person", targetId: id, summary: { version: 2, note: null } });
    });
    const update = await db.auditLog.findFirstOrThrow({ where: { action: "person.update", targetId: id } });
    expect(update.summary).toEqual({ version: 2, note: null, changed: [{ field: "name", before: "Ada", after: "Ada Lovelace" }] });
    // Outside a request (a test, a script) there is no address to record.
    expect(update.ip).toBeNull();
  });

  it("aggregates an anonymous client's denials: 200 requests write a handful of rows, then it gets refused", async () => {
    const before = await db.auditLog.count();
    const ip = "198.51.100.7";
    for (let i = 0; i < 200; i++) {
      const { isRateLimited } = await recordDenied({ actor: null, required: "EDITOR", what: `api.desk.events.${i % 3}`, ip, userAgent: "scanner" });
      expect(isRateLimited).toBe(false);
    }
    const rows = await db.auditLog.findMany({ where: { id: { gt: BigInt(0) }, ip }, orderBy: { id: "asc" } });
    expect(await db.auditLog.count()).toBe(before + rows.length);
    expect(rows.map((r) => r.action)).toEqual(["access.denied", "access.denied", "access.denied", "access.denied_repeated", "access.denied_repeated"]);
    expect(rows.at(-1)!.summary).toMatchObject({ denials: 100 });
    // A signed-in user's denial is always its own row.
    const staff = await createTestUser({ role: "CONTRIBUTOR" });
    for (let i = 0; i < 3; i++) await recordDenied({ actor: staff, required: "ADMIN", what: "api.admin.users.role", ip, userAgent: "x" });
    expect(await db.auditLog.count({ where: { actorId: staff.id, action: "access.denied" } })).toBe(3);
    // Past the limit, the address is refused outright (429) until the window ends.
    await db.signInThrottle.update({ where: { key: `denied:${ip}` }, data: { failures: ANONYMOUS_DENIAL_LIMIT - 1 } });
    expect((await recordDenied({ actor: null, required: "EDITOR", what: "api.desk.events.0", ip, userAgent: "scanner" })).isRateLimited).toBe(true);
    expect(await db.auditLog.count({ where: { action: "access.rate_limited", targetId: ip } })).toBe(1);
  });

  it("archives old rows (as the owner), keeps recent ones append-only, and nothing else can delete", async () => {
    const old = await db.auditLog.create({ data: { action: "test.old", at: new Date(Date.now() - 400 * 86_400_000) } });
    const recent = await db.auditLog.create({ data: { action: "test.recent", at: new Date(Date.now() - 30 * 86_400_000) } });
    // Without the archive's flag, even an old row cannot be deleted; with it, not before it is copied.
    await expect(sql(`DELETE FROM "AuditLog" WHERE id = $1`, [old.id])).rejects.toThrow(/append-only/);
    await expect(sql(`BEGIN; SET LOCAL chancery.audit_archive = 'on'; DELETE FROM "AuditLog" WHERE id = ${old.id}; COMMIT;`)).rejects.toThrow(/append-only/);
    await expect(archiveAuditLog({ ownerUrl: process.env.DATABASE_URL!, olderThanDays: 30 })).rejects.toThrow(/at least 90 days/);

    const { moved } = await archiveAuditLog({ ownerUrl: process.env.DATABASE_URL!, olderThanDays: 365 });
    expect(moved).toBe(1);
    expect(await db.auditLog.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.auditLogArchive.findUnique({ where: { id: old.id } })).toMatchObject({ action: "test.old" });
    expect(await db.auditLog.findUnique({ where: { id: recent.id } })).not.toBeNull();
    // A recent row cannot leave even with the flag and a copy in the archive.
    await sql(`INSERT INTO "AuditLogArchive" (id, at, action) VALUES ($1, now(), 'forged copy')`, [recent.id]);
    await expect(sql(`BEGIN; SET LOCAL chancery.audit_archive = 'on'; DELETE FROM "AuditLog" WHERE id = ${recent.id}; COMMIT;`)).rejects.toThrow(/append-only/);
    await expect(sql(`UPDATE "AuditLogArchive" SET action = 'x' WHERE id = $1`, [old.id])).rejects.toThrow(/append-only/);
  });

  it("filters by actor, action and target, and refuses text PostgreSQL cannot hold as a field error", async () => {
    const user = await createTestUser();
    const id = `audit-filter-${Date.now()}`;
    await db.$transaction((tx) => writeAudit(tx, { action: "person.update", actorId: user.id, actorEmail: user.email, targetType: "Person", targetId: id, summary: { version: 2 } }));
    const parsed = AuditFilterSchema.parse({ actor: ` ${user.email.toUpperCase()} `, action: "person.", target: id, from: "", to: "" });
    const { entries } = await listAuditEntries(parsed);
    expect(entries.map((entry) => entry.targetId)).toEqual([id]);
    // Each free-text filter: a NUL or half a surrogate pair says so, and no query runs with it.
    for (const field of ["actor", "action", "target"])
      for (const bad of ["adm\u0000in", "adm\ud800in"]) {
        const result = AuditFilterSchema.safeParse({ [field]: bad });
        expect(result.error?.issues.map((issue) => [issue.path[0], issue.message.startsWith("This contains")]), `${field} ${JSON.stringify(bad)}`).toEqual([[field, true]]);
      }
    expect(AuditFilterSchema.safeParse({ actor: "x".repeat(201) }).error?.issues[0]?.message).toBe("At most 200 characters.");
  });

  it("refuses a cursor past PostgreSQL's bigint and a day that is not one, naming the parameter, instead of a failed query or a different day", async () => {
    const messages = (query: Record<string, string>) => AuditFilterSchema.safeParse(query).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    // 19 digits, but past 2^63 - 1: the query failed (a 500 on /admin/audit and /api/admin/audit).
    for (const before of ["9223372036854775808", "9999999999999999999", "x".repeat(5000), "\u0000", "2024-02-30", "-1", ""])
      expect(messages({ before }), before.slice(0, 20)).toEqual(["before: Use the link to the next page."]);
    expect(AuditFilterSchema.parse({ before: "9223372036854775807" }).before).toBe("9223372036854775807");
    await expect(listAuditEntries(AuditFilterSchema.parse({ before: "9223372036854775807" }))).resolves.toMatchObject({ nextBefore: null });
    // Year 0000 reached PostgreSQL, which refused it (a 500); 30 February was read as 1 March.
    for (const field of ["from", "to"]) {
      expect(messages({ [field]: "0000-01-01" })?.join(" "), field).toContain("Use a year between");
      expect(messages({ [field]: "2024-02-30" })?.join(" "), field).toContain("Use a real date.");
      expect(messages({ [field]: "2024-02-29" }), field).toBeUndefined();
    }
  });
});
