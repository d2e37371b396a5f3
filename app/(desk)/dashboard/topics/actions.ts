"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/require-role";
import { TopicInputSchema } from "@/lib/topics/topic-input";
import { createTopic, deleteTopic, restoreTopic, updateTopic } from "@/lib/topics/topic-record";
import { readEditTarget, readId, readVersion } from "@/lib/reference/action-input";
import { formDataToObject } from "@/lib/records/form-data";
import { failureOf, invalid, type SaveResult } from "@/lib/reference/results";

export async function saveTopicAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  let createdId: string | null = null;
  try {
    const user = await requireRole("EDITOR", "topic.save");
    const { id, baseVersion } = readEditTarget(formData);
    const parsed = TopicInputSchema.safeParse(formDataToObject(formData, ["id", "baseVersion"]));
    if (!parsed.success) return invalid(parsed.error);
    if (id) {
      const saved = await updateTopic({ actor: user, id, baseVersion, input: parsed.data });
      return { ok: true, id: saved.id, slug: saved.slug, version: saved.version };
    }
    createdId = (await createTopic({ actor: user, input: parsed.data })).id;
  } catch (error) {
    return failureOf(error);
  }
  redirect(`/dashboard/topics/${createdId}?created=1`);
}

export async function deleteTopicAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  try {
    const user = await requireRole("EDITOR", "topic.delete");
    await deleteTopic({ actor: user, id: readId(formData) });
  } catch (error) {
    return failureOf(error);
  }
  redirect("/dashboard/topics?deleted=1");
}

export async function restoreTopicAction(formData: FormData): Promise<void> {
  let target = "/dashboard/topics";
  try {
    const user = await requireRole("EDITOR", "topic.restore");
    const id = readId(formData);
    target = `/dashboard/topics/${encodeURIComponent(id)}`;
    const saved = await restoreTopic({ actor: user, id, revisionVersion: readVersion(formData, "version"), baseVersion: readVersion(formData, "baseVersion") });
    target = `${target}?restored=${saved.version}`;
  } catch (error) {
    const failure = failureOf(error);
    target = `${target}?historyError=${encodeURIComponent(failure.ok ? "" : failure.message)}`;
  }
  redirect(target);
}
