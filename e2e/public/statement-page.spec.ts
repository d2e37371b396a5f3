import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectBreadcrumbs, insertStatement, nodeOfType, readJsonLd, uniqueSlug } from "./record-fixtures";

const TRUMP = "/statements/trump-kazakhstan-first-of-many";

test("a statement page shows the words, the speaker with the title at the time, medium, platform and event", async ({ page }) => {
  await page.goto(TRUMP);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("first Country of my Second Term");
  const quote = page.locator("blockquote").first();
  await expect(quote).toHaveAttribute("lang", "en");
  await expect(quote).toContainText("the first Country of my Second Term to join the Abraham Accords");
  const details = page.getByRole("complementary", { name: "About this statement" });
  await expect(details.getByRole("link", { name: "Donald Trump" })).toHaveAttribute("href", "/people/donald-trump");
  await expect(details).toContainText("President of the United States");
  await expect(details).toContainText("Social post (Truth Social)");
  await expect(details.getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" })).toHaveAttribute(
    "href",
    "/events/kazakhstan-to-join-the-abraham-accords",
  );
  await expect(page.getByRole("region", { name: "Sources" }).getByRole("listitem")).not.toHaveCount(0);
  await expect(page.getByRole("region", { name: "Cite this" })).toContainText(TRUMP);
  await expectAccessible(page);
});

test("the statement's JSON-LD is a Quotation spoken by the person in the role they held then", async ({ page }) => {
  await page.goto(TRUMP);
  const nodes = await readJsonLd(page);
  const quotation = nodeOfType(nodes, "Quotation");
  expect(quotation.text).toContain("the first Country of my Second Term");
  const speaker = quotation.spokenByCharacter as Record<string, string>;
  expect(speaker).toMatchObject({ "@type": "Person", name: "Donald Trump", jobTitle: "President of the United States" });
  expect(speaker.sameAs).toBe("https://www.wikidata.org/wiki/Q22686");
  expect(quotation.creator).toEqual(speaker);
  expectBreadcrumbs(nodes, ["Home", "Statements", quotation.name as string]);
});

test("a statement in another language keeps its language and shows the translation with the translator", async ({ page }) => {
  const slug = uniqueSlug("e2e-russian-statement");
  await insertStatement({
    slug,
    title: "Ministry: a natural continuation",
    text: "Естественное и логичное продолжение внешней политики.",
    language: "ru",
    translation: "A natural and logical continuation of foreign policy.",
    translatedBy: "Chancery desk",
    speakerTitle: "Spokesperson",
    status: "PUBLISHED",
  });
  await page.goto(`/statements/${slug}`);
  await expect(page.locator('blockquote[lang="ru"]')).toContainText("Естественное и логичное продолжение");
  await expect(page.getByText("English translation by Chancery desk")).toBeVisible();
  await expect(page.locator('blockquote[lang="en"]')).toContainText("A natural and logical continuation");
  await expect(page.getByRole("complementary", { name: "About this statement" })).toContainText("Russian");
  const quotation = nodeOfType(await readJsonLd(page), "Quotation");
  expect(quotation.inLanguage).toBe("ru");
  await expectAccessible(page);
});

test("unknown and unpublished statements answer 404; a retracted one is a tombstone without its text", async ({ page }) => {
  const draft = uniqueSlug("e2e-draft-statement");
  await insertStatement({ slug: draft, title: "Draft words", text: "DRAFT-STATEMENT-TEXT", status: "DRAFT" });
  for (const slug of ["no-such-statement", draft]) {
    const response = await page.goto(`/statements/${slug}`);
    expect(response?.status(), slug).toBe(404);
  }
  const retracted = uniqueSlug("e2e-retracted-statement");
  await insertStatement({
    slug: retracted,
    title: "Words wrongly attributed",
    text: "RETRACTED-STATEMENT-TEXT",
    status: "RETRACTED",
    retractionReason: "The quotation was attributed to the wrong official.",
  });
  await page.goto(`/statements/${retracted}`);
  await expect(page.getByText("This statement has been retracted")).toBeVisible();
  await expect(page.getByText("The quotation was attributed to the wrong official.")).toBeVisible();
  expect(await page.content()).not.toContain("RETRACTED-STATEMENT-TEXT");
  await expectAccessible(page);
});
