import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { expect } from "@playwright/test";
import { freePort } from "./launcher";

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server (nodemailer's `smtp-server`) on a free local port, started
 * by the test: it accepts every message and keeps it parsed, so a spec can read
 * the mail Chancery sent the way a mailbox would.
 */
export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  waitForMail: (match: (m: ReceivedMail) => boolean, what: string) => Promise<ReceivedMail>;
  close: () => Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
          mails.push({ to, from: parsed.from?.text ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "" });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitForMail(match, what) {
      await expect.poll(() => mails.some(match), { message: `a mail: ${what}`, timeout: 15_000 }).toBe(true);
      return mails.find(match)!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
