import { test } from "@playwright/test";
import { e2eDatabaseUrl } from "./database";
import { cleanUp, freePort, launch, tempDataDir, waitUntilReady } from "./launcher";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

export interface MailingServer {
  baseURL: string;
  /** Its own database, as superuser (for staff written straight into it). */
  databaseUrl: string;
  /** The mailbox it sends to. */
  sink: SmtpSink;
  stop: () => Promise<void>;
}

/**
 * A Chancery of the spec's own (own ports, data folder and database) whose SMTP_URL points
 * at a real SMTP server the test runs, so its mail is read as a mailbox would read it.
 * The e2e server sends no mail; a spec about mail starts one of these in beforeAll.
 */
export async function startMailingServer(): Promise<MailingServer> {
  const sink = await startSmtpSink();
  const port = await freePort();
  const pgPort = await freePort();
  const dataDir = tempDataDir();
  const baseURL = `http://127.0.0.1:${port}`;
  const app = launch({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), CHANCERY_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: baseURL, SMTP_URL: sink.url, MAIL_FROM: "Chancery desk <desk@chancery.test>" });
  const stop = async () => {
    await cleanUp(app, dataDir);
    await sink.close();
  };
  try {
    await waitUntilReady(port, app, 200_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, databaseUrl: e2eDatabaseUrl({ dataDir, port: pgPort }), sink, stop };
}

/**
 * One mailing server for the tests of the calling file: started in its beforeAll, stopped in
 * its afterAll. The fields of what it returns are filled in once beforeAll has run.
 */
export function mailingServerForFile(): Omit<MailingServer, "stop"> {
  const server = {} as MailingServer;
  test.beforeAll(async () => {
    test.setTimeout(240_000); // a first start: cluster, migrations, demo record, on a machine other specs share
    Object.assign(server, await startMailingServer());
  });
  test.afterAll(async () => {
    await server.stop?.();
  });
  return server;
}
