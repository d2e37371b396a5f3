import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/public/copy-button";
import { RecordSection } from "@/components/public/record-section";
import { RecordTrail } from "@/components/public/record-trail";
import styles from "@/components/public/record.module.css";
import { apiEndpoints, buildOpenApiDocument } from "@/lib/api/openapi";
import { buildPlaceholder } from "@/lib/cache/runtime-page";
import { isBuildPhase } from "@/lib/env/build-phase.mjs";
import { feedPaths } from "@/lib/feeds/follow";
import { pageTrail } from "@/lib/site/paths";
import { siteOrigin } from "@/lib/site/url";
import page from "./data.module.css";

export const metadata: Metadata = {
  title: "Open data",
  description:
    "The published record for programs as well as people: feeds, a calendar, a JSON API with its OpenAPI document, and CSV. Free, with no key.",
  alternates: { canonical: "/data" },
};

const FEED_FORMATS = [
  ["RSS 2.0", "rss"],
  ["Atom", "atom"],
  ["JSON Feed", "json"],
] as const;

const LICENCE_URLS: Record<string, string> = {
  "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
};

/**
 * What the record offers to programs, for the people who write them: the feeds, the
 * calendar, the API and its CSV. The endpoints and their parameters are read from the
 * OpenAPI document the API itself serves (lib/api/openapi.ts), so this page cannot
 * promise a parameter the API does not take. Rendered at the first request, like the
 * other pages without a record of their own, since its examples carry the site's origin.
 */
export default async function OpenDataPage() {
  if (isBuildPhase()) return buildPlaceholder();
  const origin = siteOrigin();
  const document = buildOpenApiDocument(origin);
  const endpoints = apiEndpoints(document);
  const licence = document.info.license;
  const example = `${origin}/api/v1/events?country=kz&limit=2`;
  const events = feedPaths("events");
  const statements = feedPaths("statements");
  const kazakhstan = feedPaths("events", "country=kz");

  return (
    <div className={styles.page}>
      <RecordTrail trail={pageTrail({ name: "Open data", href: "/data" })} />
      <h1 className={styles.title}>Open data</h1>
      <p className={styles.lede}>
        Everything published here can be read by a program as well as by a person: free, with no key
        and no sign-in. Only what is published is there; drafts and changes under review never are.
      </p>

      <div className={page.sections}>
        <RecordSection id="feeds" title="Feeds">
          <p>
            New events and statements as they are published, for a feed reader or a newsroom&apos;s
            tools.
          </p>
          <dl className={page.feeds}>
            {(
              [
                ["Events", events],
                ["Statements", statements],
              ] as const
            ).map(([list, paths]) => (
              <div key={list}>
                <dt>{list}</dt>
                <dd>
                  <ul>
                    {FEED_FORMATS.map(([format, key]) => (
                      <li key={key}>
                        <a href={paths[key]}>
                          <code>{paths[key]}</code>
                        </a>{" "}
                        <span className="muted">{format}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
          <p>
            A feed takes the filters of its list (<code>country</code>, <code>topic</code>,{" "}
            <code>agreement</code>, <code>type</code> or <code>speaker</code>):{" "}
            <a href={kazakhstan.rss}>events involving Kazakhstan</a> is{" "}
            <code>{kazakhstan.rss}</code>. Every list and record page links the feeds of what it
            shows.
          </p>
          <p>
            <a href="/calendar.ics">
              <code>/calendar.ics</code>
            </a>{" "}
            is the calendar of scheduled events, for a calendar app to subscribe to. It takes the
            events&apos; filters as their feeds do:{" "}
            <a href={kazakhstan.calendar!}>
              <code>{kazakhstan.calendar}</code>
            </a>{" "}
            holds the upcoming events involving Kazakhstan, and each list and record page of events
            links its own.
          </p>
        </RecordSection>

        <RecordSection id="api" title="The API">
          <p>
            Read-only JSON at <code>{origin}/api/v1</code>, open to any website (CORS). The events
            of Kazakhstan, two at a time:
          </p>
          <pre className={page.example} id="api-example">
            curl &apos;{example}&apos;
          </pre>
          <p className={page.exampleActions}>
            <CopyButton targetId="api-example" label="Copy the example" />
            <a href={example}>Open the answer</a>
          </p>
          <ul className={page.rules}>
            <li>
              <strong>Paging.</strong> Lists come a page at a time, newest first (up to 100 items
              with <code>limit</code>). An answer&apos;s <code>next</code> is the address of the
              next page, also sent in a <code>Link</code> header; it is <code>null</code> on the
              last.
            </li>
            <li>
              <strong>Caching.</strong> Every answer has an <code>ETag</code>: send it back in{" "}
              <code>If-None-Match</code>, and an answer that has not changed is a <code>304</code>{" "}
              with no body.
            </li>
            <li>
              <strong>Errors.</strong> A wrong parameter is a <code>400</code> whose JSON names the
              parameter and says what is wrong; an unknown key is a <code>404</code>; a retracted
              event or statement is a <code>410</code> with the reason. A <code>503</code> means the
              database is too busy: ask again after <code>Retry-After</code> seconds.
            </li>
            <li>
              <strong>The contract.</strong>{" "}
              <a href="/api/v1/openapi.json">The OpenAPI 3.1 document</a> describes every parameter
              and field; a client generator (openapi-typescript, OpenAPI Generator) makes a typed
              client from it. Answers may gain fields; a client should ignore the ones it does not
              know.
            </li>
          </ul>
        </RecordSection>

        <RecordSection id="endpoints" title="Endpoints">
          <p>
            Each is a <code>GET</code> under <code>/api/v1</code>. <code>{"{key}"}</code> is an
            item&apos;s slug or id (a country&apos;s two-letter code).
          </p>
          <ul className={page.endpoints}>
            {endpoints.map((endpoint) => {
              const query = endpoint.parameters.filter((p) => p.name !== "key");
              return (
                <li key={endpoint.path} className={page.endpoint}>
                  <h3 className={page.path}>
                    <code>/api/v1{endpoint.path}</code>
                  </h3>
                  <p>{endpoint.summary}.</p>
                  {query.length > 0 && (
                    <details className={page.parameters}>
                      <summary>
                        Parameters of <code>{endpoint.path}</code> ({query.length})
                      </summary>
                      <dl>
                        {query.map((p) => (
                          <div key={p.name}>
                            <dt>
                              <code>{p.name}</code>
                            </dt>
                            <dd>{p.description}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </RecordSection>

        <RecordSection id="csv" title="CSV">
          <p>
            <a href={events.csv!}>
              <code>{events.csv}</code>
            </a>{" "}
            gives the rows of <code>/api/v1/events</code> as CSV for a spreadsheet, with the same
            filters and paging (the next page&apos;s address is in the <code>Link</code> header).
            The events list links the CSV of what it shows.
          </p>
        </RecordSection>

        <RecordSection id="reuse" title="Reuse">
          <p>
            The record is open data under{" "}
            {LICENCE_URLS[licence.identifier] ? (
              <a href={LICENCE_URLS[licence.identifier]}>
                {licence.identifier.replaceAll("-", " ")}
              </a>
            ) : (
              licence.identifier
            )}
            : use it, credit Chancery and link to the item. Every event and statement page says how
            to cite it, and each fact names its sources: cite those too. What we correct is listed
            on <Link href="/corrections">the corrections page</Link>.
          </p>
        </RecordSection>
      </div>
    </div>
  );
}
