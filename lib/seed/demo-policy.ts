import type { Db } from "@/lib/db/client";
import { demoEvents } from "./demo-record";

/**
 * Whether start-up may load the demo record here: into an empty record, and to
 * keep it current where it already is — never into a record that grew without
 * it, such as a newsroom's archive restored from a backup.
 */
export async function shouldLoadDemoRecord(db: Db): Promise<boolean> {
  const [events, statements, people, organizations, agreements] = await Promise.all([
    db.event.count(),
    db.statement.count(),
    db.person.count(),
    db.organization.count(),
    db.agreement.count(),
  ]);
  if (events + statements + people + organizations + agreements === 0) return true;
  return (await db.event.count({ where: { slug: { in: demoEvents.map((e) => e.slug) } } })) > 0;
}
