import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, query, staffContext, unique, workflowViaApi } from "./helpers/staff";

/**
 * An event records a party's step on an agreement, and its changes are staged (it is published).
 * Another edit of the agreement — here a note on that very step — keeps the step's row, so the
 * event's changes still publish, still recording the step (docs/desk.md, "An agreement's
 * parties' steps and the events that record them"). Before, the save made every step anew and
 * publishing was refused: "There is no such treaty action".
 */
for (const [i, viewport] of VIEWPORTS.entries()) {
  test(`an editor notes a party's step on an agreement, then publishes the staged changes of the event that records it — ${viewport.name}`, async ({ browser }) => {
    const u = unique();
    const { context } = await staffContext(browser, "EDITOR");
    // An old, random day of this run's own, so the public pages show only this run's event there.
    const day = `19${10 + (parseInt(u.slice(0, 4), 16) % 60)}-0${1 + i}-${10 + (parseInt(u.slice(4), 16) % 18)}`;
    const created = await context.request.post("/api/desk/agreements", {
      data: {
        input: {
          name: `Caspian Fisheries Convention ${u}`,
          kind: "TREATY",
          actions: [
            { countryId: "KZ", type: "ACCESSION", date: day, sources: [{ url: `https://example.org/kz-${u}`, title: "Kazakhstan accedes" }] },
            { countryId: "AZ", type: "SIGNATURE", date: "2001-05-05", sources: [] },
          ],
        },
      },
    });
    const agreement = (await created.json()) as { ok: boolean; id: string; slug: string };
    expect(agreement.ok).toBe(true);
    const [step] = await query<{ id: string }>(`SELECT id FROM "TreatyAction" WHERE "agreementId" = $1 AND "countryId" = 'KZ'`, [agreement.id]);

    const input = eventInput(`Kazakhstan accedes to the fisheries convention ${u}`, { date: day, agreementId: agreement.id, treatyActionId: step!.id });
    const event = await createEventViaApi(context.request, input);
    expect((await workflowViaApi(context.request, "events", event.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);
    const staged = await context.request.put(`/api/desk/events/${event.id}`, { data: { baseVersion: 2, input: { ...input, summary: `Deposited in Astana ${u}.` } } });
    expect(((await staged.json()) as { ok: boolean }).ok).toBe(true);

    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`/dashboard/agreements/${agreement.id}`);
    // Kazakhstan's accession is the earlier step, so the first row.
    await expect(page.getByRole("combobox", { name: "Action 1 party" })).toHaveValue("Kazakhstan");
    await page.getByRole("textbox", { name: "Action 1 note" }).fill(`Instrument deposited ${u}`);
    await page.getByRole("button", { name: "Save agreement" }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Action 1 note" })).toHaveValue(`Instrument deposited ${u}`);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    await page.goto(`/dashboard/events/${event.id}`);
    await expect(page.getByText("Changes staged")).toBeVisible();
    await page.getByRole("button", { name: "Publish changes" }).click();
    await expect(page.getByText("Changes published.")).toBeVisible();
    await expect(page.getByText("There is no such treaty action")).toHaveCount(0);
    await expect(page.getByText("Changes staged")).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    // Readers see the published change, and the event still records the step, with its new note.
    await page.goto(`/events/${event.slug}`);
    await expect(page.getByText(`Deposited in Astana ${u}.`)).toBeVisible();
    const steps = page.getByRole("region", { name: "Treaty actions" });
    await expect(steps).toContainText("Kazakhstan: Accession");
    await expect(steps).toContainText(`Instrument deposited ${u}`);
    await page.screenshot({ path: test.info().outputPath(`event-${viewport.name}.png`), fullPage: true });
    await context.close();
  });
}
