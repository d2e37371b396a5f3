import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventListItem } from "@/components/public/event-list-item";
import { FollowFeeds } from "@/components/public/follow-feeds";
import { feedAlternates, recordFeed } from "@/lib/feeds/follow";
import styles from "@/components/public/record.module.css";
import { StatementSection } from "@/components/public/statement-list-item";
import { eventTimelineEntry, Timeline } from "@/components/public/timeline";
import { WorldMap } from "@/components/public/world-map";
import { PARTICIPANT_STATUS_LABELS } from "@/lib/agreements/participant-status";
import { getPublicCountry, normalizeIso2 } from "@/lib/countries/public-queries";
import { relationPath } from "@/lib/countries/relation-path";
import { wikidataUrl } from "@/lib/site/json-ld";
import { countryEventsPath, countryPath, filteredListPath, organizationPath, pageTrail, personPath, SECTIONS } from "@/lib/site/paths";
import { LinkSection, NewestOf, RecordSection, agreementLink } from "@/components/public/record-section";
import { RecordHeading, RecordTrail, WikidataLink } from "@/components/public/record-trail";
import { notFoundMetadata, recordMetadata } from "@/lib/site/record-page";
import { andList, countryInText, pairInText } from "@/lib/format/country";
import { countryOtherNamesShown } from "@/lib/seed/countries";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ iso2: string }> };

// A code in capitals (/countries/KZ) is sent to its lower case by the proxy (lib/site/canonical-path.ts),
// for a country that exists; anything else is looked up as it is.
async function load(raw: string) {
  const iso2 = normalizeIso2(raw);
  return iso2 ? getPublicCountry(iso2) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { iso2 } = await params;
  const data = await load(iso2);
  if (!data) return notFoundMetadata("Country");
  const { country, eventCount } = data;
  const description = `${countryInText(country, { atStart: true })} in the diplomatic record: ${eventCount} published ${eventCount === 1 ? "event" : "events"}, its statements, agreements and partners.`;
  return recordMetadata({ title: country.name, description, path: countryPath(country.iso2), feeds: feedAlternates([recordFeed("events", { country }), recordFeed("statements", { country })]) });
}

export default async function CountryPage({ params }: Props) {
  const { iso2 } = await params;
  const data = await load(iso2);
  if (!data) notFound();
  const { country, events, eventCount, statements, statementCount, agreements, partners, people, organizations } = data;
  const allEvents = countryEventsPath(country.iso2);
  const path = countryPath(country.iso2);
  const inText = countryInText(country);
  const otherNames = countryOtherNamesShown(country.iso2);
  return (
    <article className={styles.page}>
      <RecordTrail
        trail={pageTrail({ name: country.name, href: path }, SECTIONS.countries)}
        node={{
          "@type": "Country",
          identifier: [country.iso2, country.iso3, country.numeric],
          alternateName: otherNames.length > 0 ? otherNames : undefined,
          sameAs: wikidataUrl(country.wikidataId),
        }}
      />
      <RecordHeading
        type="Country"
        title={country.name}
        lede={[
          otherNames.length > 0 && `Also known as ${andList(otherNames)}.`,
          eventCount === 0
            ? `Nothing about ${inText} has been published yet.`
            : `${eventCount.toLocaleString("en")} published ${eventCount === 1 ? "event involves" : "events involve"} ${inText}, with ${partners.length} ${partners.length === 1 ? "partner" : "partners"}.`,
        ]
          .filter(Boolean)
          .join(" ")}
      >
        <span>
          {country.iso2} · {country.iso3} · {country.numeric}
        </span>
        <WikidataLink id={country.wikidataId} />
      </RecordHeading>
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="partners-map" title="Partners on the map">
            <WorldMap
              id="country-map"
              title={`${countryInText(country, { atStart: true })} and the countries it shares events with`}
              description={`${countryInText(country, { atStart: true })} is marked in orange; the ${partners.length} countries that share published events with it are in blue, darker for more shared events.`}
              highlights={[
                { numeric: country.numeric, iso2: country.iso2, name: country.name, group: "self" },
                ...partners.map((p) => ({ numeric: p.numeric, iso2: p.iso2, name: p.name, group: p.sharedEvents >= 3 ? "close" : "partner" })),
              ]}
              legend={[
                { group: "self", label: country.name, tone: "focus" },
                { group: "close", label: "Three or more shared events", tone: "strong" },
                { group: "partner", label: "One or two shared events", tone: "soft" },
              ]}
            />
          </RecordSection>
          <RecordSection id="timeline" title="Timeline">
            <Timeline
              label={`Events involving ${inText}`}
              entries={events.map((e) => eventTimelineEntry(e))}
            />
            <NewestOf shown={events.length} total={eventCount}>
              <Link href={allEvents}>All events involving {inText}</Link>
            </NewestOf>
            <FollowFeeds list="events" filters={recordFeed("events", { country }).filters} />
          </RecordSection>
          <StatementSection
            title="Statements by its officials and about it"
            statements={statements}
            total={statementCount}
            more={<Link href={filteredListPath("statements", "country", country.iso2)}>All statements concerning {inText}</Link>}
            follow={<FollowFeeds list="statements" filters={recordFeed("statements", { country }).filters} />}
          />
          {events.length > 0 && (
            <RecordSection id="latest" title="Latest events">
              {events.slice(0, 5).map((e) => (
                <EventListItem key={e.id} event={{ ...e, country: null }} />
              ))}
              <p>
                <Link href={allEvents}>All events involving {inText}</Link>
              </p>
            </RecordSection>
          )}
        </div>
        <aside className={styles.aside} aria-label={`More about ${inText}`}>
          <LinkSection
            id="agreements"
            title="Agreements"
            empty="Not a party to any agreement on the record."
            items={agreements.map((a) => agreementLink(a, a.status ? PARTICIPANT_STATUS_LABELS[a.status] : "No status"))}
          />
          <LinkSection
            id="partners"
            title="Partners"
            empty="No shared events yet."
            items={partners.map((p) => ({
              key: p.iso2,
              href: relationPath(country.iso2, p.iso2),
              name: pairInText(country, p),
              meta: `${p.sharedEvents} shared ${p.sharedEvents === 1 ? "event" : "events"}`,
            }))}
          />
          <LinkSection
            id="actors"
            title="People and bodies"
            items={[
              ...people.map((p) => ({ key: p.slug, href: personPath(p.slug), name: p.name })),
              ...organizations.map((o) => ({ key: o.slug, href: organizationPath(o.slug), name: o.name })),
            ]}
          />
        </aside>
      </div>
    </article>
  );
}
