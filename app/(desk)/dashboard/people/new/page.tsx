import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { PersonForm } from "@/components/desk/person-form";
import { requirePageRole } from "@/lib/auth/require-role";
import { savePersonAction } from "../actions";

export const metadata: Metadata = { title: "New person" };

export default async function NewPersonPage() {
  await requirePageRole("EDITOR", "/dashboard/people/new");
  return (
    <>
      <PageHeader title="New person" />
      <PersonForm action={savePersonAction} canEdit />
    </>
  );
}
