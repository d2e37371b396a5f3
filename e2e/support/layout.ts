import { expect, type Locator, type Page } from "@playwright/test";

/** Fails when the page is wider than its window, so that a reader would have to scroll sideways (on a phone, a layout that does not fit). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `no sideways scrolling at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Fails unless every cell of the table's first column says what it is where the table stacks:
 * on a phone each stacked row names its bare values ("Version: 2", not a lone "2"); on a
 * desktop the heading row does, and the cells carry no name of their own.
 */
export async function expectFirstColumnNamed(table: Locator, name: string, stacked: boolean) {
  const shown = await table.locator("tbody tr td:first-child").evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, "::before").content));
  expect(shown.length, "rows in the table").toBeGreaterThan(0);
  expect(shown).toEqual(shown.map(() => (stacked ? `"${name}: "` : "none")));
}

/** Where each checkbox and its label are, and the label's first line. */
function checkboxPlaces(checkboxes: Locator) {
  return checkboxes.evaluateAll((inputs) =>
    inputs.map((input) => {
      const label = input.closest("label")!;
      const labelBox = label.getBoundingClientRect();
      const style = getComputedStyle(label);
      return {
        left: labelBox.left,
        top: labelBox.top,
        bottom: labelBox.bottom,
        boxMiddle: (input.getBoundingClientRect().top + input.getBoundingClientRect().bottom) / 2,
        firstLineTop: labelBox.top + parseFloat(style.paddingTop),
        lineHeight: parseFloat(style.lineHeight),
      };
    }),
  );
}

/** Fails unless each checkbox sits on its label's first line, so that a label that wraps still reads as one option. */
export async function expectBoxesOnFirstLine(checkboxes: Locator) {
  const places = await checkboxPlaces(checkboxes);
  expect(places.length, "checkboxes").toBeGreaterThan(0);
  for (const [i, p] of places.entries()) {
    // Its middle at the first line's, give or take a quarter line (centred on a two-line label, it is half a line off).
    expect(Math.abs(p.boxMiddle - (p.firstLineTop + p.lineHeight / 2)), `checkbox ${i + 1} on its label's first line`).toBeLessThan(p.lineHeight / 4);
  }
}

/** Fails unless a group's options are one a line, each under the one before at the same left edge, each box on its label's first line. */
export async function expectOneOptionALine(group: Locator) {
  const places = await checkboxPlaces(group.getByRole("checkbox"));
  expect(places.length, "options in the group").toBeGreaterThan(1);
  for (const [i, p] of places.entries()) {
    expect(p.left, `option ${i + 1}'s left edge`).toBeCloseTo(places[0]!.left, 0);
    if (i > 0) expect(p.top, `option ${i + 1} under option ${i}`).toBeGreaterThanOrEqual(places[i - 1]!.bottom - 1);
  }
  await expectBoxesOnFirstLine(group.getByRole("checkbox"));
}
