import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/users/actor";
import { isAppError } from "@/lib/errors/app-error";
import { AgreementInputSchema } from "./agreement-input";
import { createAgreement, deleteAgreement, updateAgreement } from "./agreement-record";

let actor: Actor;
beforeAll(async () => {
  actor = await db.user.create({ data: { email: "editor@agreements.test", name: "Editor", role: "EDITOR" } });
});

const input = (over: Record<string, unknown> = {}) =>
  AgreementInputSchema.parse({
    name: "Abraham Accords Declaration",
    kind: "DECLARATION",
    concluded: "2020-09-15",
    sources: [{ url: "https://www.state.gov/the-abraham-accords/", title: "State Department: The Abraham Accords" }],
    actions: [{ countryId: "AE", type: "SIGNATURE", date: "2020-09-15", sources: [{ url: "https://www.jns.org/", title: "JNS" }] }],
    ...over,
  });

describe("AgreementInputSchema", () => {
  it("refuses javascript: and data: source URLs, unknown action types and unknown fields", () => {
    const result = AgreementInputSchema.safeParse({
      name: "X",
      kind: "TREATY",
      sources: [{ url: "javascript:alert(1)", title: "x" }],
      actions: [{ countryId: "KZ", type: "ANNEXATION", sources: [{ url: "data:text/html,hi", title: "y" }] }],
      body: "nope",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["sources.0.url", "actions.0.type", "actions.0.sources.0.url"]));
    expect(result.error!.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
  });
});

describe("agreements", () => {
  it("saves treaty actions with their sources and keeps them in the revision", async () => {
    const a = await createAgreement({ actor, input: input() });
    const row = await db.agreement.findUniqueOrThrow({ where: { id: a.id }, include: { actions: { include: { sources: true } }, sources: true } });
    expect(row.actions).toHaveLength(1);
    expect(row.actions[0]!.sources[0]!.url).toBe("https://www.jns.org/");
    const revision = await db.revision.findFirstOrThrow({ where: { kind: "AGREEMENT", entityId: a.id } });
    expect((revision.data as { actions: Array<{ date: string }> }).actions[0]!.date).toBe("2020-09-15");
  });

  it("refuses a parent chain that loops back", async () => {
    const parent = await createAgreement({ actor, input: input({ name: "Parent accord", actions: [] }) });
    const child = await createAgreement({ actor, input: input({ name: "Child accord", parentId: parent.id, actions: [] }) });
    const loop = await updateAgreement({ actor, id: parent.id, baseVersion: 1, input: input({ name: "Parent accord", parentId: child.id, actions: [] }) }).catch((e: unknown) => e);
    expect(isAppError(loop) && loop.fieldErrors.parentId).toBeTruthy();
    const self = await updateAgreement({ actor, id: parent.id, baseVersion: 1, input: input({ name: "Parent accord", parentId: parent.id, actions: [] }) }).catch((e: unknown) => e);
    expect(isAppError(self) && self.fieldErrors.parentId).toBeTruthy();

    const refused = await deleteAgreement({ actor, id: parent.id }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.message).toMatch(/has it as parent/);
  });

  it("refuses a stale save", async () => {
    const a = await createAgreement({ actor, input: input({ name: "Stale accord" }) });
    await updateAgreement({ actor, id: a.id, baseVersion: 1, input: input({ name: "Stale accord", summary: "One" }) });
    const stale = await updateAgreement({ actor, id: a.id, baseVersion: 1, input: input({ name: "Stale accord", summary: "Two" }) }).catch((e: unknown) => e);
    expect(isAppError(stale) && stale.code).toBe("CONFLICT");
    expect((await db.agreement.findUniqueOrThrow({ where: { id: a.id } })).summary).toBe("One");
  });
});
