import { describe, expect, it } from "vitest";
import { otherNameSuggestions } from "./suggest";

const countriesOf = (q: string) => otherNameSuggestions(q).map((s) => s.path);

describe("countries named by another name than their own", () => {
  it("finds a country by the name readers use, in any case", () => {
    expect(otherNameSuggestions("UAE")).toEqual([{ kind: "country", path: "/countries/ae", name: "United Arab Emirates", score: 1 }]);
    expect(countriesOf("uae normalization")).toEqual(["/countries/ae"]);
    expect(countriesOf("Turkey")).toEqual(["/countries/tr"]);
    expect(otherNameSuggestions("turkey")[0]?.name).toBe("Türkiye");
    expect(countriesOf("Ivory Coast")).toEqual(["/countries/ci"]);
    expect(countriesOf("talks with Czechia, and the USA")).toEqual(["/countries/cz", "/countries/us"]);
    // One name, two countries.
    expect(countriesOf("Congo").sort()).toEqual(["/countries/cd", "/countries/cg"]);
  });

  it("takes a two-letter name only in capitals, and never a word excluded with a minus sign", () => {
    expect(countriesOf("US Kazakhstan")).toEqual(["/countries/us"]);
    expect(countriesOf("UK")).toEqual(["/countries/gb"]);
    expect(countriesOf("join us")).toEqual([]);
    expect(countriesOf("uk")).toEqual([]);
    expect(countriesOf("-Turkey")).toEqual([]);
    expect(countriesOf("Ivory -Coast")).toEqual([]);
  });

  it("leaves a country's own name, and anything else, to the names' search", () => {
    expect(countriesOf("Kazakhstan")).toEqual([]);
    expect(countriesOf("United Arab Emirates")).toEqual([]);
    expect(countriesOf("")).toEqual([]);
    expect(countriesOf("!!! ((( ---")).toEqual([]);
  });
});
