import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { rubioSource, staffContext, unique } from "./helpers/staff";

test("a contributor records the Rubio statement and submits it; an editor publishes it and it appears publicly", async ({ browser }) => {
  const { context: contributorContext } = await staffContext(browser, "CONTRIBUTOR");
  const page = await contributorContext.newPage();
  const headline = `Rubio: an “enhanced relationship” with Kazakhstan ${unique()}`;

  await page.goto("/dashboard/statements/new");
  await expect(page.getByRole("heading", { level: 1, name: "New statement" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Verbatim text").fill("an enhanced relationship … beyond just diplomatic relations");
  await page.getByLabel("Quote type").selectOption("PARTIAL");
  await page.getByRole("combobox", { name: "Speaker", exact: true }).fill("Rubio");
  await page.getByRole("option", { name: /Marco Rubio/ }).click();
  await page.getByLabel("Speaker's title at the time").fill("Secretary of State");
  await page.getByLabel("Medium").selectOption("REMARKS_TO_REPORTERS");
  await page.getByLabel("Said on").fill("2025-11-06");
  await page.getByRole("combobox", { name: "Countries" }).fill("Kazakh");
  await page.getByRole("option", { name: /Kazakhstan/ }).click();
  await page.getByLabel("Defense").check();
  const source = page.getByRole("group", { name: "Source 1" });
  await source.getByLabel("Source URL").fill(rubioSource.url);
  await source.getByLabel("Source title").fill(rubioSource.title);
  await source.getByLabel("Publisher").fill(rubioSource.publisher);

  // A contributor may submit but never publish.
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await expect(page.getByText("In review")).toBeVisible();
  const editPath = new URL(page.url()).pathname;
  const slug = (await page.getByText(/\/statements\/[a-z0-9-]+/).first().textContent())!.match(/\/statements\/([a-z0-9-]+)/)![1]!;

  // Not public while in review.
  expect((await page.request.get(`/statements/${slug}`)).status()).toBe(404);

  const { context: editorContext } = await staffContext(browser, "EDITOR");
  const editor = await editorContext.newPage();
  await editor.goto("/dashboard");
  const queue = editor.getByRole("region", { name: /Review queue/ });
  await queue.getByRole("link", { name: headline }).click();
  await expect(editor).toHaveURL((url) => url.pathname === editPath);
  await expect(editor.getByLabel("Verbatim text")).toHaveValue("an enhanced relationship … beyond just diplomatic relations");
  await expectAccessible(editor);
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByText("Published.", { exact: true })).toBeVisible();

  // The public page shows it at once (the publish expired its cache).
  await expect
    .poll(async () => (await editor.request.get(`/statements/${slug}`)).status(), { timeout: 1_000 })
    .toBe(200);
  const publicPage = await browser.newPage();
  await publicPage.goto(`/statements/${slug}`);
  await expect(publicPage.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(publicPage.getByText("beyond just diplomatic relations")).toBeVisible();
  await expect(publicPage.getByRole("link", { name: rubioSource.title })).toBeVisible();
  await publicPage.close();
  await contributorContext.close();
  await editorContext.close();
});
