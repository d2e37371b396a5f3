import type { NextRequest } from "next/server";
import { requireRole } from "@/lib/auth/require-role";
import { privateJson, readQuery, withErrors } from "@/lib/http/json-route";
import { sameDayEvents, sameDaySchemaFor, sameDayStatements } from "@/lib/lookup/same-day";

export const dynamic = "force-dynamic";

/**
 * What the record already holds on a day, for the event and statement forms:
 * `?date=2025-11-06&refs=country:KZ,person:…&except=…&type=PHONE_CALL` → the events with those countries,
 * `?kind=statements&date=2025-11-06&speaker=…&except=…` → the speaker's statements; `{ records: [{ id, label, detail }] }`.
 */
export const GET = withErrors(async (request: NextRequest) => {
  await requireRole("CONTRIBUTOR", "lookup");
  const query = readQuery(request, sameDaySchemaFor(request.nextUrl.searchParams.get("kind")));
  return privateJson({ records: query.kind === "statements" ? await sameDayStatements(query) : await sameDayEvents(query) });
});
