import { formatTimestamp } from "@/lib/format/date";
import { sendMails } from "./mailer";

/** E-mails a password-reset link someone asked for with "Forgot password?". */
export async function sendPasswordResetEmail(options: { to: { name: string; address: string }; link: string; expiresAt: Date }): Promise<boolean> {
  const sent = await sendMails(
    [
      {
        to: options.to,
        subject: "Reset your Chancery password",
        text: [
          "Someone (we hope you) asked to reset the password of your Chancery account.",
          "",
          "Choose a new password here (the link works once):",
          options.link,
          "",
          `It expires on ${formatTimestamp(options.expiresAt)}.`,
          "If you did not ask for it, ignore this mail: your password stays as it is.",
        ].join("\n"),
      },
    ],
    "the password-reset link",
  );
  return sent === 1;
}
