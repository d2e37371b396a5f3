import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { createStaff, signedInRequest } from "../support/staff";

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
