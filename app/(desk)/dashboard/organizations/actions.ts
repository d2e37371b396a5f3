"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/require-role";
import { OrganizationInputSchema } from "@/lib/organizations/organization-input";
import { createOrganization, deleteOrganization, restoreOrganization, updateOrganization } from "@/lib/organizations/organization-record";
import { readEditTarget, readId, readVersion } from "@/lib/reference/action-input";
import { formDataToObject } from "@/lib/records/form-data";
import { failureOf, invalid, type SaveResult } from "@/lib/reference/results";

export async function saveOrganizationAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  let createdId: string | null = null;
  try {
    const user = await requireRole("EDITOR", "organization.save");
    const { id, baseVersion } = readEditTarget(formData);
    const parsed = OrganizationInputSchema.safeParse(formDataToObject(formData, ["id", "baseVersion"]));
    if (!parsed.success) return invalid(parsed.error);
    if (id) {
      const saved = await updateOrganization({ actor: user, id, baseVersion, input: parsed.data });
      return { ok: true, id: saved.id, slug: saved.slug, version: saved.version };
    }
    createdId = (await createOrganization({ actor: user, input: parsed.data })).id;
  } catch (error) {
    return failureOf(error);
  }
  redirect(`/dashboard/organizations/${createdId}?created=1`);
}

export async function deleteOrganizationAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  try {
    const user = await requireRole("EDITOR", "organization.delete");
    await deleteOrganization({ actor: user, id: readId(formData) });
  } catch (error) {
    return failureOf(error);
  }
  redirect("/dashboard/organizations?deleted=1");
}

export async function restoreOrganizationAction(formData: FormData): Promise<void> {
  let target = "/dashboard/organizations";
  try {
    const user = await requireRole("EDITOR", "organization.restore");
    const id = readId(formData);
    target = `/dashboard/organizations/${encodeURIComponent(id)}`;
    const saved = await restoreOrganization({ actor: user, id, revisionVersion: readVersion(formData, "version"), baseVersion: readVersion(formData, "baseVersion") });
    target = `${target}?restored=${saved.version}`;
  } catch (error) {
    const failure = failureOf(error);
    target = `${target}?historyError=${encodeURIComponent(failure.ok ? "" : failure.message)}`;
  }
  redirect(target);
}
