import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ListFilters } from "@/components/public/list-filters";
import { Pagination } from "@/components/public/pagination";
import { StatementListItem } from "@/components/public/statement-list-item";
import { cachedRead } from "@/lib/api/cached";
import { listPublicFilterOptions } from "@/lib/api/filter-options";
import { parseStatementListQuery, QueryParameterError, queryToParams } from "@/lib/api/list-query";
import { tags } from "@/lib/cache/tags";
import { listPublishedStatements, type PublicStatementPage } from "@/lib/statements/public-list";
import styles from "../lists.module.css";

export const metadata: Metadata = {
  title: "Statements",
  description: "What was said, by whom, in which capacity and where — verbatim, with sources.",
  alternates: { canonical: "/statements" },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StatementsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  let error: QueryParameterError | null = null;
  let page: PublicStatementPage | null = null;
  let filterParams = new URLSearchParams();
  try {
    const query = parseStatementListQuery(params);
    filterParams = queryToParams(query);
    const key = `${filterParams.toString()}|${query.cursor ?? ""}`;
    page = await cachedRead(["statements-list", key], [tags.statementLists], () => listPublishedStatements(query));
  } catch (caught) {
    if (!(caught instanceof QueryParameterError)) throw caught;
    error = caught;
  }
  const options = await cachedRead(["filter-options"], [tags.eventLists, tags.statementLists, tags.agreementLists, tags.search], () => listPublicFilterOptions());
  const link = (cursor: string | null) => {
    if (!cursor) return null;
    const p = new URLSearchParams(filterParams);
    p.set("cursor", cursor);
    return `/statements?${p.toString()}`;
  };
  const values = { country: raw("country"), speaker: raw("speaker"), topic: raw("topic"), agreement: raw("agreement"), from: raw("from"), to: raw("to") };

  return (
    <div className={styles.page}>
      <PageHeader title="Statements">
        <p className={styles.lede}>Attributed statements, verbatim, newest first.</p>
      </PageHeader>
      <ListFilters action="/statements" options={options} values={values} show={{ speaker: true }} errors={error?.fieldErrors} />
      {error ? (
        <Alert tone="danger" title="These filters could not be used">
          <p>{error.message}. Change the filter and try again.</p>
        </Alert>
      ) : page && page.items.length === 0 ? (
        <p className={styles.empty}>No published statements match these filters.</p>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          {page?.items.map((statement) => <StatementListItem key={statement.id} statement={statement} />)}
        </section>
      )}
      {page && <Pagination prevHref={link(page.prev)} nextHref={link(page.next)} label="Statement pages" />}
    </div>
  );
}
