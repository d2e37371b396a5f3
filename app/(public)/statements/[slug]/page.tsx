import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { CiteThis } from "@/components/public/cite-this";
import { CorrectionsNotice } from "@/components/public/corrections-notice";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { SourcesList } from "@/components/public/sources-list";
import { Tombstone } from "@/components/public/tombstone";
import { MEDIUM_LABELS, label } from "@/lib/format/labels";
import { ATTRIBUTION_LABELS, QUOTE_TYPE_LABELS, languageName } from "@/lib/site/labels";
import { statementJsonLd } from "@/lib/site/record-json-ld";
import { getPublicStatementPage } from "@/lib/statements/public-queries";
import { previewedStatement } from "@/lib/publication/preview";
import { absoluteUrl } from "@/lib/site/url";
import { countryPath, eventPath, personPath, statementPath, topicPath } from "@/lib/site/paths";
import { RecordSection } from "@/components/public/record-section";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await getPublicStatementPage(slug);
  if (!page) return { title: "Statement not found", robots: { index: false } };
  const path = statementPath(slug);
  if (page.kind === "retracted") {
    return { title: `Retracted: ${page.tombstone.title}`, alternates: { canonical: path }, robots: { index: false } };
  }
  const s = page.statement;
  const who = s.speaker?.name ?? s.speakerLabel ?? "Unattributed";
  const words = s.translation ?? s.text;
  const excerpt = words.length > 180 ? `${words.slice(0, 177)}…` : words;
  // A paraphrase is never put in quotation marks, here or anywhere.
  const description = `${who}${s.speakerTitle ? `, ${s.speakerTitle}` : ""}: ${s.quoteType === "PARAPHRASE" ? `(paraphrase) ${excerpt}` : `“${excerpt}”`}`;
  return {
    title: s.title,
    description,
    alternates: { canonical: path },
    openGraph: { type: "article", title: s.title, description, url: path, siteName: "Chancery" },
    twitter: { card: "summary", title: s.title, description },
  };
}

export default async function StatementPage({ params }: Props) {
  const { slug } = await params;
  // The desk's preview (signed-in staff only) renders this same page with an unpublished item's data.
  const previewed = previewedStatement(slug);
  const page = previewed ? { kind: "published" as const, statement: previewed } : await getPublicStatementPage(slug);
  if (!page) notFound();
  if (page.kind === "retracted") {
    const t = page.tombstone;
    return <Tombstone kind="statement" title={t.title} retractedAt={t.retractedAt} reason={t.retractionReason} />;
  }
  const s = page.statement;
  const url = absoluteUrl(statementPath(s.slug));
  const isEnglish = s.language.toLowerCase().startsWith("en");
  return (
    <article className={styles.page}>
      <JsonLdScript data={statementJsonLd(s, url)} />
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Statements", href: "/statements" },
          { name: s.title, href: statementPath(s.slug) },
        ]}
      />
      <p className={styles.kicker}>
        <span className={styles.type}>{label(MEDIUM_LABELS, s.medium)}</span>
        <RecordDate date={s.saidOn} precision={s.saidPrecision} />
        {s.platform && <span>on {s.platform}</span>}
      </p>
      <h1 className={styles.title}>{s.title}</h1>
      <p className={styles.lede}>
        {s.speaker ? <Link href={personPath(s.speaker.slug)}>{s.speaker.name}</Link> : (s.speakerLabel ?? "Unattributed")}
        {s.speakerTitle && <>, {s.speakerTitle}</>}
      </p>
      <div className={styles.layout}>
        <div className={styles.main}>
          <RecordSection id="said" title={<>{s.quoteType === "PARAPHRASE" ? "What was said (paraphrased)" : "What was said"}{!isEnglish && ` · in ${languageName(s.language)}`}</>}>
            {s.quoteType === "PARAPHRASE" ? (
              <div className={styles.paraphrase} lang={s.language}>
                <p className={styles.paraphraseLabel}>Paraphrase: what was said, in a source&rsquo;s words, not the speaker&rsquo;s</p>
                {s.text.split(/\n{2,}/).map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
              </div>
            ) : (
              <blockquote className={styles.quote} lang={s.language} cite={s.sources[0]?.url}>
                {s.text.split(/\n{2,}/).map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
              </blockquote>
            )}
            {s.translation && (
              <div className={styles.translation}>
                <h3 className={styles.roleName}>English translation{s.translatedBy && ` by ${s.translatedBy}`}</h3>
                <blockquote lang="en">
                  {s.translation.split(/\n{2,}/).map((para, i) => (
                    <p key={i}>{para}</p>
                  ))}
                </blockquote>
              </div>
            )}
            {s.context && <p className={styles.body}>{s.context}</p>}
          </RecordSection>
          <SourcesList sources={s.sources} />
          <CorrectionsNotice corrections={s.corrections} />
        </div>
        <aside className={styles.aside} aria-label="About this statement">
          <RecordSection id="facts" title="Details">
            <dl className={styles.facts}>
              <dt>Speaker</dt>
              <dd>
                {s.speaker ? <Link href={personPath(s.speaker.slug)}>{s.speaker.name}</Link> : (s.speakerLabel ?? "Unattributed")}
              </dd>
              {s.speakerTitle && (
                <>
                  <dt>Title at the time</dt>
                  <dd>{s.speakerTitle}</dd>
                </>
              )}
              <dt>Attribution</dt>
              <dd>{label(ATTRIBUTION_LABELS, s.attribution)}</dd>
              <dt>Medium</dt>
              <dd>
                {label(MEDIUM_LABELS, s.medium)}
                {s.platform && ` (${s.platform})`}
              </dd>
              <dt>Quote</dt>
              <dd>{label(QUOTE_TYPE_LABELS, s.quoteType)}</dd>
              <dt>Language</dt>
              <dd>{languageName(s.language)}</dd>
              <dt>Said</dt>
              <dd>
                <RecordDate date={s.saidOn} precision={s.saidPrecision} />
                {s.saidTime && ` ${s.saidTime}`}
                {s.saidTime && s.timeZone && ` (${s.timeZone})`}
              </dd>
              {s.event && (
                <>
                  <dt>At</dt>
                  <dd>
                    <Link href={eventPath(s.event.slug)}>{s.event.title}</Link>
                  </dd>
                </>
              )}
            </dl>
          </RecordSection>
          {s.countries.length > 0 && (
            <RecordSection id="countries" title="Countries">
              <ul className={styles.inline}>
                {s.countries.map(({ country }) => (
                  <li key={country.iso2}>
                    <Link className={styles.chip} href={countryPath(country.iso2)}>
                      {country.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </RecordSection>
          )}
          {s.topics.length > 0 && (
            <RecordSection id="topics" title="Topics">
              <ul className={styles.inline}>
                {s.topics.map(({ topic }) => (
                  <li key={topic.slug}>
                    <Link className={styles.chip} href={topicPath(topic.slug)}>
                      {topic.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </RecordSection>
          )}
          <CiteThis title={s.title} date={s.firstPublishedAt ?? s.publishedAt} url={url} slug={s.slug} />
        </aside>
      </div>
    </article>
  );
}
