import { timingSafeEqual } from "node:crypto";
import { publishDueItems } from "@/lib/jobs/publish-due";

/**
 * Called every few seconds by the launcher (scripts/start.ts) with a token only it
 * knows: publishes what is due. Not part of the public API.
 */
export async function POST(request: Request) {
  const expected = process.env.CHANCERY_INTERNAL_TOKEN ?? "";
  const given = request.headers.get("x-chancery-internal") ?? "";
  const ok =
    expected.length > 0 &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) return Response.json({ error: "Not found" }, { status: 404 });
  // Each item goes live through the one publish rule, which also expires its public pages.
  const published = await publishDueItems();
  return Response.json({ published: published.events.length + published.statements.length });
}
