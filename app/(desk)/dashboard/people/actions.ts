"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/require-role";
import { PersonInputSchema } from "@/lib/people/person-input";
import { createPerson, deletePerson, restorePerson, updatePerson } from "@/lib/people/person-record";
import { readEditTarget, readId, readVersion } from "@/lib/reference/action-input";
import { formDataToObject } from "@/lib/records/form-data";
import { failureOf, invalid, type SaveResult } from "@/lib/reference/results";

export async function savePersonAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  let createdId: string | null = null;
  try {
    const user = await requireRole("EDITOR", "person.save");
    const { id, baseVersion } = readEditTarget(formData);
    const parsed = PersonInputSchema.safeParse(formDataToObject(formData, ["id", "baseVersion"]));
    if (!parsed.success) return invalid(parsed.error);
    if (id) {
      const saved = await updatePerson({ actor: user, id, baseVersion, input: parsed.data });
      return { ok: true, id: saved.id, slug: saved.slug, version: saved.version };
    }
    createdId = (await createPerson({ actor: user, input: parsed.data })).id;
  } catch (error) {
    return failureOf(error);
  }
  redirect(`/dashboard/people/${createdId}?created=1`);
}

export async function deletePersonAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  try {
    const user = await requireRole("EDITOR", "person.delete");
    await deletePerson({ actor: user, id: readId(formData) });
  } catch (error) {
    return failureOf(error);
  }
  redirect("/dashboard/people?deleted=1");
}

export async function restorePersonAction(formData: FormData): Promise<void> {
  let target = "/dashboard/people";
  try {
    const user = await requireRole("EDITOR", "person.restore");
    const id = readId(formData);
    target = `/dashboard/people/${encodeURIComponent(id)}`;
    const saved = await restorePerson({ actor: user, id, revisionVersion: readVersion(formData, "version"), baseVersion: readVersion(formData, "baseVersion") });
    target = `${target}?restored=${saved.version}`;
  } catch (error) {
    const failure = failureOf(error);
    target = `${target}?historyError=${encodeURIComponent(failure.ok ? "" : failure.message)}`;
  }
  redirect(target);
}
