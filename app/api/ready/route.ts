import { connection } from "next/server";
import { checkReadiness } from "@/lib/db/readiness";

/** Readiness: 200 only when the database answers and all migrations are applied. */
export async function GET() {
  await connection();
  const result = await Promise.race([
    checkReadiness(),
    new Promise<{ ready: false; reason: string }>((resolve) =>
      setTimeout(() => resolve({ ready: false, reason: "The database did not answer within 3 seconds." }), 3_000),
    ),
  ]);
  const headers = { "Cache-Control": "no-store" };
  return result.ready
    ? Response.json({ status: "ready" }, { headers })
    : Response.json({ status: "not ready", reason: result.reason }, { status: 503, headers });
}
