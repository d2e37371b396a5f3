import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { mailingServerForFile, test } from "../support/mailing-server";
import { createStaff as createStaffIn } from "./helpers/staff";

/**
 * The review conversation end to end, with a contributor and an editor, and the
 * e-mails they receive. It runs on a Chancery of its own worker's (shared with the other
 * mail spec) whose SMTP_URL points at a real SMTP server the test runs, so the mail is read
 * as a mailbox would read it.
 */
test.describe.configure({ mode: "serial" });

const server = mailingServerForFile();

const createStaff = (role: "CONTRIBUTOR" | "EDITOR", name: string) => createStaffIn(role, name, server.databaseUrl);

async function deskPage(browser: Browser, staff: { email: string; password: string }, width: number) {
  return signedInPage(browser, staff, { baseURL: server.baseURL, viewport: { width, height: width < 500 ? 844 : 900 }, isMobile: width < 500, hasTouch: width < 500 });
}

/** Where a desk link in a mail points, as a path on this server. */
function deskLinkIn(text: string): string {
  const link = text.match(/https?:\/\/\S+\/dashboard\/events\/[A-Za-z0-9]+/)?.[0];
  expect(link, `a desk link in:\n${text}`).toBeTruthy();
  return new URL(link!).pathname;
}

async function fillDraft(page: Page, title: string) {
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary", { exact: true }).fill("Kazakhstan's president met the US president at the White House.");
  await page.getByLabel("Type", { exact: true }).selectOption("MEETING");
  await page.getByLabel("Date", { exact: true }).fill("2025-11-06");
  const source = page.getByRole("group", { name: "Source 1" });
  await source.getByLabel("Source URL").fill("https://www.whitehouse.gov/briefings-statements/2025/11/readout");
  await source.getByLabel("Source title").fill("Readout of the President's meeting with President Tokayev");
}

for (const viewport of [
  { name: "desktop", width: 1280 },
  { name: "phone", width: 390 },
]) {
  test(`submit with a note → request changes → resubmit → publish, with the e-mails (${viewport.name})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const tag = randomUUID().slice(0, 6);
    const author = await createStaff("CONTRIBUTOR", `Aigerim Author ${tag}`);
    const editor = await createStaff("EDITOR", `Eldar Editor ${tag}`);
    const title = `Tokayev meets Trump at the White House ${tag}`;
    const a = await deskPage(browser, author, viewport.width);
    const e = await deskPage(browser, editor, viewport.width);

    // The author drafts and submits with a note for the reviewer.
    await a.page.goto("/dashboard/events/new");
    await fillDraft(a.page, title);
    await a.page.getByLabel("Note for the reviewer").fill("Please check the date against the readout.");
    await a.page.getByRole("button", { name: "Submit for review" }).click();
    await expect(a.page.getByText("Submitted for review.")).toBeVisible();
    const review = a.page.getByRole("region", { name: "Review" });
    await expect(review).toContainText(`${author.name} · submitted for review`);
    await expect(review).toContainText("Please check the date against the readout.");
    await expect(a.page.getByRole("button", { name: "Withdraw from review" })).toBeVisible();

    // Editors are e-mailed, with a link to the item and the note.
    const forReview = await server.sink.waitForMail((m) => m.to.includes(editor.email) && m.subject === `For review: ${title}`, "the editor's review request");
    expect(forReview.from).toContain("desk@chancery.test");
    expect(forReview.text).toContain("Please check the date against the readout.");
    expect(server.sink.mails.some((m) => m.to.includes(author.email) && m.subject.includes(title))).toBe(false);

    // The editor sees it waiting (header count, queue with who submitted) and follows the mail's link.
    await e.page.goto("/dashboard");
    await expect(e.page.getByRole("link", { name: /Review queue: [1-9]\d* waiting/ })).toBeVisible();
    const queue = e.page.getByRole("region", { name: /Review queue/ });
    await expect(queue.getByRole("link", { name: title })).toBeVisible();
    await expect(queue).toContainText(author.name);
    await e.page.goto(deskLinkIn(forReview.text));
    await expect(e.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(e.page.getByRole("region", { name: "Review" })).toContainText("Please check the date against the readout.");
    await expectAccessible(e.page);

    // A request for changes needs a note; then it goes back to the author.
    await e.page.getByRole("button", { name: "Request changes" }).click();
    await expect(e.page.getByText("Say what should change, so the author knows what to do.").first()).toBeVisible();
    await e.page.getByLabel("What should change").fill("Add the place: the Oval Office, Washington.");
    await e.page.getByRole("button", { name: "Request changes" }).click();
    await expect(e.page.getByText("Sent back to the author with your note.")).toBeVisible();
    await expect(e.page.getByText("Draft", { exact: true }).first()).toBeVisible();

    const sentBack = await server.sink.waitForMail((m) => m.to.includes(author.email) && m.subject === `Changes requested: ${title}`, "the author's request for changes");
    expect(sentBack.text).toContain("Add the place: the Oval Office, Washington.");
    expect(sentBack.text).toContain(editor.name);

    // The author sees it came back, reads the note, fixes and resubmits.
    await a.page.goto("/dashboard");
    await expect(a.page.getByRole("link", { name: "Sent back to me: 1 waiting" })).toBeVisible();
    await a.page.goto(deskLinkIn(sentBack.text));
    await expect(a.page.getByRole("region", { name: "Review" })).toContainText(`${editor.name} · requested changes`);
    await expect(a.page.getByRole("region", { name: "Review" })).toContainText("Add the place: the Oval Office, Washington.");
    await expectAccessible(a.page);
    await a.page.getByLabel("Place", { exact: true }).fill("Oval Office, Washington");
    await a.page.getByLabel("Note for the reviewer").fill("Place added.");
    await a.page.getByRole("button", { name: "Submit for review" }).click();
    await expect(a.page.getByText("Submitted for review.")).toBeVisible();
    await a.page.screenshot({ path: test.info().outputPath(`review-author-${viewport.name}.png`), fullPage: true });

    // The editor publishes; the author hears of it.
    await e.page.goto(deskLinkIn(sentBack.text));
    await expect(e.page.getByLabel("Place", { exact: true })).toHaveValue("Oval Office, Washington");
    await e.page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(e.page.getByText("Published.", { exact: true })).toBeVisible();
    const conversation = e.page.getByRole("region", { name: "Review" });
    await expect(conversation.getByRole("listitem")).toHaveCount(4);
    await expect(conversation.getByRole("listitem").nth(3)).toContainText(`${editor.name} · published`);
    await e.page.screenshot({ path: test.info().outputPath(`review-editor-${viewport.name}.png`), fullPage: true });
    const published = await server.sink.waitForMail((m) => m.to.includes(author.email) && m.subject === `Published: ${title}`, "the author's publish notice");
    expect(published.text).toContain(editor.name);
    // Nobody is mailed about their own step. The resubmission's mail to the editor is sent
    // by the queue as the publish notice is, and may arrive after it: waited for, not read once.
    const editorMails = () => server.sink.mails.filter((m) => m.to.includes(editor.email) && m.subject.includes(title)).map((m) => m.subject);
    await expect.poll(editorMails, { message: "the editor's two review requests", timeout: 15_000 }).toHaveLength(2);
    expect(editorMails()).toEqual([`For review: ${title}`, `For review: ${title}`]);

    await a.context.close();
    await e.context.close();
  });
}

test("the author can withdraw an item from review; nobody else can", async ({ browser }) => {
  const tag = randomUUID().slice(0, 6);
  const author = await createStaff("CONTRIBUTOR", `Wanda Writer ${tag}`);
  const editor = await createStaff("EDITOR", `Rex Reviewer ${tag}`);
  const title = `Rubio meets Tokayev ${tag}`;
  const a = await deskPage(browser, author, 390);
  await a.page.goto("/dashboard/events/new");
  await fillDraft(a.page, title);
  await a.page.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.page.getByText("Submitted for review.")).toBeVisible();
  const path = new URL(a.page.url()).pathname;

  const e = await deskPage(browser, editor, 1280);
  await e.page.goto(path);
  await expect(e.page.getByRole("button", { name: "Request changes" })).toBeVisible();
  await expect(e.page.getByRole("button", { name: "Withdraw from review" })).toHaveCount(0);
  // Asking the server directly is refused too.
  const id = path.split("/").pop()!;
  const version = Number((await e.page.getByText(/version \d+/).first().textContent())!.match(/version (\d+)/)![1]);
  const refused = await e.page.request.post(`/api/desk/events/${id}/workflow`, { data: { action: "withdraw", baseVersion: version }, headers: { origin: server.baseURL } });
  expect(refused.status()).toBe(403);

  await a.page.getByRole("button", { name: "Withdraw from review" }).click();
  await expect(a.page.getByText("Withdrawn from review: it is a draft again.")).toBeVisible();
  await expect(a.page.getByRole("region", { name: "Review" })).toContainText(`${author.name} · withdrew it from review`);
  await expectAccessible(a.page);
  await a.context.close();
  await e.context.close();
});
