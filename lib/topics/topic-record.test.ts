import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/users/actor";
import { isAppError } from "@/lib/errors/app-error";
import { TopicInputSchema } from "./topic-input";
import { createTopic, deleteTopic, updateTopic } from "./topic-record";

let actor: Actor;
beforeAll(async () => {
  actor = await db.user.create({ data: { email: "editor@topics.test", name: "Editor", role: "EDITOR" } });
});

describe("topics", () => {
  it("refuses an empty name, unknown fields and a duplicate name", async () => {
    expect(TopicInputSchema.safeParse({ name: "" }).success).toBe(false);
    expect(TopicInputSchema.safeParse({ name: "Water", slug: "x" }).success).toBe(false);
    await createTopic({ actor, input: { name: "Water security" } });
    const dup = await createTopic({ actor, input: { name: "water SECURITY" } }).catch((e: unknown) => e);
    expect(isAppError(dup) && dup.fieldErrors.name).toEqual(["There is already a topic “Water security”."]);
  });

  it("takes a name with other accents for the same topic, and lets a topic keep its own name", async () => {
    const topic = await createTopic({ actor, input: { name: "Sécurité alimentaire" } });
    const before = await db.topic.count();
    for (const name of ["Securite alimentaire", "SÉCURITÉ ALIMENTAIRE"]) {
      const dup = await createTopic({ actor, input: { name } }).catch((e: unknown) => e);
      expect(isAppError(dup) && dup.fieldErrors.name, name).toEqual(["There is already a topic “Sécurité alimentaire”."]);
    }
    expect(await db.topic.count()).toBe(before);
    // Saved again under its own name, or renamed to another spelling of it, it is no duplicate of itself.
    await updateTopic({ actor, id: topic.id, baseVersion: 1, input: { name: "Securite alimentaire", description: "Food security." } });
    expect((await db.topic.findUniqueOrThrow({ where: { id: topic.id } })).name).toBe("Securite alimentaire");
    await createTopic({ actor, input: { name: "Sécurité énergétique" } });
  });

  it("keeps its slug when renamed, and refuses deletion while in use", async () => {
    const t = await createTopic({ actor, input: { name: "Food technology & agriculture" } });
    expect(t.slug).toBe("food-technology-and-agriculture");
    await updateTopic({ actor, id: t.id, baseVersion: 1, input: { name: "Agritech" } });
    expect((await db.topic.findUniqueOrThrow({ where: { id: t.id } })).slug).toBe(t.slug);
    const event = await db.event.create({ data: { slug: "e-topic", title: "E", summary: "S", type: "MEETING", topics: { create: [{ topicId: t.id }] } } });
    const refused = await deleteTopic({ actor, id: t.id }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.message).toMatch(/1 event/);
    await db.event.delete({ where: { id: event.id } });
    await deleteTopic({ actor, id: t.id });
  });
});
