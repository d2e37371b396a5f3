import { formatTimestamp } from "@/lib/format/date";
import { describeDevice } from "@/lib/auth/device";
import type { RequestContext } from "@/lib/auth/request-context";
import { absoluteUrl } from "@/lib/site/url";
import { sendMails } from "./mailer";

/**
 * What changed in the security of someone's account, told to them by mail so that a
 * change they did not make does not go unnoticed: the password (changed at /account or
 * reset with a link), the address the account signs in with (to the old address, the
 * one an intruder would not read), and two-factor sign-in turned on or off.
 */
export type AccountNotice =
  | { kind: "password_changed" }
  | { kind: "password_reset" }
  | { kind: "email_changed"; from: string; to: string; byName: string }
  | { kind: "two_factor_on" }
  | { kind: "two_factor_off" }
  | { kind: "two_factor_reset"; byName: string };


/** "from Firefox on Windows at 203.0.113.7", or nothing when the request said neither. */
function whence(context: RequestContext): string {
  if (!context.userAgent && !context.ip) return "";
  return ` from ${describeDevice(context.userAgent)}${context.ip ? ` at ${context.ip}` : ""}`;
}

export function accountNoticeMessage(notice: AccountNotice, context: RequestContext, at: Date): { subject: string; text: string } {
  const when = `on ${formatTimestamp(at)}`;
  const notYou = (what: string) => ["", "If this was you, there is nothing to do.", "", `If it was not, ${what}`];
  const reset = `reset your password now (${absoluteUrl("/forgot-password")}), and tell an administrator.`;
  switch (notice.kind) {
    case "password_changed":
      return {
        subject: "Your Chancery password was changed",
        text: [`The password of your Chancery account was changed ${when}${whence(context)}. Your other sessions have ended.`, ...notYou(`someone is signed in as you: ${reset}`)].join("\n"),
      };
    case "password_reset":
      return {
        subject: "Your Chancery password was reset",
        text: [`The password of your Chancery account was set anew with a reset link ${when}${whence(context)}. Every session of yours has ended.`, ...notYou(`someone could read the link: ${reset}`)].join("\n"),
      };
    case "email_changed":
      return {
        subject: "Your Chancery account's email address was changed",
        text: [
          `${notice.byName}, an administrator, changed the email address of your Chancery account ${when}, from ${notice.from} to ${notice.to}.`,
          "The account now signs in with the new address, and its mail goes there; this is the last mail to this one.",
          "",
          "If you did not expect this, tell an administrator.",
        ].join("\n"),
      };
    case "two_factor_on":
      return {
        subject: "Two-factor sign-in is on for your Chancery account",
        text: [`Two-factor sign-in was turned on for your Chancery account ${when}${whence(context)}: signing in now takes a code from an authenticator app as well as the password. Your other sessions have ended.`, ...notYou(`someone else's app now holds your codes: tell an administrator, who can reset two-factor sign-in.`)].join("\n"),
      };
    case "two_factor_off":
      return {
        subject: "Two-factor sign-in was turned off for your Chancery account",
        text: [`Two-factor sign-in was turned off for your Chancery account ${when}${whence(context)}: it now signs in with the password alone.`, ...notYou(`someone is signed in as you: ${reset} Then turn two-factor sign-in on again at ${absoluteUrl("/account")}.`)].join("\n"),
      };
    case "two_factor_reset":
      return {
        subject: "Two-factor sign-in was reset for your Chancery account",
        text: [
          `${notice.byName}, an administrator, turned two-factor sign-in off for your Chancery account ${when}, as is done for a lost phone. Every session of yours has ended; you sign in with your password alone until you turn it on again at ${absoluteUrl("/account")}.`,
          "",
          "If you did not ask for this, tell an administrator.",
        ].join("\n"),
      };
  }
}

/**
 * Mails a notice to the account's owner when SMTP_URL is set. Called after the change has
 * committed; it never delays or fails it (a mail server that is down costs a log line).
 */
export async function sendAccountNotice(to: { name: string; address: string }, notice: AccountNotice, context: RequestContext, at = new Date()): Promise<boolean> {
  const sent = await sendMails([{ to, ...accountNoticeMessage(notice, context, at) }], "an account notice");
  return sent === 1;
}
