import { requireRole } from "@/lib/auth/require-role";
import { withErrors } from "@/lib/http/json-route";
import { AppError } from "@/lib/errors/app-error";
import { AuditFilterSchema, formatAuditLine, listAuditEntries } from "@/lib/audit/list-audit-entries";

export const dynamic = "force-dynamic";

/** One page of the audit log as JSON Lines (one entry per line), with the page's filters. */
export const GET = withErrors(async (request: Request) => {
  await requireRole("ADMIN", "api.admin.audit");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = AuditFilterSchema.safeParse(query);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { entries, nextBefore } = await listAuditEntries(parsed.data);
  const headers: Record<string, string> = { "content-type": "application/jsonl; charset=utf-8", "cache-control": "no-store" };
  if (nextBefore) headers["x-next-before"] = nextBefore;
  return new Response(entries.map(formatAuditLine).join("\n") + (entries.length ? "\n" : ""), { headers });
});
