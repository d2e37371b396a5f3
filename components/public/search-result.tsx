import { IntentLink } from "@/components/public/intent-link";
import { formatDate, isoDate } from "@/lib/format/date";
import { snippetParts } from "@/lib/search/snippet";
import type { SearchHit } from "@/lib/search/search-record";
import base from "./list-item.module.css";
import styles from "./search-result.module.css";

/**
 * Text with matches marked; React escapes every part, so nothing from the record is
 * trusted as HTML. The text between matches stays bare text: a snippet of the scale
 * record has up to forty parts, and an element for each is markup twice over (the
 * HTML and the page's RSC payload) for nothing a reader sees.
 */
function Highlighted({ raw }: { raw: string }) {
  return <>{snippetParts(raw).map((part, i) => (part.isMatch ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

export function SearchResult({ hit }: { hit: SearchHit }) {
  const href = `/${hit.kind === "event" ? "events" : "statements"}/${hit.slug}`;
  return (
    <article className={`${base.item} ${styles.item}`}>
      <p className={base.meta}>
        <span className={base.kind}>{hit.kind === "event" ? "Event" : "Statement"}</span>
        {hit.date ? <time dateTime={isoDate(hit.date, hit.precision)}>{formatDate(hit.date, hit.precision)}</time> : <span>{formatDate(null)}</span>}
      </p>
      <h3 className={`${base.title} ${styles.title}`}>
        <IntentLink href={href}>
          <Highlighted raw={hit.title} />
        </IntentLink>
      </h3>
      <p className={styles.snippet}>
        <Highlighted raw={hit.snippet} />
      </p>
    </article>
  );
}
