import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, staffContext, unique, workflowViaApi } from "../desk/helpers/staff";

test("a reader finds the Kazakhstan accession from the header search box, with highlighted matches", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search" }).fill("Kazakhstan join Abraham Accords");
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Kazakhstan/);
  const results = page.getByRole("region", { name: /results? for/ });
  const hit = results.getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" });
  await expect(hit).toBeVisible();
  await expect(hit).toHaveAttribute("href", "/events/kazakhstan-to-join-the-abraham-accords");
  await expect(results.locator("mark").first()).toBeVisible();
  await expectAccessible(page);
});

for (const viewport of VIEWPORTS) {
  test(`a reader finds a name typed without its accents, and sees it marked as written (${viewport.name})`, async ({ browser }) => {
    // Published through the desk, as an editor would.
    const { context } = await staffContext(browser, "EDITOR");
    const tag = unique();
    const title = `Erdoğan receives the envoys in Ankara ${tag}`;
    const created = await createEventViaApi(context.request, eventInput(title, { summary: "Türkiye and Côte d’Ivoire sign a trade memorandum.", type: "MEETING", participants: [{ role: "HOST", countryId: "TR" }] }));
    expect((await workflowViaApi(context.request, "events", created.id, { action: "publish", baseVersion: created.version })).body.ok).toBe(true);
    await context.close();

    const readerContext = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await readerContext.newPage();
    for (const q of [`Erdogan ${tag}`, `turkiye ${tag}`, `cote d'ivoire ${tag}`]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      const results = page.getByRole("region", { name: /results? for/ });
      await expect(results.getByRole("link", { name: title }), q).toBeVisible();
    }
    await page.goto(`/search?q=${encodeURIComponent(`Erdogan ${tag}`)}`);
    const results = page.getByRole("region", { name: /results? for/ });
    await expect(results.locator("mark", { hasText: "Erdoğan" }).first()).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await readerContext.close();
  });
}

test("quoted phrases and minus signs work", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('"natural and logical continuation"')}`);
  await expect(page.getByRole("link", { name: /a natural and logical continuation/ })).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("Tokayev -Rubio")}`);
  const results = page.getByRole("region", { name: /results? for/ });
  await expect(results.getByRole("link", { name: "Trump, Netanyahu and Tokayev hold a call on the Abraham Accords" })).toBeVisible();
  await expect(results.getByRole("link", { name: "Secretary of State Rubio meets President Tokayev" })).toHaveCount(0);
});

test("search takes the list filters", async ({ page }) => {
  await page.goto("/search?q=Kazakhstan");
  await page.getByLabel("Type").selectOption({ label: "Phone call" });
  await page.getByRole("button", { name: "Search", exact: true }).last().click();
  await expect(page).toHaveURL(/type=PHONE_CALL/);
  const results = page.getByRole("region", { name: /results? for/ });
  await expect(results.getByRole("article")).toHaveCount(1);
  await expect(results.getByRole("link", { name: "Trump, Netanyahu and Tokayev hold a call on the Abraham Accords" })).toBeVisible();
});

test("empty, stop-word, punctuation, hostile and absurdly long queries get a friendly answer", async ({ page }) => {
  for (const q of ["", "   ", "the and of", "!!! ((( ---", "<script>alert(1)</script>", "a:* & | ! <->", "kazakhstan ".repeat(300)]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 20)).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Search the record" })).toBeVisible();
  }
  await page.goto("/search?q=the+and+of");
  await expect(page.getByText("Nothing to search for")).toBeVisible();
  await page.goto("/search");
  await expect(page.getByText("Type a word or a phrase")).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("kazakhstan ".repeat(100))}`);
  await expect(page.getByText(/only its first 200 characters were used/)).toBeVisible();
  await expectAccessible(page);
  // A control character, which no one types: said plainly, and no search is run.
  const nul = await page.goto("/search?q=tok%00aev");
  expect(nul?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "This search could not be run" })).toContainText("invisible control character (U+0000)");
});

test("a misspelt name, a name without its accents, an acronym or another name offers that page above the results, on a desktop and on a phone", async ({ browser }) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`/search?q=${encodeURIComponent("Kazakstan Tokaev")}`);
    const pages = page.getByRole("region", { name: "Pages for your search" });
    await expect(pages.getByRole("link", { name: "Kazakhstan", exact: true })).toHaveAttribute("href", "/countries/kz");
    await expect(pages.getByRole("link", { name: "Kassym-Jomart Tokayev" })).toHaveAttribute("href", "/people/kassym-jomart-tokayev");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`search-pages-${viewport.width}.png`), fullPage: true });
    await pages.getByRole("link", { name: "Kassym-Jomart Tokayev" }).click();
    await expect(page).toHaveURL(/\/people\/kassym-jomart-tokayev$/);
    await expect(page.getByRole("heading", { level: 1, name: "Kassym-Jomart Tokayev" })).toBeVisible();

    // "call" is a word of the record, not a misspelt name, though it begins "Caledonia".
    await page.goto(`/search?q=${encodeURIComponent("Tokaev call")}`);
    const named = page.getByRole("region", { name: "Pages for your search" });
    await expect(named.getByRole("link", { name: "Kassym-Jomart Tokayev" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New Caledonia" })).toHaveCount(0);

    // What a query offers, and nothing more: a country by the name readers use for it ("UAE");
    // "America" and "American" are the United States, not American Samoa, while a continent is
    // no country, not even South Africa by a near spelling; the US Virgin Islands are not also
    // the US, nor is the Democratic Republic of the Congo also the other Congo, nor American Samoa also Samoa,
    // nor South Sudan also Sudan unless the query names both; a name typed without its accents is that name and
    // no near spelling of another; a name that is not the record's offers no page by its
    // kind's word (the Paris agreement is not the Israel–UAE peace agreement, though both are
    // agreements); an organization by its acronym.
    const offers: Array<[query: string, pages: Array<[name: string, href: string]>]> = [
      ["UAE", [["United Arab Emirates", "/countries/ae"]]],
      ["America", [["United States", "/countries/us"]]],
      ["American president", [["United States", "/countries/us"]]],
      ["South America", []],
      ["US Virgin Islands", [["United States Virgin Islands", "/countries/vi"]]],
      ["Democratic Republic of the Congo", [["Democratic Republic of the Congo", "/countries/cd"]]],
      ["American Samoa", [["American Samoa", "/countries/as"]]],
      ["South Sudan", [["South Sudan", "/countries/ss"]]],
      ["Sudan and South Sudan", [["Sudan", "/countries/sd"], ["South Sudan", "/countries/ss"]]],
      ["Turkiye", [["Türkiye", "/countries/tr"]]],
      ["Paris agreement", []],
      ["EU", [["European Union", "/organizations/european-union"]]],
    ];
    for (const [query, pages] of offers) {
      await page.goto(`/search?q=${encodeURIComponent(query)}`);
      // The results (or their absence) are on the page either way.
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`(for|match) “${query}”`) })).toBeVisible();
      const offered = page.getByRole("region", { name: "Pages for your search" }).getByRole("link");
      await expect(offered, query).toHaveCount(pages.length);
      for (const [name, href] of pages) await expect(offered.and(page.getByRole("link", { name, exact: true })), query).toHaveAttribute("href", href);
    }
    await expectAccessible(page);
    // A country by the name it had.
    await page.goto("/search?q=Burma");
    await page.getByRole("region", { name: "Pages for your search" }).getByRole("link", { name: "Myanmar" }).click();
    await expect(page).toHaveURL(/\/countries\/mm$/);
    await expect(page.getByRole("heading", { level: 1, name: "Myanmar" })).toBeVisible();
    await context.close();
  }
});

test("a search that finds nothing for a misspelt name offers the search put right, keeping its filters, on a desktop and on a phone", async ({ browser }) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto("/search?q=Tokaev");
    const results = page.getByRole("region", { name: /match “Tokaev”/ });
    await expect(results.getByRole("heading", { name: "No published events or statements match “Tokaev”." })).toBeVisible();
    await expect(results.getByText(/Did you mean “Tokayev”\? It finds \d+ results\./)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`search-did-you-mean-${viewport.width}.png`), fullPage: true });
    await results.getByRole("link", { name: "Tokayev", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=Tokayev$/);
    await expect(page.getByRole("region", { name: /results? for “Tokayev”/ }).getByRole("link", { name: "Trump, Netanyahu and Tokayev hold a call on the Abraham Accords" })).toBeVisible();

    // With a filter, the offer keeps it, and counts what the filter leaves.
    await page.goto("/search?q=tokaev&type=PHONE_CALL");
    await expect(page.getByText("Did you mean “tokayev”? It finds 1 result.")).toBeVisible();
    await page.getByRole("link", { name: "tokayev", exact: true }).click();
    await expect(page).toHaveURL(/type=PHONE_CALL/);
    await expect(page.getByLabel("Type")).toHaveValue("PHONE_CALL");
    await expect(page.getByRole("region", { name: /1 result for “tokayev”/ }).getByRole("article")).toHaveCount(1);
    await context.close();
  }
  // Spelt right, or finding something: no offer.
  const page = await browser.newPage();
  await page.goto("/search?q=Tokayev");
  await expect(page.getByRole("region", { name: /results? for “Tokayev”/ })).toBeVisible();
  await expect(page.getByText(/Did you mean/)).toHaveCount(0);
  await page.close();
});

test("filters named in the address are chosen in the form, with and without JavaScript, and their choices travel once", async ({ browser, request }) => {
  const address = "/search?q=Kazakhstan&country=kz&type=PHONE_CALL";
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(address);
    await expect(page.getByLabel("Country")).toHaveValue("kz");
    await expect(page.getByLabel("Type")).toHaveValue("PHONE_CALL");
    await expect(page.getByLabel("Country").getByRole("option", { name: "Kazakhstan" })).toHaveCount(1);
    const results = page.getByRole("region", { name: /results? for/ });
    await expect(results.getByRole("link", { name: "Trump, Netanyahu and Tokayev hold a call on the Abraham Accords" })).toBeVisible();
    if (javaScriptEnabled) {
      // Hydrated without a mismatch: the choice survives, and another can be made.
      await page.getByLabel("Country").selectOption({ label: "Uzbekistan" });
      await expect(page.getByLabel("Country")).toHaveValue("uz");
    }
    expect(problems, javaScriptEnabled ? "with JavaScript" : "without").toEqual([]);
    await context.close();
  }
  // The options are in the HTML once as <option>s and in the page's RSC payload as
  // data; as elements they were written out a second time.
  const html = await (await request.get(address)).text();
  expect(html).toContain('<option value="kz" selected="">Kazakhstan</option>');
  expect(html).not.toContain('\\"option\\"');
  expect(html).not.toMatch(/<span>[^<]*<\/span><mark>/);
});

test("a reader narrows a search by dates, which sit side by side on a desktop, a tablet and a phone", async ({ browser }) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 1024, height: 768 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto("/search?q=Kazakhstan");
    const form = page.getByRole("form", { name: "Filters" });
    // On a phone the filters are folded away behind their toggle; a reader opens them.
    if (viewport.width < 640) await form.getByText("Filters", { exact: true }).click();
    const from = form.getByLabel("From");
    const to = form.getByLabel("To", { exact: true });
    // "To" never lands alone on a row of its own: the two dates share one.
    const [fromBox, toBox] = [await from.boundingBox(), await to.boundingBox()];
    expect(fromBox && toBox && Math.abs(fromBox.y - toBox.y), `${viewport.width}px`).toBe(0);
    expect(toBox!.x, `${viewport.width}px`).toBeGreaterThan(fromBox!.x + fromBox!.width);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`search-dates-${viewport.width}.png`), fullPage: true });
    await from.fill("2025-11");
    await to.fill("2025-11");
    await form.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/from=2025-11&to=2025-11/);
    const results = page.getByRole("region", { name: /results? for/ });
    await expect(results.getByRole("article").first()).toBeVisible();
    const dates = await results.getByRole("article").locator("time").allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/November 2025/);
    await context.close();
  }
});
