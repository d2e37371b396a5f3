/** `npm run db:seed`: migrates, loads countries and the demo record, creates the first admin. */
import { EnvError, parseEnv } from "@/lib/env/schema";
import { prepareDatabase } from "@/lib/startup/prepare";

const log = (line: string) => console.log(`[chancery] ${line}`);

async function main() {
  const env = parseEnv(process.env);
  const database = await prepareDatabase({ env, log, seedDemo: true });
  if (database.generatedAdminPassword) log(`first admin ${database.adminEmail}, password: ${database.generatedAdminPassword}`);
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(`[chancery] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
