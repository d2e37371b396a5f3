import type { NextRequest } from "next/server";
import { requireRole } from "@/lib/auth/require-role";
import { privateJson, readQuery, withErrors } from "@/lib/http/json-route";
import { LookupQuerySchema, searchEntities } from "@/lib/lookup/search-entities";

export const dynamic = "force-dynamic";

/** The desk's pickers: `?kind=person&q=rub&limit=10` → `{ results: [{ id, label, detail? }] }`. */
export const GET = withErrors(async (request: NextRequest) => {
  await requireRole("CONTRIBUTOR", "lookup");
  const query = readQuery(request, LookupQuerySchema);
  return privateJson({ results: await searchEntities(query) });
});
