import { formatTimestamp } from "@/lib/format/date";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { sendMails } from "./mailer";

/**
 * E-mails an invitation link when SMTP_URL is set; returns whether it was sent.
 * Without SMTP the admin passes the link on, so a failure here never fails the
 * invitation itself (the link is shown either way).
 */
export async function sendInvitationEmail(options: { to: string; role: Role; link: string; expiresAt: Date }): Promise<boolean> {
  const sent = await sendMails(
    [
      {
        to: options.to,
        subject: "You are invited to Chancery",
        text: [
          `You have been invited to the Chancery desk as ${ROLE_LABELS[options.role].toLowerCase()}.`,
          "",
          "Choose your name and password here (the link works once):",
          options.link,
          "",
          `It expires on ${formatTimestamp(options.expiresAt)}.`,
        ].join("\n"),
      },
    ],
    "the invitation",
  );
  return sent === 1;
}
