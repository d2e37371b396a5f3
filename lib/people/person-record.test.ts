import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/users/actor";
import { isAppError } from "@/lib/errors/app-error";
import { conflictOf } from "@/lib/records/conflict";
import { formDataToObject } from "@/lib/records/form-data";
import { PersonInputSchema } from "./person-input";
import { createPerson, deletePerson, restorePerson, updatePerson } from "./person-record";

let actor: Actor;
beforeAll(async () => {
  actor = await db.user.create({ data: { email: "editor@people.test", name: "Editor", role: "EDITOR" } });
});

const input = (over: Record<string, unknown> = {}) => PersonInputSchema.parse({ name: "Marco Rubio", countryId: "us", offices: [{ title: "Secretary of State", countryId: "US", start: "2025-01-21" }], ...over });

describe("PersonInputSchema", () => {
  it("refuses empty names, bad Wikidata ids, impossible dates, an end before the start and unknown fields", () => {
    const result = PersonInputSchema.safeParse({
      name: " ",
      wikidataId: "232",
      offices: [
        { title: "A", start: "2021-02-29" },
        { title: "B", start: "2020-05", end: "2019" },
      ],
      speaker: "x",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "wikidataId", "offices.0.start", "offices.1.end"]));
    expect(result.error!.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
  });

  it("keeps the precision that was typed", () => {
    const parsed = input({ offices: [{ title: "Ambassador", start: "1992", end: "1996-05" }] });
    expect(parsed.offices[0]!.start).toEqual({ date: new Date("1992-01-01T00:00:00Z"), precision: "YEAR" });
    expect(parsed.offices[0]!.end!.precision).toBe("MONTH");
  });

  it("reads nested form fields", () => {
    const form = new FormData();
    form.set("name", "A");
    form.set("offices.0.title", "T");
    form.set("offices.2.title", "U");
    form.set("$ACTION_ID_abc", "");
    expect(formDataToObject(form)).toEqual({ name: "A", offices: [{ title: "T" }, { title: "U" }] });
  });
});

describe("people", () => {
  it("creates with a unique slug and a first revision and audit row", async () => {
    const a = await createPerson({ actor, input: input() });
    const b = await createPerson({ actor, input: input() });
    expect(a.slug).toBe("marco-rubio");
    expect(b.slug).toBe("marco-rubio-2");
    expect(await db.revision.count({ where: { kind: "PERSON", entityId: a.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "person.create", targetId: a.id } })).toBe(1);
  });

  it("refuses a stale save with what changed, and restores as a new revision", async () => {
    const p = await createPerson({ actor, input: input({ name: "Kassym-Jomart Tokayev", countryId: "KZ", offices: [] }) });
    await updatePerson({ actor, id: p.id, baseVersion: 1, input: input({ name: "Kassym-Jomart Tokayev", countryId: "KZ", description: "First", offices: [] }) });
    const stale = await updatePerson({ actor, id: p.id, baseVersion: 1, input: input({ name: "Tokayev", offices: [] }) }).catch((e: unknown) => e);
    expect(isAppError(stale) && stale.code).toBe("CONFLICT");
    expect(conflictOf(stale)?.theirChanges).toEqual([{ path: "description", before: "", after: "First" }]);
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).name).toBe("Kassym-Jomart Tokayev");

    const restored = await restorePerson({ actor, id: p.id, revisionVersion: 1, baseVersion: 2 });
    expect(restored.version).toBe(3);
    const row = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.description).toBeNull();
    expect(row.slug).toBe("kassym-jomart-tokayev");
    expect((await db.revision.findFirstOrThrow({ where: { entityId: p.id, version: 3 } })).note).toBe("Restored version 1");
  });

  it("refuses unknown references at the field", async () => {
    const error = await createPerson({ actor, input: input({ offices: [{ title: "X", organizationId: "nope" }] }) }).catch((e: unknown) => e);
    expect(isAppError(error) && error.fieldErrors["offices.0.organizationId"]).toBeTruthy();
  });

  it("deletes only a person nothing refers to", async () => {
    const p = await createPerson({ actor, input: input({ name: "Speaker Person" }) });
    await db.statement.create({ data: { slug: "s-1", title: "S", text: "T", medium: "SPEECH", speakerId: p.id } });
    const refused = await deletePerson({ actor, id: p.id }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.message).toMatch(/1 statement/);
    await db.statement.deleteMany({ where: { speakerId: p.id } });
    await deletePerson({ actor, id: p.id });
    expect(await db.person.findUnique({ where: { id: p.id } })).toBeNull();
  });
});

describe("records from the seed", () => {
  it("keep their state as found in a revision on the first desk edit", async () => {
    const seeded = await db.person.create({ data: { slug: "seeded-person", name: "Seeded Person", countryId: "KZ" } });
    await updatePerson({ actor, id: seeded.id, baseVersion: 1, input: input({ name: "Seeded Person", countryId: "KZ", description: "Edited", offices: [] }) });
    const versions = await db.revision.findMany({ where: { kind: "PERSON", entityId: seeded.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect((versions[0]!.data as { description: string }).description).toBe("");
    await restorePerson({ actor, id: seeded.id, revisionVersion: 1, baseVersion: 2 });
    expect((await db.person.findUniqueOrThrow({ where: { id: seeded.id } })).description).toBeNull();
  });
});
