import type { NextRequest } from "next/server";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors/app-error";
import { privateJson, withErrors } from "@/lib/http/json-route";
import { LookupQuerySchema, searchEntities } from "@/lib/lookup/search-entities";

export const dynamic = "force-dynamic";

/** The desk's pickers: `?kind=person&q=rub&limit=10` → `{ results: [{ id, label, detail? }] }`. */
export const GET = withErrors(async (request: NextRequest) => {
  await requireRole("CONTRIBUTOR", "lookup");
  const parsed = LookupQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      parameter: issue.path.length ? issue.path.join(".") : ((issue as { keys?: string[] }).keys ?? []).join(", "),
      message: issue.code === "unrecognized_keys" ? `unknown parameter: ${(issue as { keys?: string[] }).keys?.join(", ")}` : issue.message,
    }));
    throw new AppError("INVALID", `Bad query parameter: ${issues.map((i) => `${i.parameter} (${i.message})`).join("; ")}`, {}, { issues });
  }
  return privateJson({ results: await searchEntities(parsed.data) });
});
