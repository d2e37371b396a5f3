"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/require-role";
import { AgreementInputSchema } from "@/lib/agreements/agreement-input";
import { createAgreement, deleteAgreement, restoreAgreement, updateAgreement } from "@/lib/agreements/agreement-record";
import { readEditTarget, readId, readVersion } from "@/lib/reference/action-input";
import { formDataToObject } from "@/lib/records/form-data";
import { failureOf, invalid, type SaveResult } from "@/lib/reference/results";

export async function saveAgreementAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  let createdId: string | null = null;
  try {
    const user = await requireRole("EDITOR", "agreement.save");
    const { id, baseVersion } = readEditTarget(formData);
    const parsed = AgreementInputSchema.safeParse(formDataToObject(formData, ["id", "baseVersion"]));
    if (!parsed.success) return invalid(parsed.error);
    if (id) {
      const saved = await updateAgreement({ actor: user, id, baseVersion, input: parsed.data });
      return { ok: true, id: saved.id, slug: saved.slug, version: saved.version };
    }
    createdId = (await createAgreement({ actor: user, input: parsed.data })).id;
  } catch (error) {
    return failureOf(error);
  }
  redirect(`/dashboard/agreements/${createdId}?created=1`);
}

export async function deleteAgreementAction(_previous: SaveResult | null, formData: FormData): Promise<SaveResult> {
  try {
    const user = await requireRole("EDITOR", "agreement.delete");
    await deleteAgreement({ actor: user, id: readId(formData) });
  } catch (error) {
    return failureOf(error);
  }
  redirect("/dashboard/agreements?deleted=1");
}

export async function restoreAgreementAction(formData: FormData): Promise<void> {
  let target = "/dashboard/agreements";
  try {
    const user = await requireRole("EDITOR", "agreement.restore");
    const id = readId(formData);
    target = `/dashboard/agreements/${encodeURIComponent(id)}`;
    const saved = await restoreAgreement({ actor: user, id, revisionVersion: readVersion(formData, "version"), baseVersion: readVersion(formData, "baseVersion") });
    target = `${target}?restored=${saved.version}`;
  } catch (error) {
    const failure = failureOf(error);
    target = `${target}?historyError=${encodeURIComponent(failure.ok ? "" : failure.message)}`;
  }
  redirect(target);
}
