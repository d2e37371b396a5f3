import type { ReactNode } from "react";
import { recordGraph, wikidataUrl, type JsonLd } from "@/lib/site/json-ld";
import type { Crumb } from "@/lib/site/paths";
import { absoluteUrl } from "@/lib/site/url";
import { Breadcrumbs } from "./breadcrumbs";
import { JsonLdScript } from "./json-ld-script";
import styles from "./record.module.css";

/**
 * The top of a public record page: its structured data (the record's node, named
 * and addressed as the trail's last step, and the BreadcrumbList) and the same
 * trail as breadcrumbs, so the two never disagree.
 * `graph` replaces the node for pages that build their whole document (events,
 * statements); an index page has neither.
 */
export function RecordTrail({ trail, node, graph }: { trail: Crumb[]; node?: JsonLd; graph?: JsonLd }) {
  const page = trail[trail.length - 1]!;
  const url = absoluteUrl(page.href);
  return (
    <>
      <JsonLdScript data={graph ?? recordGraph(node ? { "@type": node["@type"], "@id": url, name: page.name, url, ...node } : null, trail)} />
      <Breadcrumbs items={trail} />
    </>
  );
}

/** The kicker (what the record is, then `children`: place, date, links), the title and the lede. */
export function RecordHeading({ type, title, lede, children }: { type: ReactNode; title: string; lede?: ReactNode; children?: ReactNode }) {
  return (
    <>
      <p className={styles.kicker}>
        <span className={styles.type}>{type}</span>
        {children}
      </p>
      <h1 className={styles.title}>{title}</h1>
      {lede !== undefined && lede !== null && lede !== "" && <p className={styles.lede}>{lede}</p>}
    </>
  );
}

/** The kicker's link to a record's Wikidata item, when it has one. */
export function WikidataLink({ id }: { id: string | null }) {
  return id ? <a href={wikidataUrl(id)}>Wikidata {id}</a> : null;
}
