import Link from "next/link";
import { CiteThis } from "@/components/public/cite-this";
import { CorrectionsNotice } from "@/components/public/corrections-notice";
import { EventStory } from "@/components/public/event-story";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { SourcesList } from "@/components/public/sources-list";
import { readPublication } from "@/components/public/tombstone";
import { eventJsonLd } from "@/lib/site/record-json-ld";
import { getPublicEventPage, type PublishedEvent } from "@/lib/events/public-queries";
import { CAMEO_NAMES } from "@/lib/events/cameo";
import { formatDate } from "@/lib/format/date";
import { EVENT_LINK_LABELS, EVENT_TYPE_LABELS, label, OCCURRENCE_LABELS, PARTICIPANT_ROLE_LABELS, TREATY_ACTION_LABELS } from "@/lib/format/labels";
import { titleThen } from "@/lib/people/offices";
import { renderMarkdown } from "@/lib/markdown/render";
import { previewedEvent } from "@/lib/publication/preview";
import { absoluteUrl } from "@/lib/site/url";
import { eventCalendarPath } from "@/lib/feeds/follow";
import { agreementPath, countryPath, eventPath, organizationPath, pageTrail, personPath, SECTIONS, topicPath } from "@/lib/site/paths";
import { ChipSection, Fact, FactsSection, LinkList, LinkSection, RecordSection, eventLink, statementLink } from "@/components/public/record-section";
import { RecordHeading, RecordTrail } from "@/components/public/record-trail";
import { articleMetadata, publicationMetadata, type SlugProps } from "@/lib/site/record-page";

// Rendered on first request and kept until a write expires its cache tags.
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export const generateMetadata = publicationMetadata({ what: "Event", read: getPublicEventPage, path: eventPath }, ({ event }, path) =>
  articleMetadata({ title: event.title, description: event.summary, path, card: "summary_large_image" }),
);

export default async function EventPage({ params }: SlugProps) {
  const found = await readPublication({ kind: "event", params, preview: previewedEvent, read: getPublicEventPage, published: (page) => page.event });
  if ("tombstone" in found) return found.tombstone;
  const event = found.item;
  const url = absoluteUrl(eventPath(event.slug));
  return (
    <article className={styles.page}>
      <RecordTrail trail={pageTrail({ name: event.title, href: eventPath(event.slug) }, SECTIONS.events)} graph={eventJsonLd(event, url)} />
      <RecordHeading type={label(EVENT_TYPE_LABELS, event.type)} title={event.title} lede={event.summary}>
        <span>
          <RecordDate date={event.date} precision={event.datePrecision} approximate={event.dateApproximate} />
          {event.endDate && (
            <>
              {" – "}
              <RecordDate date={event.endDate} precision={event.datePrecision} />
            </>
          )}
        </span>
        {event.placeName && <span>{event.placeName}</span>}
        {event.occurrence !== "OCCURRED" && <OccurrenceFlag occurrence={event.occurrence} />}
      </RecordHeading>
      <OccurrenceNotice event={event} />
      {event.unconfirmedNote && <UnconfirmedNote note={event.unconfirmedNote} />}
      <div className={styles.layout}>
        <div className={styles.main}>
          {event.body.trim() && (
            <section aria-label="Account">
              <div className={styles.body} dangerouslySetInnerHTML={{ __html: renderMarkdown(event.body) }} />
            </section>
          )}
          <Participants participants={event.participants} on={event.date} />
          <LinkSection
            id="statements"
            title="Statements made at this event"
            items={event.statements.map((s) =>
              statementLink(
                s,
                <>
                  {s.speaker ? s.speaker.name : s.speakerLabel}
                  {s.speakerTitle && `, ${s.speakerTitle}`}
                </>,
              ),
            )}
          />
          <RelatedEvents event={event} />
          <EventStory story={event.story} currentSlug={event.slug} />
          <LinkSection
            id="part-events"
            title="Events within this one"
            items={event.children.map((child) =>
              eventLink(
                child,
                <>
                  {label(EVENT_TYPE_LABELS, child.type)} · <RecordDate date={child.date} precision={child.datePrecision} approximate={child.dateApproximate} />
                  {child.occurrence !== "OCCURRED" && ` · ${label(OCCURRENCE_LABELS, child.occurrence)}`}
                </>,
              ),
            )}
          />
          <SourcesList sources={event.sources} />
          <CorrectionsNotice corrections={event.corrections} />
        </div>
        <aside className={styles.aside} aria-label="About this event">
          <FactsSection>
            <Fact term="Type">{label(EVENT_TYPE_LABELS, event.type)}</Fact>
            <Fact term="Date">
              <RecordDate date={event.date} precision={event.datePrecision} approximate={event.dateApproximate} />
              {event.date && event.dateApproximate && <span className="muted"> (approximate)</span>}
              {event.date && !event.dateApproximate && event.datePrecision !== "DAY" && (
                <span className="muted"> (known to the {event.datePrecision.toLowerCase()})</span>
              )}
            </Fact>
            {event.endDate && <Fact term="Until"><RecordDate date={event.endDate} precision={event.datePrecision} /></Fact>}
            {event.localTime && (
              <Fact term="Local time">
                {event.localTime}
                {event.timeZone && ` (${event.timeZone})`}
              </Fact>
            )}
            <Fact term="Status">{label(OCCURRENCE_LABELS, event.occurrence)}</Fact>
            {(event.placeName || event.country) && (
              <Fact term="Place">
                {event.placeName}
                {event.placeName && event.country && ", "}
                {event.country && <Link href={countryPath(event.country.iso2)}>{event.country.name}</Link>}
              </Fact>
            )}
            {event.agreement && <Fact term="Agreement"><Link href={agreementPath(event.agreement.slug)}>{event.agreement.name}</Link></Fact>}
            {event.parent && <Fact term="Part of"><Link href={eventPath(event.parent.slug)}>{event.parent.title}</Link></Fact>}
            {event.cameoCode && (
              <Fact term="CAMEO code">
                {event.cameoCode}
                {CAMEO_NAMES[event.cameoCode] && <span className="muted"> · {CAMEO_NAMES[event.cameoCode]}</span>}
              </Fact>
            )}
          </FactsSection>
          {event.treatyActions.length > 0 && (
            <RecordSection id="treaty-actions" title="Treaty actions">
              <ul className={styles.plain}>
                {event.treatyActions.map((action) => (
                  <li key={action.id}>
                    <Link href={countryPath(action.country.iso2)}>{action.country.name}</Link>
                    {": "}
                    {label(TREATY_ACTION_LABELS, action.type)}
                    {" — "}
                    <Link href={agreementPath(action.agreement.slug)}>{action.agreement.name}</Link>
                    {action.viaAgreement && (
                      <>
                        {" through "}
                        <Link href={agreementPath(action.viaAgreement.slug)}>{action.viaAgreement.name}</Link>
                      </>
                    )}
                    <span className={styles.sourceMeta}>
                      <RecordDate date={action.date} precision={action.precision} />
                      {action.note && ` · ${action.note}`}
                    </span>
                    {action.unconfirmedNote && (
                      <span className={styles.sourceMeta}>
                        <span className={styles.flag}>Unconfirmed</span> {action.unconfirmedNote}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </RecordSection>
          )}
          <ChipSection id="topics" title="Topics" items={event.topics.map(({ topic }) => ({ key: topic.slug, href: topicPath(topic.slug), name: topic.name }))} />
          <CiteThis title={event.title} date={event.firstPublishedAt ?? event.publishedAt} url={url} slug={event.slug} />
        </aside>
      </div>
    </article>
  );
}

function OccurrenceFlag({ occurrence }: { occurrence: string }) {
  return (
    <span className={`${styles.flag} ${occurrence === "CANCELLED" ? styles.flagDanger : ""}`}>{label(OCCURRENCE_LABELS, occurrence)}</span>
  );
}

function OccurrenceNotice({ event }: { event: PublishedEvent }) {
  if (event.occurrence === "OCCURRED") return null;
  const when = event.date ? `for ${formatDate(event.date, event.datePrecision)}` : "with no date announced yet";
  const text =
    event.occurrence === "SCHEDULED"
      ? `This event is scheduled ${when}; it has not taken place yet.`
      : event.occurrence === "POSTPONED"
        ? "This event has been postponed."
        : "This event was cancelled; it did not take place.";
  // A scheduled event with its day can go into a reader's calendar app.
  const addable = event.occurrence === "SCHEDULED" && event.date && event.datePrecision === "DAY";
  return (
    <div className={styles.notice} role="note">
      <p>
        {text}
        {addable && (
          <>
            {" "}
            <a href={eventCalendarPath(event.slug)}>Add it to a calendar</a>
          </>
        )}
      </p>
    </div>
  );
}

function UnconfirmedNote({ note }: { note: string }) {
  return (
    <div className={styles.notice} role="note">
      <p>
        <span className={styles.flag}>Unconfirmed</span> Not confirmed by the sources: {note}
      </p>
    </div>
  );
}

/** "Led to", "Followed from" and "Part of": the links between this event and others, both ways. */
function RelatedEvents({ event }: { event: PublishedEvent }) {
  const groups: Array<{ name: string; events: Array<{ slug: string; title: string; date: Date | null; datePrecision: "DAY" | "MONTH" | "YEAR" }> }> = [];
  for (const kind of Object.keys(EVENT_LINK_LABELS)) {
    const out = event.linksOut.filter((l) => l.kind === kind).map((l) => l.toEvent);
    const back = event.linksIn.filter((l) => l.kind === kind).map((l) => l.fromEvent);
    if (back.length) groups.push({ name: EVENT_LINK_LABELS[kind]!.backward, events: back });
    if (out.length) groups.push({ name: EVENT_LINK_LABELS[kind]!.forward, events: out });
  }
  if (event.parent) groups.push({ name: "Part of", events: [event.parent] });
  if (groups.length === 0) return null;
  return (
    <RecordSection id="related-events" title="Related events">
      {groups.map((g) => (
        <div key={g.name} className={styles.roleGroup}>
          <h3 className={styles.roleName}>{g.name}</h3>
          <LinkList items={g.events.map((e) => ({ key: e.slug, href: eventPath(e.slug), name: e.title, meta: <RecordDate date={e.date} precision={e.datePrecision} /> }))} />
        </div>
      ))}
    </RecordSection>
  );
}

type Participant = PublishedEvent["participants"][number];

function Participants({ participants, on }: { participants: Participant[]; on: Date | null }) {
  if (participants.length === 0) return null;
  const byRole = new Map<string, Participant[]>();
  for (const p of participants) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p]);
  return (
    <RecordSection id="participants" title="Who took part">
      {[...byRole].map(([role, list]) => (
        <div key={role} className={styles.roleGroup}>
          <h3 className={styles.roleName}>{label(PARTICIPANT_ROLE_LABELS, role)}</h3>
          <ul className={styles.inline}>
            {list.map((p) => (
              <li key={p.id}>
                <ParticipantLink participant={p} />
                {p.person && titleThen(p.person.offices, on, null) && (
                  <span className={styles.chipNote}>{titleThen(p.person.offices, on, null)}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </RecordSection>
  );
}

function ParticipantLink({ participant: p }: { participant: Participant }) {
  if (p.person) return <Link className={styles.chip} href={personPath(p.person.slug)}>{p.person.name}</Link>;
  if (p.organization)
    return (
      <Link className={styles.chip} href={organizationPath(p.organization.slug)}>
        {p.organization.name}
      </Link>
    );
  if (p.country)
    return (
      <Link className={styles.chip} href={countryPath(p.country.iso2)}>
        {p.country.name}
      </Link>
    );
  return null;
}
