/**
 * `npm run import:items -- FILE`: the desk's bulk import from the command line
 * (docs/import.md). It checks every row and prints the report; with --yes it then
 * imports, in batches, as the editor or admin named by --as (default ADMIN_EMAIL),
 * through the same rules, revisions and audit rows as /dashboard/import.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import { EnvError, parseEnv } from "@/lib/env/schema";
import { isAppError } from "@/lib/errors/app-error";
import { MAPPING_LABELS } from "@/lib/import/mappings";
import { planImport } from "@/lib/import/plan-import";
import { reportCsv } from "@/lib/import/report-csv";
import { importFile } from "@/lib/import/run-import";
import { databaseForScript } from "./database-for-script";

const log = (line: string) => console.error(`[chancery] ${line}`);

const USAGE = `npm run import:items -- FILE [--kind events|statements] [--yes] [--create-new] [--publish] [--leave-out-recorded] [--as EMAIL] [--report OUT.csv]`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: "string", default: "events" },
      yes: { type: "boolean", default: false },
      "create-new": { type: "boolean", default: false },
      "leave-out-recorded": { type: "boolean", default: false },
      publish: { type: "boolean", default: false },
      as: { type: "string" },
      report: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error(`Give one file: ${USAGE}`);
  if (values.kind !== "events" && values.kind !== "statements") throw new Error("--kind is events or statements.");
  const text = await readFile(file, "utf8").catch(() => {
    throw new Error(`There is no file ${file}.`);
  });
  const env = parseEnv(process.env);
  const database = await databaseForScript(env, log);
  process.env.DATABASE_URL = database.url;
  try {
    const email = (values.as ?? env.ADMIN_EMAIL).trim().toLowerCase();
    const user = await db.user.findUnique({ where: { email } });
    if (!user || !user.isActive) throw new Error(`No active user ${email}: name an editor or admin with --as.`);
    const actor = { id: user.id, email: user.email, role: user.role };
    const request = { kind: values.kind, fileName: path.basename(file), text } as const;

    const plan = await planImport(request);
    log(`${plan.rows.length.toLocaleString("en")} rows read as ${MAPPING_LABELS[plan.mapping]}: ${plan.counts.ready} ready, ${plan.counts["needs-new"]} need a new name, ${plan.counts.invalid} with problems, ${plan.counts.unchanged} imported before`);
    if (plan.unreadColumns.length) log(`columns not read: ${plan.unreadColumns.join(", ")}`);
    for (const row of plan.rows) for (const p of row.problems) log(`row ${row.line}, ${p.column}: ${p.message}`);
    const recorded = plan.rows.filter((r) => r.recorded && (r.status === "ready" || r.status === "needs-new"));
    for (const r of recorded) log(`row ${r.line} may be recorded already as “${r.recorded!.label}” (${r.recorded!.detail})${values["leave-out-recorded"] ? ": left out" : ""}`);
    if (recorded.length && !values["leave-out-recorded"]) log(`${recorded.length} rows may be recorded already; they are imported all the same (add --leave-out-recorded to leave them out)`);
    for (const p of plan.proposals) log(`new ${p.kind} proposed: ${p.name}${p.wikidataId ? ` (${p.wikidataId})` : ""}, rows ${p.lines.join(", ")}${values["create-new"] ? "" : " (add --create-new to create it)"}`);
    if (!values.yes) {
      if (values.report) await writeFile(values.report, reportCsv(plan.rows.map((r) => ({ ...r, outcome: r.status }))));
      log("dry run: nothing was written. Add --yes to import.");
      return;
    }
    const tty = process.stderr.isTTY;
    const started = Date.now();
    const results = await importFile({
      actor,
      request,
      createKeys: values["create-new"] ? plan.proposals.map((p) => p.key) : [],
      publish: values.publish,
      leaveOut: values["leave-out-recorded"] ? recorded.map((r) => r.line) : [],
      onProgress(done, total) {
        const width = 30;
        const bar = "#".repeat(Math.round((done / total) * width)).padEnd(width, ".");
        const line = `[chancery] importing [${bar}] ${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
        if (tty) process.stderr.write(`\r\x1b[2K${line}${done === total ? "\n" : ""}`);
        else console.error(line);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    const tally = new Map<string, number>();
    results.forEach((r) => tally.set(r.outcome, (tally.get(r.outcome) ?? 0) + 1));
    log(`done in ${seconds.toFixed(1)} s: ${[...tally].map(([k, v]) => `${v} ${k}`).join(", ")}`);
    for (const r of results) for (const p of r.problems) log(`row ${r.line} (${r.outcome}), ${p.column}: ${p.message}`);
    if (values.report) await writeFile(values.report, reportCsv(results));
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  const message = isAppError(error) || error instanceof EnvError || error instanceof Error ? error.message : String(error);
  console.error(`[chancery] ${message}`);
  process.exit(1);
});
