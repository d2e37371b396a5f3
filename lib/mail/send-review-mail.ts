import { db } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/site/url";
import type { Actor } from "@/lib/users/actor";
import { isMailConfigured, sendMails } from "./mailer";
import { actorName } from "@/lib/users/actor-name";

export type ReviewMailStep = "submit" | "request_changes" | "publish";

/**
 * Who hears of a step in the review conversation: editors when something is
 * submitted, the author when it is published or sent back. Never the person
 * who took the step, and never someone deactivated.
 */
async function recipientsOf(step: ReviewMailStep, options: { actor: Actor; authorId: string | null }) {
  if (step === "submit") {
    return db.user.findMany({
      where: { isActive: true, role: { in: ["EDITOR", "ADMIN"] }, id: { not: options.actor.id } },
      select: { email: true, name: true },
      take: 200,
    });
  }
  if (!options.authorId || options.authorId === options.actor.id) return [];
  return db.user.findMany({ where: { id: options.authorId, isActive: true }, select: { email: true, name: true } });
}

function messageOf(step: ReviewMailStep, options: { noun: string; title: string; actorName: string; note: string | null; link: string }) {
  const { noun, title, actorName, note, link } = options;
  const said = note ? ["", `${actorName} wrote:`, ...note.split("\n").map((line) => `> ${line}`)] : [];
  switch (step) {
    case "submit":
      return { subject: `For review: ${title}`, text: [`${actorName} submitted the ${noun} “${title}” for review.`, ...said, "", `Review it here: ${link}`].join("\n") };
    case "request_changes":
      return { subject: `Changes requested: ${title}`, text: [`${actorName} sent your ${noun} “${title}” back with a request for changes.`, ...said, "", `Open it here: ${link}`].join("\n") };
    case "publish":
      return { subject: `Published: ${title}`, text: [`${actorName} published your ${noun} “${title}”.`, "", `Open it here: ${link}`].join("\n") };
  }
}

/**
 * E-mails the people a review step concerns, when SMTP_URL is set. It runs after
 * the step has committed and never fails it: a mail server that is down costs a
 * log line, not an editor's publish.
 */
export async function sendReviewMail(options: {
  step: ReviewMailStep;
  actor: Actor;
  authorId: string | null;
  noun: string;
  title: string;
  deskPath: string;
  note: string | null;
}): Promise<number> {
  if (!isMailConfigured()) return 0;
  try {
    const recipients = await recipientsOf(options.step, options);
    if (recipients.length === 0) return 0;
    const message = messageOf(options.step, {
      noun: options.noun,
      title: options.title,
      actorName: await actorName(options.actor),
      note: options.note,
      link: absoluteUrl(options.deskPath),
    });
    return await sendMails(recipients.map((to) => ({ to: { name: to.name, address: to.email }, ...message })), "the review step");
  } catch (error) {
    console.error("Could not e-mail the review step:", error instanceof Error ? error.message : "unknown error");
    return 0;
  }
}
