import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { ListProblems } from "@/components/desk/content-list";
import { RecordStatus } from "@/components/desk/record-status";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount } from "@/lib/format/count";
import { requirePageRole } from "@/lib/auth/require-role";
import { parseDeskListQuery } from "@/lib/desk/list-query";
import { listDeskEvents } from "@/lib/events/desk-queries";
import { searchEntities, type LookupKind } from "@/lib/lookup/search-entities";
import { correctionOf } from "@/lib/search/suggest";
import { listDeskStatements } from "@/lib/statements/desk-queries";
import styles from "./search.module.css";

export const metadata: Metadata = { title: "Search the desk" };

const REFERENCE_KINDS: Array<{ kind: LookupKind; plural: string; title: string }> = [
  { kind: "person", plural: "people", title: "People" },
  { kind: "organization", plural: "organizations", title: "Organizations" },
  { kind: "agreement", plural: "agreements", title: "Agreements" },
  { kind: "topic", plural: "topics", title: "Topics" },
];

interface Hit {
  id: string;
  label: string;
  detail?: string | null;
  status?: string;
  isStaged?: boolean;
}

function Section(props: { id: string; title: string; plural: string; hits: Hit[]; total?: number; totalIsEstimate?: boolean; more?: string }) {
  const { id, title, plural, hits, total = hits.length, totalIsEstimate = false, more } = props;
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>
        {title} <span className="muted small">({formatCount(total, totalIsEstimate)})</span>
      </h2>
      {hits.length === 0 ? (
        <p className="muted small">Nothing found.</p>
      ) : (
        <ul className={styles.hits}>
          {hits.map((h) => (
            <li key={h.id}>
              <StaffLink href={`/dashboard/${plural}/${h.id}`}>{h.label}</StaffLink>
              {h.status && (
                <>
                  {" "}
                  <RecordStatus status={h.status} isStaged={h.isStaged ?? false} />
                </>
              )}
              {h.detail && <span className="muted small"> · {h.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {more && (
        <p className="small">
          <StaffLink href={more}>All matching {title.toLowerCase()}</StaffLink>
        </p>
      )}
    </section>
  );
}

/** One search over every kind of desk record, drafts included (staff only). */
export default async function DeskSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("CONTRIBUTOR", "/dashboard/search");
  const query = parseDeskListQuery(await searchParams);
  const q = query.q;
  const [events, statements, ...references] = q
    ? await Promise.all([
        listDeskEvents({ ...query, page: 1 }),
        listDeskStatements({ ...query, page: 1 }),
        ...REFERENCE_KINDS.map((r) => searchEntities({ kind: r.kind, q, limit: 10 })),
      ])
    : [null, null];
  const encoded = encodeURIComponent(q);
  // No event or statement holds the words, and they name something misspelt ("kazakstan"): the
  // search with the names put right, as the public search offers it, when it finds something.
  let didYouMean: { q: string; found: string } | null = null;
  if (q && events && statements && events.total === 0 && statements.total === 0) {
    const corrected = await correctionOf(q);
    if (corrected) {
      const [e, s] = await Promise.all([listDeskEvents({ ...query, q: corrected, page: 1 }), listDeskStatements({ ...query, q: corrected, page: 1 })]);
      const counted = (total: number, estimate: boolean, one: string, many: string) => `${formatCount(total, estimate)} ${total === 1 ? one : many}`;
      if (e.total + s.total > 0) didYouMean = { q: corrected, found: `${counted(e.total, e.totalIsEstimate, "event", "events")} and ${counted(s.total, s.totalIsEstimate, "statement", "statements")}` };
    }
  }
  return (
    <>
      <PageHeader title={q ? `Search: ${q}` : "Search the desk"} lede="Events and statements in every state, people, organizations, agreements and topics." />
      <ListProblems problems={query.problems} />
      <form role="search" method="get" action="/dashboard/search" className={styles.form}>
        <Field id="desk-search-page-q" label="Search the desk">
          {(p) => <TextInput {...p} name="q" type="search" defaultValue={q} maxLength={200} />}
        </Field>
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      {didYouMean && (
        <p className={styles.didYouMean}>
          Did you mean “<StaffLink href={`/dashboard/search?q=${encodeURIComponent(didYouMean.q)}`}>{didYouMean.q}</StaffLink>”? It finds {didYouMean.found}.
        </p>
      )}
      {q && events && statements && (
        <div className={styles.grid}>
          <Section
            id="hits-events"
            title="Events"
            plural="events"
            hits={events.rows.slice(0, 10).map((r) => ({ id: r.id, label: r.title, status: r.status, isStaged: r.stagedAt !== null }))}
            total={events.total}
            totalIsEstimate={events.totalIsEstimate}
            more={events.total > 10 ? `/dashboard/events?q=${encoded}` : undefined}
          />
          <Section
            id="hits-statements"
            title="Statements"
            plural="statements"
            hits={statements.rows.slice(0, 10).map((r) => ({ id: r.id, label: r.title, status: r.status, isStaged: r.stagedAt !== null, detail: r.speaker?.name ?? r.speakerLabel }))}
            total={statements.total}
            totalIsEstimate={statements.totalIsEstimate}
            more={statements.total > 10 ? `/dashboard/statements?q=${encoded}` : undefined}
          />
          {REFERENCE_KINDS.map((r, i) => (
            <Section key={r.kind} id={`hits-${r.plural}`} title={r.title} plural={r.plural} hits={(references[i] ?? []).map((h) => ({ id: h.id, label: h.label, detail: h.detail }))} />
          ))}
        </div>
      )}
    </>
  );
}
