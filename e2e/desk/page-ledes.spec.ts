import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signedInPage } from "../support/auth";
import { E2E_ADMIN } from "../support/env";
import { VIEWPORTS } from "../support/viewports";

/**
 * The sentence under a staff page's title says what the page is for. It reads the same on
 * every page, quieter than the page itself: the import and export pages once set theirs
 * at body size while the others had it small and muted.
 */
const PAGES = [
  { path: "/admin/users", title: "Users" },
  { path: "/admin/audit", title: "Audit log" },
  { path: "/admin/webhooks", title: "Webhooks" },
  { path: "/admin/export", title: "Export the record" },
  { path: "/dashboard/import", title: "Import events or statements" },
  { path: "/dashboard/search", title: "Search the desk" },
];

for (const viewport of VIEWPORTS) {
  test(`every staff page's lede has one size and colour, smaller and quieter than the text below it (${viewport.name})`, async ({ browser }) => {
    const { context, page } = await signedInPage(browser, E2E_ADMIN, { viewport });
    const looks = new Set<string>();
    for (const { path, title } of PAGES) {
      await page.goto(path);
      const heading = page.getByRole("heading", { level: 1, name: title });
      await expect(heading).toBeVisible();
      // The paragraph right under the title, and the page's body text for comparison.
      const lede = page.locator("h1 + p");
      await expect(lede, path).toHaveCount(1);
      const [look, body] = await lede.evaluate((p) => {
        const own = getComputedStyle(p);
        const main = getComputedStyle(document.body);
        return [`${own.fontSize} ${own.color}`, { size: parseFloat(main.fontSize), color: main.color, own: parseFloat(own.fontSize), ownColor: own.color }] as const;
      });
      expect(body.own, `${path}: the lede is smaller than the body text`).toBeLessThan(body.size);
      expect(body.ownColor, `${path}: the lede is muted`).not.toBe(body.color);
      // Under the title, not on it.
      const [h, p] = [(await heading.boundingBox())!, (await lede.boundingBox())!];
      expect(p.y, path).toBeGreaterThanOrEqual(h.y + h.height);
      looks.add(look);
    }
    expect([...looks], "one look on every page").toHaveLength(1);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`lede-${viewport.name}.png`) });
    await context.close();
  });
}
