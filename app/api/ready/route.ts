import { connection } from "next/server";
import { checkReadiness } from "@/lib/db/readiness";
import { checkServing } from "@/lib/health/serving";

/**
 * Readiness: 200 only when the database answers, all migrations are applied, and
 * this process can still do what a reader's request does.
 */
export async function GET() {
  await connection();
  const result = await Promise.race([
    checkReadiness().then((database) => (database.ready ? checkServing() : database)),
    new Promise<{ ready: false; reason: string }>((resolve) =>
      setTimeout(() => resolve({ ready: false, reason: "The database did not answer within 3 seconds." }), 3_000),
    ),
  ]);
  const headers = { "Cache-Control": "no-store" };
  return result.ready
    ? Response.json({ status: "ready" }, { headers })
    : Response.json({ status: "not ready", reason: result.reason }, { status: 503, headers });
}
