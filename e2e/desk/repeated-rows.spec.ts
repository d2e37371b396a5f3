import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectFieldError } from "../support/field-error";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { query, staffContext, unique } from "./helpers/staff";
import { pick } from "./reference-support";

const eventsTitled = async (title: string) =>
  query<{ id: string; participants: string; sources: string }>(
    `SELECT e.id, (SELECT count(*) FROM "EventParticipant" p WHERE p."eventId" = e.id) AS participants, (SELECT count(*) FROM "Source" s WHERE s."eventId" = e.id) AS sources FROM "Event" e WHERE e.title = $1`,
    [title],
  );

/**
 * The same country given twice with the same role, and the same page given twice as a source,
 * were both stored twice. The form now names each repeat beside the row it is in, also when a
 * row above it was left blank (the form leaves such a row out of what it sends), and saves
 * nothing until it is gone. On a desktop and a phone.
 */
for (const [i, viewport] of VIEWPORTS.entries()) {
  test(`the event form names a participant and a source given twice beside their rows — ${viewport.name}`, async ({ browser }) => {
    const { context } = await staffContext(browser, "EDITOR");
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard/events/new");
    const title = `Met twice over ${unique()}`;
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
    await page.getByLabel("Summary").fill("Kazakhstan's delegation met its counterparts.");
    await page.getByLabel("Type").selectOption("MEETING");
    await page.getByRole("textbox", { name: "Date", exact: true }).fill(`1997-04-${String(11 + i).padStart(2, "0")}`);

    const participant = (n: number) => page.getByRole("group", { name: `Participant ${n}` });
    await pick(page, participant(1).getByRole("combobox", { name: "Name", exact: true }), "Kazakhstan", /^Kazakhstan/);
    await pick(page, participant(2).getByRole("combobox", { name: "Name", exact: true }), "Israel", /^Israel/);
    await pick(page, participant(3).getByRole("combobox", { name: "Name", exact: true }), "Kazakhstan", /^Kazakhstan/);
    await expect(participant(3).getByLabel("Role", { exact: true })).toHaveValue(await participant(1).getByLabel("Role", { exact: true }).inputValue());
    // Israel's row is emptied again: the form sends two rows, the server numbers the repeat 2.
    await participant(2).getByRole("combobox", { name: "Name", exact: true }).fill("");

    const source = (n: number) => page.getByRole("group", { name: `Source ${n}` });
    await source(1).getByLabel("Source URL").fill("https://www.akorda.kz/en/meeting-1997");
    await source(1).getByLabel("Source title").fill("Akorda: the meeting");
    await page.getByRole("button", { name: "Add source" }).click(); // Source 2, left blank
    await page.getByRole("button", { name: "Add source" }).click();
    await source(3).getByLabel("Source URL").fill("https://WWW.akorda.kz/en/meeting-1997#details");
    await source(3).getByLabel("Source title").fill("Akorda again");
    await page.getByRole("button", { name: "Save draft" }).click();

    await expectFieldError(page, participant(3).getByRole("combobox", { name: "Name", exact: true }), /This country is already a participant above with the same role/);
    await expectFieldError(page, source(3).getByLabel("Source URL"), /This address is already a source above/);
    await expect(participant(1).getByRole("combobox", { name: "Name", exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(source(2).getByLabel("Source URL")).not.toHaveAttribute("aria-invalid", "true");
    // The summary at the top links to the same two fields.
    await expect(page.getByRole("link", { name: "Participant 3: Name" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Source 3: Source URL" })).toBeVisible();
    expect(await eventsTitled(title)).toEqual([]);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`repeated-rows-${viewport.name}.png`), fullPage: true });

    // Kazakhstan in another role is another fact, and the repeated page goes: it saves.
    await participant(3).getByLabel("Role", { exact: true }).selectOption("HOST");
    await page.getByRole("button", { name: "Remove source 3" }).click();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
    expect(await eventsTitled(title)).toEqual([{ id: expect.any(String), participants: "2", sources: "1" }]);
    await context.close();
  });
}
