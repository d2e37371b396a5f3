import { describe, expect, it } from "vitest";
import { accountNoticeMessage, type AccountNotice } from "./send-account-notice";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const at = new Date("2026-12-06T21:05:09Z");
const context = { ip: "203.0.113.7", userAgent: FIREFOX };

describe("account notices", () => {
  it("say what changed, when and from where, and what to do if it was not the owner", () => {
    const cases: Array<[AccountNotice, string, string[]]> = [
      [{ kind: "password_changed" }, "Your Chancery password was changed", ["changed on 2026-12-06 21:05 UTC from Firefox on Windows at 203.0.113.7.", "Your other sessions have ended.", "/forgot-password"]],
      [{ kind: "password_reset" }, "Your Chancery password was reset", ["with a reset link on 2026-12-06 21:05 UTC", "Every session of yours has ended.", "/forgot-password"]],
      [{ kind: "two_factor_on" }, "Two-factor sign-in is on for your Chancery account", ["turned on for your Chancery account on 2026-12-06 21:05 UTC from Firefox on Windows", "who can reset two-factor sign-in"]],
      [{ kind: "two_factor_off" }, "Two-factor sign-in was turned off for your Chancery account", ["with the password alone", "/account."]],
      [{ kind: "two_factor_reset", byName: "Ada Admin" }, "Two-factor sign-in was reset for your Chancery account", ["Ada Admin, an administrator, turned two-factor sign-in off", "/account."]],
      [
        { kind: "email_changed", from: "old@example.org", to: "new@example.org", byName: "Ada Admin" },
        "Your Chancery account's email address was changed",
        ["Ada Admin, an administrator, changed the email address of your Chancery account on 2026-12-06 21:05 UTC, from old@example.org to new@example.org.", "tell an administrator"],
      ],
    ];
    for (const [notice, subject, phrases] of cases) {
      const message = accountNoticeMessage(notice, context, at);
      expect(message.subject, notice.kind).toBe(subject);
      for (const phrase of phrases) expect(message.text, notice.kind).toContain(phrase);
    }
  });

  it("leave out where from when the request said nothing of it, and the address when only that is missing", () => {
    expect(accountNoticeMessage({ kind: "password_changed" }, { ip: null, userAgent: null }, at).text).toContain("changed on 2026-12-06 21:05 UTC. Your other");
    expect(accountNoticeMessage({ kind: "password_changed" }, { ip: null, userAgent: FIREFOX }, at).text).toContain("from Firefox on Windows. Your other");
  });
});
