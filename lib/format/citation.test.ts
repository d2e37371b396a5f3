import { describe, expect, it } from "vitest";
import { apaCitation, bibtexCitation, chicagoCitation, citationText } from "./citation";

const page = {
  title: "Kazakhstan announces it will join the Abraham Accords",
  published: new Date("2025-11-06T15:00:00Z"),
  url: "https://chancery.example/events/kazakhstan-to-join-the-abraham-accords",
  key: "kazakhstan-to-join-the-abraham-accords",
};
const accessed = new Date(2026, 10, 30);

describe("citations", () => {
  it("in Chicago style, with the day the reader accessed the page", () => {
    expect(citationText(chicagoCitation(page), accessed)).toBe(
      "“Kazakhstan announces it will join the Abraham Accords.” Chancery, 6 November 2025. https://chancery.example/events/kazakhstan-to-join-the-abraham-accords. Accessed 30 November 2026.",
    );
  });

  it("in APA style, with a retrieval date since record pages can be corrected", () => {
    expect(citationText(apaCitation(page), accessed)).toBe(
      "Chancery. (2025, November 6). Kazakhstan announces it will join the Abraham Accords. Retrieved November 30, 2026, from https://chancery.example/events/kazakhstan-to-join-the-abraham-accords",
    );
    expect(citationText(apaCitation({ ...page, published: null }), accessed)).toContain("Chancery. (n.d.).");
  });

  it("as a BibTeX entry whose fields cannot be broken by the title", () => {
    const entry = citationText(bibtexCitation({ ...page, title: "Rubio {sic} 50% & more_\\" }), accessed);
    expect(entry).toBe(
      [
        "@misc{chancery-kazakhstan-to-join-the-abraham-accords,",
        "  author = {{Chancery}},",
        "  title = {{Rubio \\{sic\\} 50\\% \\& more\\_\\textbackslash{}}},",
        "  year = {2025},",
        "  month = nov,",
        "  howpublished = {\\url{https://chancery.example/events/kazakhstan-to-join-the-abraham-accords}},",
        "  url = {https://chancery.example/events/kazakhstan-to-join-the-abraham-accords},",
        "  urldate = {2026-11-30}",
        "}",
      ].join("\n"),
    );
  });
});
