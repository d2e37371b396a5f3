import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TopicForm } from "@/components/desk/topic-form";
import { requirePageRole } from "@/lib/auth/require-role";
import { saveTopicAction } from "../actions";

export const metadata: Metadata = { title: "New topic" };

export default async function NewTopicPage() {
  await requirePageRole("EDITOR", "/dashboard/topics/new");
  return (
    <>
      <PageHeader title="New topic" />
      <TopicForm action={saveTopicAction} canEdit />
    </>
  );
}
