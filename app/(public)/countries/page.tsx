import type { Metadata } from "next";
import { IntentLink } from "@/components/public/intent-link";
import styles from "@/components/public/record.module.css";
import { WorldMap } from "@/components/public/world-map";
import { buildPlaceholder } from "@/lib/cache/runtime-page";
import { getCountriesWithRecord } from "@/lib/countries/public-queries";
import { isBuildPhase } from "@/lib/env/build-phase.mjs";
import index from "./countries.module.css";
import { countryPath, pageTrail, SECTIONS } from "@/lib/site/paths";
import { RecordTrail } from "@/components/public/record-trail";

export const metadata: Metadata = {
  title: "Countries",
  description: "Every country in the diplomatic record: its events, statements, agreements and partners.",
  alternates: { canonical: "/countries" },
};

export default async function CountriesPage() {
  if (isBuildPhase()) return buildPlaceholder();
  const countries = await getCountriesWithRecord();
  const onRecord = countries.filter((c) => c.eventCount > 0).sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name));
  const letters = new Map<string, typeof countries>();
  for (const c of countries) {
    const letter = c.name.normalize("NFD").charAt(0).toUpperCase();
    letters.set(letter, [...(letters.get(letter) ?? []), c]);
  }
  return (
    <div className={styles.page}>
      <RecordTrail trail={pageTrail(SECTIONS.countries)} />
      <h1 className={styles.title}>Countries</h1>
      <p className={styles.lede}>
        {onRecord.length} of {countries.length} countries appear in the published record. Every country has a page.
      </p>
      <section aria-labelledby="on-record">
        <h2 id="on-record" className={styles.sectionTitle}>
          Countries on the record
        </h2>
        <WorldMap
          id="countries-map"
          title="Countries that appear in the published record"
          description={`A world map with the ${onRecord.length} countries that appear in published events coloured.`}
          highlights={onRecord.map((c) => ({ numeric: c.numeric, iso2: c.iso2, name: c.name, group: c.eventCount >= 5 ? "many" : "some" }))}
          legend={[
            { group: "many", label: "Five or more events", tone: "strong" },
            { group: "some", label: "One to four events", tone: "soft" },
          ]}
        />
        <ul className={index.onRecord}>
          {onRecord.map((c) => (
            <li key={c.iso2}>
              <IntentLink href={countryPath(c.iso2)}>{c.name}</IntentLink>{" "}
              <span className="muted">
                {c.eventCount} {c.eventCount === 1 ? "event" : "events"}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="all-countries">
        <h2 id="all-countries" className={styles.sectionTitle}>
          All countries, A–Z
        </h2>
        <nav aria-label="Countries by first letter" className={index.letters}>
          <ul>
            {[...letters.keys()].map((letter) => (
              <li key={letter}>
                <a href={`#letter-${letter}`}>{letter}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className={index.columns}>
          {[...letters].map(([letter, list]) => (
            <section key={letter} aria-labelledby={`letter-${letter}`} className={index.group}>
              <h3 id={`letter-${letter}`} className={index.letter} tabIndex={-1}>
                {letter}
              </h3>
              <ul>
                {list.map((c) => (
                  <li key={c.iso2}>
                    <IntentLink href={countryPath(c.iso2)} className={c.eventCount > 0 ? index.strong : undefined}>
                      {c.name}
                    </IntentLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </div>
  );
}
