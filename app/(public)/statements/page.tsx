import { FollowFeeds } from "@/components/public/follow-feeds";
import { StatementListItem } from "@/components/public/statement-list-item";
import { feedAlternates } from "@/lib/feeds/follow";
import { parseStatementListQuery } from "@/lib/api/list-query";
import { tags } from "@/lib/cache/tags";
import { listPublishedStatements } from "@/lib/statements/public-list";
import { FilteredList, filteredListMetadata, readFilteredList, type SearchParams } from "../filtered-list";

export const generateMetadata = filteredListMetadata(
  "statements",
  { title: "Statements", description: "What was said, by whom, in which capacity and where — verbatim, with sources.", alternates: { canonical: "/statements", types: feedAlternates([{ list: "statements", title: "Chancery: statements" }]) } },
  parseStatementListQuery,
);

export default async function StatementsPage({ searchParams }: { searchParams: SearchParams }) {
  const list = await readFilteredList({ searchParams, kind: "statements", path: "/statements", tags: [tags.statementLists], parse: parseStatementListQuery, list: listPublishedStatements });
  const { raw, filterParams } = list;
  return (
    <FilteredList
      title={list.described ?? "Statements"}
      lede={list.described ? "The published statements these filters keep, verbatim, newest first." : "Attributed statements, verbatim, newest first."}
      list={list}
      values={{ country: raw("country"), speaker: raw("speaker"), topic: raw("topic"), agreement: raw("agreement"), from: raw("from"), to: raw("to") }}
      show={{ speaker: true }}
      empty="No published statements match these filters."
      pagesLabel="Statement pages"
      after={<FollowFeeds list="statements" filters={filterParams} />}
    >
      {list.page?.items.map((statement) => <StatementListItem key={statement.id} statement={statement} />)}
    </FilteredList>
  );
}
