import type { NextRequest } from "next/server";
import { requireRole } from "@/lib/auth/require-role";
import { privateJson, readQuery, withErrors } from "@/lib/http/json-route";
import { SameDayQuerySchema, sameDayEvents } from "@/lib/lookup/same-day-events";

export const dynamic = "force-dynamic";

/**
 * The events already recorded on a day with an event's countries, for the event form:
 * `?date=2025-11-06&refs=country:KZ,person:…&except=…&type=PHONE_CALL` → `{ events: [{ id, label, detail }] }`.
 */
export const GET = withErrors(async (request: NextRequest) => {
  await requireRole("CONTRIBUTOR", "lookup");
  const query = readQuery(request, SameDayQuerySchema);
  return privateJson({ events: await sameDayEvents(query) });
});
