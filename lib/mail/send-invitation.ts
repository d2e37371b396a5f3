import { getEnv } from "@/lib/env";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * E-mails an invitation link when SMTP_URL is set; returns whether it was sent.
 * Without SMTP the admin passes the link on, so a failure here never fails the
 * invitation itself (the link is shown either way).
 */
export async function sendInvitationEmail(options: { to: string; role: Role; link: string; expiresAt: Date }): Promise<boolean> {
  const env = getEnv();
  if (!env.SMTP_URL) return false;
  try {
    const { createTransport } = await import("nodemailer");
    const transport = createTransport(env.SMTP_URL);
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: options.to,
      subject: "You are invited to Chancery",
      text: [
        `You have been invited to the Chancery desk as ${ROLE_LABELS[options.role].toLowerCase()}.`,
        "",
        "Choose your name and password here (the link works once):",
        options.link,
        "",
        `It expires on ${options.expiresAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`,
      ].join("\n"),
    });
    return true;
  } catch (error) {
    console.error("Could not e-mail the invitation:", error instanceof Error ? error.message : "unknown error");
    return false;
  }
}
