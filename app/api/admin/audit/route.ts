import { requireRole } from "@/lib/auth/require-role";
import { readQuery, withErrors } from "@/lib/http/json-route";
import { AuditFilterSchema, formatAuditLine, listAuditEntries } from "@/lib/audit/list-audit-entries";

export const dynamic = "force-dynamic";

/** One page of the audit log as JSON Lines (one entry per line), with the page's filters. */
export const GET = withErrors(async (request: Request) => {
  await requireRole("ADMIN", "api.admin.audit");
  const { entries, nextBefore } = await listAuditEntries(readQuery(request, AuditFilterSchema));
  const headers: Record<string, string> = { "content-type": "application/jsonl; charset=utf-8", "cache-control": "no-store" };
  if (nextBefore) headers["x-next-before"] = nextBefore;
  return new Response(entries.map(formatAuditLine).join("\n") + (entries.length ? "\n" : ""), { headers });
});
