import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RECORD_LISTS } from "@/components/desk/record-lists";
import { requirePageRole } from "@/lib/auth/require-role";
import { parseDeskListQuery } from "@/lib/desk/list-query";

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const listOf = (kind: string) => (Object.hasOwn(RECORD_LISTS, kind) ? RECORD_LISTS[kind] : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: listOf((await params).kind)?.title ?? "Not found" };
}

/** The one list page of every kind of desk record. */
export default async function RecordListPage({ params, searchParams }: Props) {
  const { kind } = await params;
  const user = await requirePageRole("CONTRIBUTOR", `/dashboard/${kind}`);
  const list = listOf(kind);
  if (!list) notFound();
  const query = await searchParams;
  const done = Array.isArray(query.done) ? query.done[0] : query.done;
  return list.render(parseDeskListQuery(query, { kinds: list.kinds }), { role: user.role, userId: user.id, done });
}
