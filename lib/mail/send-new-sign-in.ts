import { formatTimestamp } from "@/lib/format/date";
import { describeDevice } from "@/lib/auth/device";
import { absoluteUrl } from "@/lib/site/url";
import { sendMails } from "./mailer";

/** The text of the mail: what signed in, from where and when, and what to do if it was not them. */
export function newSignInMessage(options: { userAgent: string | null; ip: string | null; at: Date }) {
  return {
    subject: "New sign-in to your Chancery account",
    text: [
      "Your Chancery account was just signed in to from a browser it had not been used from before.",
      "",
      `  Browser: ${describeDevice(options.userAgent)}`,
      `  Address: ${options.ip ?? "not known"}`,
      `  Time:    ${formatTimestamp(options.at)}`,
      "",
      "If this was you, there is nothing to do.",
      "",
      "If it was not, someone knows your password. Sign in, change your password and end that session",
      `under "Where you are signed in": ${absoluteUrl("/account")}`,
      `If you cannot sign in, reset your password here: ${absoluteUrl("/forgot-password")}`,
      "and tell an administrator.",
    ].join("\n"),
  };
}

/**
 * Tells someone their account was signed in to from a new browser (lib/auth/authenticate.ts),
 * when SMTP_URL is set. It is sent after the sign-in has committed and never fails it.
 */
export async function sendNewSignInMail(options: { to: { name: string; address: string }; userAgent: string | null; ip: string | null; at: Date }): Promise<boolean> {
  const sent = await sendMails([{ to: options.to, ...newSignInMessage(options) }], "the new sign-in notice");
  return sent === 1;
}
