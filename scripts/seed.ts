/** `npm run db:seed`: migrates, loads countries and the demo record, creates the first admin. */
import { parseEnv } from "@/lib/env/schema";
import { prepareDatabase } from "@/lib/startup/prepare";
import { runCommand } from "./command";

const log = (line: string) => console.log(`[chancery] ${line}`);

async function main() {
  const env = parseEnv(process.env);
  const database = await prepareDatabase({ env, log, seedDemo: true });
  if (database.generatedAdminPassword) log(`first admin ${database.adminEmail}, password: ${database.generatedAdminPassword}`);
  await database.stop();
}

runCommand(main);
