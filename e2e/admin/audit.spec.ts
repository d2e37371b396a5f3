import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { expectNoSidewaysScroll } from "../support/layout";
import { createStaff, signedInRequest } from "../support/staff";
import { VIEWPORTS } from "../support/viewports";

test("an admin reads the audit log with filters, and typed text stays text", async ({ page, context }) => {
  const staff = await createStaff("CONTRIBUTOR", "audited");
  const session = await signedInRequest(staff.email, staff.password);
  await session.get("/api/admin/users"); // denied, and recorded
  await session.dispose();

  await signInContext(context, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Actor", { exact: true }).fill(staff.email);
  await page.getByLabel("Action", { exact: true }).fill("access.denied");
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=/);
  const rows = page.getByRole("row").filter({ hasText: "access.denied" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("api.admin.users.list");
  await expect(rows.first()).toContainText(staff.email);

  await page.getByLabel("Action", { exact: true }).fill("user.invitation_accepted");
  await page.getByLabel("Actor", { exact: true }).fill("");
  await page.getByLabel("Target", { exact: true }).fill(staff.id);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: "user.invitation_accepted" })).toHaveCount(1);

  await page.getByLabel("From", { exact: true }).fill("2000-01-01");
  await page.getByLabel("To", { exact: true }).fill("2000-01-02");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No entries match.")).toBeVisible();
  await expectAccessible(page);
});

test("the audit log's filter fields line up, on a desktop and on a phone", async ({ browser }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    await signInContext(context, E2E_ADMIN.email, E2E_ADMIN.password);
    const page = await context.newPage();
    await page.goto("/admin/audit");
    // Measured once the fonts are in and the layout has settled (a box taken mid-layout once read 3.9 px).
    await page.evaluate(() => document.fonts.ready);
    await expect(async () => {
      const boxes = [];
      for (const label of ["Actor", "Action", "Target", "From", "To"]) boxes.push({ label, box: (await page.getByLabel(label, { exact: true }).boundingBox())! });
      // Fields side by side start at the same height, whatever the length of their hints.
      for (const a of boxes)
        for (const b of boxes) {
          const apart = Math.abs(a.box.y - b.box.y);
          if (apart < a.box.height) expect(apart, `${a.label} and ${b.label} at ${viewport.name}`).toBeLessThanOrEqual(1);
        }
    }).toPass({ timeout: 5_000 });
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`audit-filters-${viewport.name}.png`), fullPage: true });
    await context.close();
  }
});
