import Link from "next/link";
import { CiteThis } from "@/components/public/cite-this";
import { CorrectionsNotice } from "@/components/public/corrections-notice";
import { RecordDate } from "@/components/public/record-date";
import styles from "@/components/public/record.module.css";
import { SourcesList } from "@/components/public/sources-list";
import { readPublication } from "@/components/public/tombstone";
import { label, MEDIUM_LABELS } from "@/lib/format/labels";
import { ATTRIBUTION_LABELS, languageName, QUOTE_TYPE_LABELS } from "@/lib/site/labels";
import { statementJsonLd } from "@/lib/site/record-json-ld";
import { getPublicStatementPage } from "@/lib/statements/public-queries";
import { previewedStatement } from "@/lib/publication/preview";
import { absoluteUrl } from "@/lib/site/url";
import { countryPath, eventPath, pageTrail, personPath, SECTIONS, statementPath, topicPath } from "@/lib/site/paths";
import { ChipSection, Fact, FactsSection, RecordSection } from "@/components/public/record-section";
import { RecordHeading, RecordTrail } from "@/components/public/record-trail";
import { articleMetadata, publicationMetadata, type SlugProps } from "@/lib/site/record-page";

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export const generateMetadata = publicationMetadata({ what: "Statement", read: getPublicStatementPage, path: statementPath }, ({ statement: s }, path) => {
  const who = s.speaker?.name ?? s.speakerLabel ?? "Unattributed";
  const words = s.translation ?? s.text;
  const excerpt = words.length > 180 ? `${words.slice(0, 177)}…` : words;
  // A paraphrase is never put in quotation marks, here or anywhere.
  const description = `${who}${s.speakerTitle ? `, ${s.speakerTitle}` : ""}: ${s.quoteType === "PARAPHRASE" ? `(paraphrase) ${excerpt}` : `“${excerpt}”`}`;
  return articleMetadata({ title: s.title, description, path, card: "summary" });
});

export default async function StatementPage({ params }: SlugProps) {
  const found = await readPublication({ kind: "statement", params, preview: previewedStatement, read: getPublicStatementPage, published: (page) => page.statement });
  if ("tombstone" in found) return found.tombstone;
  const s = found.item;
  const url = absoluteUrl(statementPath(s.slug));
  const isEnglish = s.language.toLowerCase().startsWith("en");
  const speaker = s.speaker ? <Link href={personPath(s.speaker.slug)}>{s.speaker.name}</Link> : (s.speakerLabel ?? "Unattributed");
  return (
    <article className={styles.page}>
      <RecordTrail trail={pageTrail({ name: s.title, href: statementPath(s.slug) }, SECTIONS.statements)} graph={statementJsonLd(s, url)} />
      <RecordHeading
        type={label(MEDIUM_LABELS, s.medium)}
        title={s.title}
        lede={
          <>
            {speaker}
            {s.speakerTitle && <>, {s.speakerTitle}</>}
          </>
        }
      >
        <RecordDate date={s.saidOn} precision={s.saidPrecision} />
        {s.platform && <span>on {s.platform}</span>}
      </RecordHeading>
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
          <FactsSection>
            <Fact term="Speaker">{speaker}</Fact>
            {s.speakerTitle && <Fact term="Title at the time">{s.speakerTitle}</Fact>}
            <Fact term="Attribution">{label(ATTRIBUTION_LABELS, s.attribution)}</Fact>
            <Fact term="Medium">
              {label(MEDIUM_LABELS, s.medium)}
              {s.platform && ` (${s.platform})`}
            </Fact>
            <Fact term="Quote">{label(QUOTE_TYPE_LABELS, s.quoteType)}</Fact>
            <Fact term="Language">{languageName(s.language)}</Fact>
            <Fact term="Said">
              <RecordDate date={s.saidOn} precision={s.saidPrecision} />
              {s.saidTime && ` ${s.saidTime}`}
              {s.saidTime && s.timeZone && ` (${s.timeZone})`}
            </Fact>
            {s.event && <Fact term="At"><Link href={eventPath(s.event.slug)}>{s.event.title}</Link></Fact>}
          </FactsSection>
          <ChipSection id="countries" title="Countries" items={s.countries.map(({ country }) => ({ key: country.iso2, href: countryPath(country.iso2), name: country.name }))} />
          <ChipSection id="topics" title="Topics" items={s.topics.map(({ topic }) => ({ key: topic.slug, href: topicPath(topic.slug), name: topic.name }))} />
          <CiteThis title={s.title} date={s.firstPublishedAt ?? s.publishedAt} url={url} slug={s.slug} />
        </aside>
      </div>
    </article>
  );
}
