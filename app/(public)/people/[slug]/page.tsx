import Link from "next/link";
import { IntentLink } from "@/components/public/intent-link";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { FollowFeeds } from "@/components/public/follow-feeds";
import { StatementSection } from "@/components/public/statement-list-item";
import { feedAlternates, recordFeed } from "@/lib/feeds/follow";
import { ParticipationsSection } from "@/components/public/timeline";
import { getPublicPerson } from "@/lib/people/public-queries";
import { wikidataUrl } from "@/lib/site/json-ld";
import { countryNode } from "@/lib/site/record-json-ld";
import { countryPath, filteredListPath, organizationPath, pageTrail, personPath } from "@/lib/site/paths";
import { RecordSection } from "@/components/public/record-section";
import { RecordHeading, RecordTrail, WikidataLink } from "@/components/public/record-trail";
import { readOrMerged, recordMetadata, slugPageMetadata, type SlugProps } from "@/lib/site/record-page";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export const generateMetadata = slugPageMetadata(getPublicPerson, "Person", (person) => {
  // Only an office still held describes the person now; a former one says so.
  const current = person.offices.find((o) => !o.endDate)?.title;
  const former = person.offices[0]?.title;
  const office = current ?? (former ? `former ${former}` : undefined);
  const description = `${person.name}${office ? `, ${office}` : ""}: statements and events in the diplomatic record.`;
  return recordMetadata({ title: person.name, description, path: personPath(person.slug), type: "profile", feeds: feedAlternates([recordFeed("statements", { speaker: person })]) });
});

export default async function PersonPage({ params }: SlugProps) {
  const person = await readOrMerged(params, getPublicPerson, { kind: "PERSON", path: personPath });
  const path = personPath(person.slug);
  return (
    <article className={styles.page}>
      <RecordTrail
        trail={pageTrail({ name: person.name, href: path })}
        node={{
          "@type": "Person",
          description: person.description ?? undefined,
          jobTitle: person.offices.find((o) => !o.endDate)?.title,
          nationality: person.country ? countryNode(person.country) : undefined,
          sameAs: wikidataUrl(person.wikidataId),
        }}
      />
      <RecordHeading type="Person" title={person.name} lede={person.description}>
        {person.country && <Link href={countryPath(person.country.iso2)}>{person.country.name}</Link>}
        <WikidataLink id={person.wikidataId} />
      </RecordHeading>
      <div className={styles.layout}>
        <div className={styles.main}>
          <StatementSection
            statements={person.statements}
            total={person.statementCount}
            more={<Link href={filteredListPath("statements", "speaker", person.slug)}>All statements by {person.name}</Link>}
            follow={<FollowFeeds list="statements" filters={recordFeed("statements", { speaker: person }).filters} />}
          />
          <ParticipationsSection name={person.name} participations={person.participations} total={person.eventCount} />
        </div>
        <aside className={styles.aside} aria-label="Offices">
          <RecordSection id="offices" title="Offices held">
            {person.offices.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <ul className={styles.plain}>
                {person.offices.map((o) => (
                  <li key={o.id}>
                    {o.title}
                    <span className={styles.sourceMeta}>
                      {o.organization ? (
                        <IntentLink href={organizationPath(o.organization.slug)}>{o.organization.name}</IntentLink>
                      ) : o.country ? (
                        <IntentLink href={countryPath(o.country.iso2)}>{o.country.name}</IntentLink>
                      ) : null}
                      {o.startDate && o.endDate && (
                        <>
                          {" · "}
                          <RecordDate date={o.startDate} precision={o.startPrecision} /> – <RecordDate date={o.endDate} precision={o.endPrecision} />
                        </>
                      )}
                      {o.startDate && !o.endDate && (
                        <>
                          {" · since "}
                          <RecordDate date={o.startDate} precision={o.startPrecision} />
                        </>
                      )}
                      {!o.startDate && o.endDate && (
                        <>
                          {" · until "}
                          <RecordDate date={o.endDate} precision={o.endPrecision} />
                        </>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </RecordSection>
        </aside>
      </div>
    </article>
  );
}
