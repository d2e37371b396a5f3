import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { testStatementInput } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import {
  createStatement,
  publishStatement,
  publishStatementChanges,
  submitStatementForReview,
  statementWorkflow,
  updateStatement,
} from "./write-statement";

const input = (overrides: Record<string, unknown> = {}) =>
  testStatementInput({ sources: [{ url: "https://www.reuters.com/world/asia-pacific/kazakhstan", title: "Kazakhstan statement", publisher: "Reuters" }], ...overrides });

let contributor: Actor, editor: Actor;
beforeAll(async () => {
  const make = async (role: "CONTRIBUTOR" | "EDITOR") => {
    const u = await db.user.create({ data: { email: `${role.toLowerCase()}@statements.test`, name: role, role } });
    return { id: u.id, email: u.email, role: u.role };
  };
  [contributor, editor] = await Promise.all([make("CONTRIBUTOR"), make("EDITOR")]);
});

describe("statement workflow", () => {
  it("needs a speaker or a label, and a translation with its translator for other languages", async () => {
    await expect(createStatement({ actor: contributor, input: input({ speakerLabel: "" }) })).rejects.toMatchObject({
      fieldErrors: { speakerId: expect.any(Array) },
    });
    await expect(createStatement({ actor: contributor, input: input({ language: "kk", translation: "A translation" }) })).rejects.toMatchObject({
      fieldErrors: { translatedBy: ["Say who translated it."] },
    });
    await expect(createStatement({ actor: contributor, input: input({ language: "not a tag" }) })).rejects.toMatchObject({ fieldErrors: { language: expect.any(Array) } });
    await expect(createStatement({ actor: contributor, input: input({ countryIds: ["XX"] }) })).rejects.toMatchObject({ fieldErrors: { countryIds: expect.any(Array) } });
    const ok = await createStatement({ actor: contributor, input: input({ language: "kk", translation: "A translation", translatedBy: "Chancery" }) });
    expect(ok.status).toBe("DRAFT");
  });

  it("copies a statement into a new draft with the same words, speaker and sources", async () => {
    const original = await createStatement({ actor: editor, input: input({ title: "Ministry statement on the Accords", language: "kk", translation: "A translation", translatedBy: "Chancery" }) });
    const copy = await statementWorkflow.copy({ actor: contributor, id: original.id });
    expect(copy).toMatchObject({ slug: "ministry-statement-on-the-accords-copy", status: "DRAFT", version: 1 });
    const [a, b] = await Promise.all([original.id, copy.id].map((id) => db.statement.findUniqueOrThrow({ where: { id }, include: { sources: true } })));
    expect(b).toMatchObject({ title: "Ministry statement on the Accords (copy)", text: a!.text, language: "kk", translation: "A translation", speakerId: a!.speakerId, speakerLabel: a!.speakerLabel, createdById: contributor.id });
    expect(b!.sources.map((s) => s.url)).toEqual(a!.sources.map((s) => s.url));
  });

  it("goes from draft to review to published, stages later edits and records a correction", async () => {
    const created = await createStatement({ actor: contributor, input: input({ title: "Ministry statement" }) });
    await submitStatementForReview({ actor: contributor, id: created.id, baseVersion: 1 });
    await expect(publishStatement({ actor: contributor, id: created.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const published = await publishStatement({ actor: editor, id: created.id, baseVersion: 2 });
    expect(published.publicChange).toMatchObject({ statements: ["ministry-statement"], countries: ["KZ"] });
    const staged = await updateStatement({ actor: editor, id: created.id, baseVersion: 3, input: input({ title: "Ministry statement", text: "Corrected text" }) });
    expect((await db.statement.findUniqueOrThrow({ where: { id: created.id } })).text).toBe("a natural and logical continuation of its foreign policy");
    await publishStatementChanges({ actor: editor, id: created.id, baseVersion: staged.version, isMaterial: true, correctionNote: "The quote was cut short." });
    const row = await db.statement.findUniqueOrThrow({ where: { id: created.id }, include: { corrections: true, countries: true } });
    expect(row).toMatchObject({ text: "Corrected text", stagedData: null, slug: "ministry-statement" });
    expect(row.corrections.map((c) => c.note)).toEqual(["The quote was cut short."]);
    expect(row.countries.map((c) => c.countryId)).toEqual(["KZ"]);
  });
});
