"use client";

import { useEffect, useState } from "react";
import { NamesLike } from "./same-names";

interface SameDayEvent {
  id: string;
  label: string;
  detail: string;
}

const WAIT_MS = 400;

/**
 * The events already recorded on the day being entered with the same countries (the place's,
 * the participants', a person's or organization's own), asked for as the date and participants
 * change (`GET /api/desk/lookup/same-day`): two editors working from two wires then see the
 * call the other recorded before they record it twice. A polite live region, like the
 * namesakes under a name (same-names.tsx); saving is never refused.
 */
export function SameDayEvents({ date, refs, except, type }: { date: string; refs: string[]; except: string | null; type: string }) {
  const [found, setFound] = useState<{ key: string; events: SameDayEvent[] }>({ key: "", events: [] });
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? date.trim() : "";
  const params = day && refs.length ? new URLSearchParams({ date: day, refs: refs.join(","), ...(except ? { except } : {}), ...(type ? { type } : {}) }).toString() : "";
  useEffect(() => {
    if (!params) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/desk/lookup/same-day?${params}`, { signal: controller.signal, headers: { accept: "application/json" } });
        // A date the server does not take (30 February) is the date field's to say: nothing is shown.
        const body = response.ok ? ((await response.json()) as { events: SameDayEvent[] }) : { events: [] };
        setFound({ key: params, events: body.events });
      } catch {
        // Left or superseded: the next change asks again.
      }
    }, WAIT_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [params]);
  const events = params && found.key === params ? found.events : [];
  const title = except ? "Also recorded on this day with these countries:" : "Recorded already? Events of this day with these countries:";
  return <NamesLike title={title} plural="events" records={events} />;
}
