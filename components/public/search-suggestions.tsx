import Link from "next/link";
import type { Suggestion, SuggestionKind } from "@/lib/search/suggest";
import base from "./list-item.module.css";
import styles from "./search-result.module.css";

const KIND_LABELS: Record<SuggestionKind, string> = {
  country: "Country",
  person: "Person",
  organization: "Organization",
  agreement: "Agreement",
  topic: "Topic",
};

/** The pages a search names (a country, person, organization, agreement or topic), above the results. */
export function SearchSuggestions({ suggestions }: { suggestions: Suggestion[] }) {
  if (suggestions.length === 0) return null;
  return (
    <section aria-labelledby="pages-heading" className={styles.pages}>
      <h2 id="pages-heading" className={styles.pagesHeading}>
        Pages for your search
      </h2>
      <ul className={styles.pageList}>
        {suggestions.map((s) => (
          <li key={s.path} className={styles.pageItem}>
            <span className={base.kind}>{KIND_LABELS[s.kind]}</span>
            <Link href={s.path}>{s.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
