import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizationForm } from "@/components/desk/organization-form";
import { requirePageRole } from "@/lib/auth/require-role";
import { saveOrganizationAction } from "../actions";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  await requirePageRole("EDITOR", "/dashboard/organizations/new");
  return (
    <>
      <PageHeader title="New organization" />
      <OrganizationForm action={saveOrganizationAction} canEdit />
    </>
  );
}
