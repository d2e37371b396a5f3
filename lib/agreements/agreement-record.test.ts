import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/users/actor";
import { isAppError } from "@/lib/errors/app-error";
import { AgreementInputSchema } from "./agreement-input";
import { createAgreement, deleteAgreement, snapshotAgreement, updateAgreement } from "./agreement-record";

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

  it("keeps a party that joined through a related instrument, with what is unconfirmed, and refuses an instrument that is missing, unknown or misplaced", async () => {
    const declaration = await createAgreement({ actor, input: input({ name: "US–Israel–Morocco Joint Declaration", kind: "JOINT_DECLARATION", concluded: "2020-12-22", actions: [] }) });
    const morocco = {
      countryId: "MA",
      type: "JOINED_THROUGH_RELATED_INSTRUMENT",
      date: "2020-12-22",
      viaAgreementId: declaration.id,
      unconfirmedNote: "Whether Morocco signed the Abraham Accords Declaration text itself is not confirmed by the sources.",
      sources: [{ url: "https://www.omanobserver.om/", title: "Oman Observer (AFP), home page: article link not known" }],
    };
    const accords = await createAgreement({ actor, input: input({ name: "Accords joined through another instrument", actions: [morocco] }) });
    const [action] = await db.treatyAction.findMany({ where: { agreementId: accords.id } });
    expect(action).toMatchObject({ type: "JOINED_THROUGH_RELATED_INSTRUMENT", viaAgreementId: declaration.id, unconfirmedNote: morocco.unconfirmedNote });

    // The form's values round-trip: saving what the desk shows keeps the instrument and the note.
    const values = await db.$transaction((tx) => snapshotAgreement(tx, accords.id));
    expect(values.actions[0]).toMatchObject({ viaAgreementId: declaration.id, unconfirmedNote: morocco.unconfirmedNote });
    await updateAgreement({ actor, id: accords.id, baseVersion: 1, input: { ...values, summary: "Edited at the desk." } });
    expect(await db.treatyAction.findFirstOrThrow({ where: { agreementId: accords.id } })).toMatchObject({ viaAgreementId: declaration.id, unconfirmedNote: morocco.unconfirmedNote });

    const refusal = async (over: Record<string, unknown>, id: string | null = null) => {
      const raw = { name: "Refused accord", kind: "DECLARATION", actions: [{ ...morocco, ...over }] };
      const error = await (id ? updateAgreement({ actor, id, baseVersion: 2, input: raw }) : createAgreement({ actor, input: raw })).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("INVALID");
      return isAppError(error) ? error.fieldErrors["actions.0.viaAgreementId"] : undefined;
    };
    expect(await refusal({ viaAgreementId: "" })).toEqual(["Choose the instrument through which the party joined."]);
    expect(await refusal({ type: "SIGNATURE" })).toEqual([expect.stringContaining("Only a party that joined through a related instrument")]);
    expect(await refusal({ viaAgreementId: "no-such-agreement" })).toEqual(["Choose an agreement from the list."]);
    expect(await refusal({ viaAgreementId: accords.id }, accords.id)).toEqual([expect.stringContaining("not through this agreement itself")]);
    expect(await db.agreement.count({ where: { name: "Refused accord" } })).toBe(0);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: accords.id } })).version).toBe(2);
  });
});
