import { getEnv } from "@/lib/env";

export interface Mail {
  to: string | { name: string; address: string };
  subject: string;
  text: string;
}

/** Whether this instance can send mail at all (SMTP_URL is set). */
export function isMailConfigured(): boolean {
  return !!getEnv().SMTP_URL;
}

/**
 * Sends each message through one SMTP connection, when SMTP_URL is set; returns
 * how many went out. Mail is never what a step depends on: a server that is down
 * or refuses costs a log line naming `what`, never the caller's work.
 */
export async function sendMails(messages: Mail[], what: string): Promise<number> {
  const env = getEnv();
  if (!env.SMTP_URL || messages.length === 0) return 0;
  let sent = 0;
  try {
    const { createTransport } = await import("nodemailer");
    const transport = createTransport(env.SMTP_URL);
    // One mail per person, so nobody sees the others' addresses.
    for (const message of messages) {
      await transport.sendMail({ from: env.MAIL_FROM, ...message });
      sent += 1;
    }
    transport.close();
  } catch (error) {
    console.error(`Could not e-mail ${what}:`, error instanceof Error ? error.message : "unknown error");
  }
  return sent;
}
