import type { NextRequest } from "next/server";
import { requireRole } from "@/lib/auth/require-role";
import { privateJson, readQuery, withErrors } from "@/lib/http/json-route";
import { RecordFactsQuerySchema, recordFacts } from "@/lib/lookup/record-facts";

export const dynamic = "force-dynamic";

/**
 * What a desk form fills in from a record chosen in a picker:
 * `?kind=person&id=…&on=2025-11-06` → `{ facts: { title, country } }`,
 * `?kind=event&id=…` → `{ facts: { date, precision, countries } }`.
 */
export const GET = withErrors(async (request: NextRequest) => {
  await requireRole("CONTRIBUTOR", "lookup");
  const query = readQuery(request, RecordFactsQuerySchema);
  return privateJson({ facts: await recordFacts(query) });
});
