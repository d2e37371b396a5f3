/**
 * `npm run user:create -- --email ada@example.org --role ADMIN [--name "Ada L."] [--generate]`
 *
 * Creates a staff account, or recovers an existing one (new password, role, active,
 * unlocked, sessions ended). The password is asked for on a terminal (twice, not
 * echoed), read from the first line of standard input when it is not a terminal,
 * or generated and printed once with --generate (or when standard input is empty).
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { generatePassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db/client";
import path from "node:path";
import { embeddedUrl, readEmbeddedCredentials } from "@/lib/db/embedded";
import { APP_ROLE } from "@/lib/db/roles";
import { prepareDatabase } from "@/lib/startup/prepare";
import { isPortOpen } from "./port";
import { EnvError, parseEnv } from "@/lib/env/schema";
import { isAppError } from "@/lib/errors/app-error";
import { createOrRecoverUser } from "@/lib/users/create-user";

const log = (line: string) => console.error(`[chancery] ${line}`);

async function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Print the question, then swallow the echo of what is typed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) {
      process.stderr.write(s);
      asked = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stderr.write("\n");
  return answer;
}

async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function choosePassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  if (generate) return { password: generatePassword(), generated: true };
  if (process.stdin.isTTY) {
    const first = await askHidden("Password (at least 8 characters, not a common one): ");
    const second = await askHidden("The same password again: ");
    if (first !== second) throw new Error("The two passwords differ.");
    return { password: first, generated: false };
  }
  const line = await readFirstLine();
  return line ? { password: line, generated: false } : { password: generatePassword(), generated: true };
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "ADMIN" },
      name: { type: "string" },
      generate: { type: "boolean", default: false },
    },
  });
  if (!values.email) throw new Error("Give --email, e.g. npm run user:create -- --email ada@example.org --role ADMIN");
  const env = parseEnv(process.env);
  const { password, generated } = await choosePassword(values.generate ?? false);

  // A running Chancery owns its embedded database: use it rather than start a second one.
  let url = env.DATABASE_URL;
  let stop = async () => {};
  const credentials = readEmbeddedCredentials(path.resolve(env.CHANCERY_DATA_DIR));
  if (!url && credentials && (await isPortOpen(env.EMBEDDED_PG_PORT))) {
    url = embeddedUrl({ port: env.EMBEDDED_PG_PORT, user: APP_ROLE, password: credentials.app, database: "chancery" });
  }
  if (!url) {
    const prepared = await prepareDatabase({ env, log, seedDemo: false });
    url = prepared.url;
    stop = prepared.stop;
    // On an empty database, start-up's first admin was just made too: say so once.
    if (prepared.generatedAdminPassword) log(`also created the first admin ${prepared.adminEmail}, password: ${prepared.generatedAdminPassword}`);
  }
  const db = createDb(url, { max: 1 });
  try {
    const name = values.name?.trim() || values.email.split("@")[0]!;
    const result = await createOrRecoverUser(db, { email: values.email, name, role: values.role as never, password });
    log(`${result.created ? "created" : "recovered"} ${values.email.trim().toLowerCase()} as ${values.role}`);
    if (generated) console.log(`password: ${password}`);
  } finally {
    await db.$disconnect();
    await stop();
  }
}

main().catch((error: unknown) => {
  if (isAppError(error)) {
    const details = Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
    console.error(`[chancery] ${details.join("; ") || error.message}`);
  } else {
    console.error(`[chancery] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
