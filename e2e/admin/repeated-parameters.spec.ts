import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";

/**
 * A query parameter given twice (?role=EDITOR&role=ADMIN) is refused by the staff routes as the
 * public API refuses it, with a 400 naming it, and named beside its filter on the admin pages,
 * instead of one of the two being taken silently (the routes took the last, the pages the first).
 */
test("the staff routes refuse a parameter given twice, naming it", async ({ browser }) => {
  const { context } = await signedInPage(browser, E2E_ADMIN);
  const request = context.request;
  for (const [path, parameter] of [
    ["/api/admin/users?role=EDITOR&role=ADMIN", "role"],
    ["/api/admin/audit?action=auth.&action=user.", "action"],
    ["/api/desk/lookup?kind=person&kind=event&q=tok", "kind"],
    ["/api/desk/lookup/facts?kind=person&id=a&id=b", "id"],
    ["/api/desk/lookup/same-day?kind=statements&kind=events&date=2025-11-06&speaker=a", "kind"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    const body = (await response.json()) as { ok: boolean; message: string; issues: Array<{ parameter: string }> };
    expect(body, path).toMatchObject({ ok: false, code: "INVALID", issues: [{ parameter }] });
    expect(body.message, path).toContain(`"${parameter}" was given more than once`);
  }
  // Each given once, the same routes answer.
  expect((await request.get("/api/admin/users?role=EDITOR")).status()).toBe(200);
  expect((await request.get("/api/desk/lookup?kind=person&q=tok")).status()).toBe(200);

  // next-auth reads the last callbackUrl; the guard in front of it read the first, so a bad
  // second one reached next-auth, which answers what it cannot parse with a 500.
  const signIn = await request.get("/api/auth/signin?callbackUrl=%2Fdashboard&callbackUrl=http%3A%2F%2F%5B");
  expect(signIn.status()).toBe(400);
  await context.close();
});

for (const viewport of VIEWPORTS) {
  test(`the users and audit pages name a filter given twice beside it (${viewport.name})`, async ({ browser }) => {
    const { context, page } = await signedInPage(browser, E2E_ADMIN);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });

    await page.goto("/admin/users?role=EDITOR&role=ADMIN&status=active");
    const filters = page.getByRole("search", { name: "Filter the staff accounts" });
    await expect(page.getByText("Some filters are not valid; showing every account instead.")).toBeVisible();
    const role = filters.getByRole("combobox", { name: "Role" });
    await expect(role).toHaveAccessibleDescription(/Given more than once in the address: choose one\./);
    await expect(role).toHaveValue("");
    // The other filter is kept as it was given.
    await expect(filters.getByRole("combobox", { name: "Status" })).toHaveValue("active");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`users-repeated-${viewport.name}.png`), fullPage: true });

    await page.goto("/admin/audit?actor=a&actor=b");
    const auditFilters = page.getByRole("search", { name: "Filter the audit log" });
    await expect(page.getByText("Some filters are not valid; showing everything instead.")).toBeVisible();
    await expect(auditFilters.getByLabel("Actor")).toHaveAccessibleDescription(/Given more than once in the address: choose one\./);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await context.close();
  });
}
