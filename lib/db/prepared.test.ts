import { describe, expect, it } from "vitest";
import { PREPARED, createDb } from "./client";

type Prepared = { name: string; statement: string; runs: number };

describe("PREPARED statements", () => {
  it("are prepared once on a connection and run again from there; unmarked ones never are", async () => {
    const db = createDb(process.env.DATABASE_URL!, { max: 1 });
    try {
      const tag = `t${process.pid}_${Date.now()}`;
      const seen: number[] = [];
      for (let i = 0; i < 7; i++) {
        const [row] = await db.$queryRaw<Array<{ n: number }>>`${PREPARED}SELECT ${i}::int AS n, ${tag}::text AS first`;
        seen.push(row!.n);
      }
      // Another marked text gets a name of its own (pg refuses one name for two texts).
      const [other] = await db.$queryRaw<Array<{ tag: string }>>`${PREPARED}SELECT ${tag}::text AS tag, 'second' AS second`;
      await db.$queryRaw`SELECT ${tag}::text AS unmarked`;
      const prepared = await db.$queryRaw<Prepared[]>`
        SELECT name, statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements ORDER BY statement`;

      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(other!.tag).toBe(tag);
      expect(prepared.map((p) => p.statement.includes("AS first"))).toEqual([true, false]);
      expect(prepared[0]).toMatchObject({ runs: 7, name: expect.stringMatching(/^chancery_[0-9a-f]{24}$/) });
      expect(prepared[1]!.statement).toContain("AS second");
      expect(prepared[1]!.name).not.toBe(prepared[0]!.name);
      expect(prepared.some((p) => p.statement.includes("unmarked") || p.statement.includes("pg_prepared_statements"))).toBe(false);
    } finally {
      await db.$disconnect();
    }
  });
});
