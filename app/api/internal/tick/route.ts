import { timingSafeEqual } from "node:crypto";
import { revalidatePublicRecord } from "@/lib/cache/revalidate";
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
  const published = await publishDueItems();
  const count = published.events.length + published.statements.length;
  if (count > 0) {
    // Items that just went live must show on the cached public pages, lists and feeds.
    const expired = await revalidatePublicRecord({
      events: published.events.map((e) => e.slug),
      statements: published.statements.map((s) => s.slug),
      corrections: true,
    });
    // Published either way; the launcher logs a failed tick, and the expiry is retried.
    if (!expired.ok) return Response.json({ published: count, error: expired.error.message }, { status: 500 });
  }
  return Response.json({ published: count });
}
