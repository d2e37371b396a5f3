import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors/app-error";
import { notePresence, PresenceRequestSchema } from "@/lib/desk/presence";
import { privateJson, readJsonBody, withErrors } from "@/lib/http/json-route";

type Context = { params: Promise<{ kind: string; id: string }> };

/**
 * The record's page says it is open ({}) or leaving ({ "leaving": true }); the answer is who
 * else has it open: { others: [{ name, role, openedAt }] }. Anyone who may open the page may
 * ask (contributors read every record in the desk).
 */
export const POST = withErrors(async (request: Request, context: Context) => {
  const user = await requireRole("CONTRIBUTOR", "POST /api/desk/[kind]/[id]/presence");
  const { kind, id } = await context.params;
  const parsed = PresenceRequestSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((issue) => issue.message).join("; "));
  const others = await notePresence({ plural: kind, id, actor: user, leaving: parsed.data.leaving });
  return privateJson({ ok: true, others });
});
