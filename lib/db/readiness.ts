import "server-only";
import { db } from "./client";
import { readLocalMigrations } from "./migrate";

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Ready when the database answers and every migration this code knows is applied. */
export async function checkReadiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code;
    if (code === "42P01" || /_prisma_migrations/.test(String(error))) {
      return { ready: false, reason: "The database has no migrations applied yet." };
    }
    return { ready: false, reason: "The database does not answer." };
  }
  const pending = (await readLocalMigrations()).filter((m) => !applied.has(m.name)).map((m) => m.name);
  if (pending.length > 0) return { ready: false, reason: `Migrations not applied: ${pending.join(", ")}` };
  return { ready: true };
}
