import { apaCitation, bibtexCitation, chicagoCitation, type CitationPart, type CitedPage } from "@/lib/format/citation";
import { AccessedToday } from "./accessed-today";
import { CopyButton } from "./copy-button";
import styles from "./record.module.css";

const STYLES = [
  { id: "chicago", name: "Chicago", make: chicagoCitation, code: false },
  { id: "apa", name: "APA", make: apaCitation, code: false },
  { id: "bibtex", name: "BibTeX", make: bibtexCitation, code: true },
] as const;

function Parts({ parts }: { parts: CitationPart[] }) {
  return parts.map((p, i) => (typeof p === "string" ? <span key={i}>{p}</span> : <AccessedToday key={i} form={p.accessed} />));
}

/** How to cite the page, in three forms a reader can copy with one button (or select by hand). */
export function CiteThis({ title, date, url, slug }: { title: string; date: Date | null; url: string; slug: string }) {
  const page: CitedPage = { title, published: date, url, key: slug };
  return (
    <section aria-labelledby="cite-this" className={styles.cite}>
      <h2 id="cite-this" className={styles.sectionTitle}>
        Cite this
      </h2>
      {STYLES.map((style) => {
        const id = `citation-${style.id}`;
        return (
          <div key={style.id} className={styles.citeStyle}>
            <h3 className={styles.roleName} id={`${id}-name`}>
              {style.name}
            </h3>
            {style.code ? (
              <pre className={`${styles.citeText} ${styles.citeCode}`} id={id} aria-labelledby={`${id}-name`}>
                <Parts parts={style.make(page)} />
              </pre>
            ) : (
              <p className={styles.citeText} id={id}>
                <Parts parts={style.make(page)} />
              </p>
            )}
            <CopyButton targetId={id} label={`Copy the ${style.name} citation`} />
          </div>
        );
      })}
    </section>
  );
}
