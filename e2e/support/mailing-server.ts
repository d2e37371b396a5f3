import { test as base } from "@playwright/test";
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
 * One mailing server for every spec file that asks for it in a worker: the mail specs
 * (forgot-password, review-conversation) run one after another on the own-server project's
 * one worker, and each only reads mail to addresses of its own, so they share a start-up
 * (cluster, migrations, demo record: 10.5 s on a quiet machine, about 30 s beside the rest of
 * the suite) instead of paying one each.
 * It stops when the worker does; a worker restarted after a failure starts a fresh one.
 */
export const test = base.extend<object, { mailingServer: MailingServer }>({
  mailingServer: [
    async ({}, use) => {
      const server = await startMailingServer();
      await use(server);
      await server.stop();
    },
    // A first start: cluster, migrations, demo record, on a machine other specs share.
    { scope: "worker", timeout: 240_000 },
  ],
});

/**
 * The worker's mailing server for the tests of the calling file (which must use this
 * module's `test`). The fields of what it returns are filled in once beforeAll has run.
 */
export function mailingServerForFile(): Omit<MailingServer, "stop"> {
  const server = {} as MailingServer;
  test.beforeAll(async ({ mailingServer }) => {
    Object.assign(server, mailingServer);
  });
  return server;
}
