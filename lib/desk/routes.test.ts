import { beforeAll, describe, expect, it } from "vitest";
import { personWrites } from "@/lib/people/person-record";
import { createTestActor } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { mergeRecord, runAction, runBulk, saveRecord } from "./routes";

let editor: Actor;
beforeAll(async () => {
  editor = await createTestActor("EDITOR", { prefix: "routes" });
});

const send = (body: unknown) =>
  new Request("http://desk.test/api/desk/people", { method: "POST", body: JSON.stringify(body), headers: { host: "desk.test", "content-type": "application/json" } });

const tag = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe("the desk routes' versions", () => {
  // A version is a PostgreSQL integer: 2^31 used to reach the query and fail there (a 500).
  const TOO_BIG = 2 ** 31;

  it("refuse a version no record can have, naming the field, before anything is read", async () => {
    const person = await personWrites.create({ actor: editor, input: { name: `Versioned ${tag()}` } });
    const refused = { code: "INVALID", message: "The request is not one the desk sends." };
    await expect(saveRecord("people", editor, person.id, send({ baseVersion: TOO_BIG, input: { name: "x" } }))).rejects.toMatchObject({ ...refused, fieldErrors: { baseVersion: [expect.any(String)] } });
    await expect(runAction("people", editor, person.id, send({ action: "restore", baseVersion: 1, revisionVersion: TOO_BIG }))).rejects.toMatchObject({ ...refused, fieldErrors: { revisionVersion: [expect.any(String)] } });
    await expect(runAction("events", editor, person.id, send({ action: "publish", baseVersion: TOO_BIG }))).rejects.toMatchObject({ ...refused, fieldErrors: { baseVersion: [expect.any(String)] } });
    await expect(mergeRecord("people", editor, person.id, send({ baseVersion: TOO_BIG, into: person.id }))).rejects.toMatchObject({ ...refused, fieldErrors: { baseVersion: [expect.any(String)] } });
    await expect(runBulk("events", editor, send({ action: "publish", items: [{ id: person.id, version: TOO_BIG }] }))).rejects.toMatchObject({ code: "INVALID", fieldErrors: { "items.0.version": [expect.any(String)] } });
  });

  it("take the largest version there can be, and answer it as a stale one", async () => {
    const person = await personWrites.create({ actor: editor, input: { name: `Versioned ${tag()}` } });
    await expect(saveRecord("people", editor, person.id, send({ baseVersion: TOO_BIG - 1, input: { name: "x" } }))).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
