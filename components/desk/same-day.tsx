"use client";

import { useEffect, useState } from "react";
import { NamesLike } from "./same-names";

interface SameDayRecord {
  id: string;
  label: string;
  detail: string;
}

const WAIT_MS = 400;

/**
 * What the record already holds on the day being entered (`GET /api/desk/lookup/same-day`):
 * for an event, the events of that day with the same countries (the place's, the participants',
 * a person's or organization's own); for a statement, its speaker's statements of that day. Asked
 * for as the fields change, so that two editors working from two wires see the call or the quote
 * the other recorded before they record it twice. A polite live region, like the namesakes under
 * a name (same-names.tsx); saving is never refused. `query` is null while there is nothing to
 * compare (no country, no speaker).
 */
export function SameDay({ kind, date, query, title }: { kind: "events" | "statements"; date: string; query: Record<string, string> | null; title: string }) {
  const [found, setFound] = useState<{ key: string; records: SameDayRecord[] }>({ key: "", records: [] });
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? date.trim() : "";
  const params = day && query ? new URLSearchParams({ kind, date: day, ...query }).toString() : "";
  useEffect(() => {
    if (!params) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/desk/lookup/same-day?${params}`, { signal: controller.signal, headers: { accept: "application/json" } });
        // A date the server does not take (30 February) is the date field's to say: nothing is shown.
        const body = response.ok ? ((await response.json()) as { records: SameDayRecord[] }) : { records: [] };
        setFound({ key: params, records: body.records });
      } catch {
        // Left or superseded: the next change asks again.
      }
    }, WAIT_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [params]);
  const records = params && found.key === params ? found.records : [];
  return <NamesLike title={title} plural={kind} records={records} />;
}

/** The event form's: the events of the day with these countries. */
export function SameDayEvents({ date, refs, except, type }: { date: string; refs: string[]; except: string | null; type: string }) {
  const query = refs.length ? { refs: refs.join(","), ...(except ? { except } : {}), ...(type ? { type } : {}) } : null;
  const title = except ? "Also recorded on this day with these countries:" : "Recorded already? Events of this day with these countries:";
  return <SameDay kind="events" date={date} query={query} title={title} />;
}

/** The statement form's: the speaker's statements of the day. */
export function SameDayStatements({ date, speaker, except }: { date: string; speaker: string | null; except: string | null }) {
  const query = speaker ? { speaker, ...(except ? { except } : {}) } : null;
  const title = except ? "Also said by this speaker on this day:" : "Said already? Statements by this speaker on this day:";
  return <SameDay kind="statements" date={date} query={query} title={title} />;
}
