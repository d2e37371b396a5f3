import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, staffContext, unique, workflowViaApi } from "./helpers/staff";

/**
 * An editor's own draft, sent back by another editor with a note, waits for its author like a
 * contributor's does: the dashboard's "My drafts" says who asked for changes and what, and the
 * desk's bar counts it. It looked like any other draft before (only contributors were told), so
 * without mail nobody noticed it had come back.
 */
for (const viewport of VIEWPORTS) {
  test(`an editor sees their draft came back, from whom and why — ${viewport.name}`, async ({ browser }) => {
    const u = unique();
    const author = await staffContext(browser, "EDITOR", `Aida Author ${u}`);
    const reviewer = await staffContext(browser, "EDITOR", `Eldar Reviewer ${u}`);
    const title = `Foreign ministers meet in Astana ${u}`;
    const event = await createEventViaApi(author.context.request, eventInput(title, { type: "MEETING", date: "2016-04-11" }));
    const submitted = await workflowViaApi(author.context.request, "events", event.id, { action: "submit", baseVersion: event.version, note: "Both readouts attached." });
    expect(submitted.body.ok).toBe(true);
    const note = `Name the second minister ${u}.`;
    const sent = await workflowViaApi(reviewer.context.request, "events", event.id, { action: "requestChanges", baseVersion: submitted.body.version, note });
    expect(sent.body.ok).toBe(true);

    const page = await author.context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard");
    const drafts = page.getByRole("region", { name: /^My drafts/ });
    const row = drafts.getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText(`Changes requested by Eldar Reviewer ${u}`);
    await expect(row).toContainText(`“${note}”`);
    // The bar counts it beside the review queue (on a phone, on the bar or in its menu).
    if (viewport.name === "phone") await page.getByRole("button", { name: "Menu" }).click();
    const waiting = page.getByRole("link", { name: "Sent back to me: 1 waiting" });
    await expect(waiting).toBeVisible();
    await expect(page.getByRole("link", { name: /^Review queue: \d+ waiting$/ }).first()).toBeAttached();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`sent-back-${viewport.name}.png`), fullPage: true });

    // Submitted again, it is no longer waiting for its author.
    expect((await workflowViaApi(author.context.request, "events", event.id, { action: "submit", baseVersion: sent.body.version, note: "Named." })).body.ok).toBe(true);
    await page.goto("/dashboard");
    await expect(drafts.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);
    if (viewport.name === "phone") await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("link", { name: /^Sent back to me/ })).toHaveCount(0);
    await Promise.all([author.context.close(), reviewer.context.close()]);
  });
}
