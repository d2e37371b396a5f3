import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { AgreementForm } from "@/components/desk/agreement-form";
import { requirePageRole } from "@/lib/auth/require-role";
import { saveAgreementAction } from "../actions";

export const metadata: Metadata = { title: "New agreement" };

export default async function NewAgreementPage() {
  await requirePageRole("EDITOR", "/dashboard/agreements/new");
  return (
    <>
      <PageHeader title="New agreement" />
      <AgreementForm action={saveAgreementAction} canEdit />
    </>
  );
}
