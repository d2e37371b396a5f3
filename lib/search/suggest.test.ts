import { describe, expect, it } from "vitest";
import { acronymKeys, otherNameMatches, sharesOnlyKindWords, withoutNamesInsideOthers } from "./suggest";

const countriesOf = (q: string) => otherNameMatches(q).suggestions.map((s) => s.path);

describe("countries named by another name than their own", () => {
  it("finds a country by the name readers use, in any case", () => {
    expect(otherNameMatches("UAE").suggestions).toEqual([{ kind: "country", path: "/countries/ae", name: "United Arab Emirates", score: 1, whole: true, terms: 1 }]);
    expect(countriesOf("uae normalization")).toEqual(["/countries/ae"]);
    expect(countriesOf("Turkey")).toEqual(["/countries/tr"]);
    expect(otherNameMatches("turkey").suggestions[0]?.name).toBe("Türkiye");
    expect(countriesOf("Ivory Coast")).toEqual(["/countries/ci"]);
    expect(countriesOf("talks with Czechia, and the USA")).toEqual(["/countries/cz", "/countries/us"]);
    // One name, two countries.
    expect(countriesOf("Congo").sort()).toEqual(["/countries/cd", "/countries/cg"]);
  });

  it("knows the names the package does not: former names and short forms readers still use", () => {
    expect(countriesOf("Burma")).toEqual(["/countries/mm"]);
    expect(countriesOf("Britain")).toEqual(["/countries/gb"]);
    expect(countriesOf("Holland")).toEqual(["/countries/nl"]);
    expect(countriesOf("Swaziland talks")).toEqual(["/countries/sz"]);
    expect(countriesOf("east timor")).toEqual(["/countries/tl"]);
    expect(countriesOf("DRC")).toEqual(["/countries/cd"]);
    expect(countriesOf("Congo-Brazzaville")).toEqual(["/countries/cg"]);
    expect(countriesOf("BVI")).toEqual(["/countries/vg"]);
    // The package's long and index forms of the names the record uses short.
    const longForms = ["Russian Federation", "United States of America", "Moldova, Republic of", "Vatican"];
    expect(longForms.map(countriesOf)).toEqual([["/countries/ru"], ["/countries/us"], ["/countries/md"], ["/countries/va"]]);
    // "America" alone is the United States, but a continent is no country.
    expect(["America", "america talks", "Latin America", "trade with South America and Asia", "North America, America"].map(countriesOf)).toEqual([
      ["/countries/us"],
      ["/countries/us"],
      [],
      [],
      ["/countries/us"],
    ]);
    // "American" is the United States' adjective, but American Samoa is itself.
    expect(["American president", "the Americans", "American Samoa"].map(countriesOf)).toEqual([["/countries/us"], ["/countries/us"], []]);
    // A word of a longer other name names nothing by itself: the US Virgin Islands are not also the US.
    expect(["US Virgin Islands", "USVI"].map(countriesOf)).toEqual([["/countries/vi"], ["/countries/vi"]]);
    // One country's own name holding another name of two ("Congo") is left to the names' search.
    expect(countriesOf("Democratic Republic of the Congo")).toEqual([]);
    // With or without accents.
    expect(countriesOf("Côte d’Ivoire")).toEqual(["/countries/ci"]);
  });

  it("leaves the names' search the words another name did not take", () => {
    const rest = (q: string) => otherNameMatches(q).rest;
    expect(["United States of America", "the US State Department", "Burma -Thailand talks"].map(rest)).toEqual(["", "the State Department", "-Thailand talks"]);
    // A country's own name holding another's is left whole for the names' search to find.
    expect(["American Samoa", "Democratic Republic of the Congo"].map(rest)).toEqual(["American Samoa", "Democratic Republic of the Congo"]);
    // A region's words name nothing, not even by a near spelling ("South Africa").
    expect(["Latin America", "trade with South America and Asia"].map(rest)).toEqual(["", "trade with and Asia"]);
    // Nothing taken: the query as typed.
    expect(["join us, Kazakhstan", "-Turkey"].map(rest)).toEqual(["join us, Kazakhstan", "-Turkey"]);
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

describe("what a query may call an organization by", () => {
  it("is each phrase of up to three words, folded, as the database writes an acronym", () => {
    expect(acronymKeys("EU")).toEqual(["eu"]);
    expect(acronymKeys("State Department")).toEqual(["state", "state department", "department"]);
    expect(acronymKeys("C5+1 ministers")).toEqual(["c5", "c5 1", "c5 1 ministers", "1 ministers", "ministers"]);
    expect(acronymKeys("NATO")).toEqual(["nato"]);
    expect(acronymKeys("nato")).toEqual(["nato"]);
  });

  it("takes three letters or fewer only in capitals, and no word excluded with a minus sign", () => {
    expect(acronymKeys("who said it")).toEqual(["who said", "who said it", "said", "said it"]);
    expect(acronymKeys("WHO")).toEqual(["who"]);
    expect(acronymKeys("un eu")).toEqual(["un eu"]);
    expect(acronymKeys("UN -EU")).toEqual(["un"]);
    expect(acronymKeys("")).toEqual([]);
  });
});

describe("names a query shares only words of a kind with", () => {
  it("are the names it shares only such words with, and no name found by a near spelling", () => {
    const peace = "Abraham Accords Peace Agreement: Treaty of Peace";
    expect(sharesOnlyKindWords("Paris agreement", peace)).toBe(true);
    expect(sharesOnlyKindWords("Paris agreements", peace)).toBe(true);
    expect(sharesOnlyKindWords("Kazakhstan ministry", "Ministry of Foreign Affairs of Uzbekistan")).toBe(true);
    expect(sharesOnlyKindWords("peace agreement", peace)).toBe(false);
    expect(sharesOnlyKindWords("Abraham acords", "Abraham Accords")).toBe(false);
    expect(sharesOnlyKindWords("Bahrain Israel", "Declaration of Peace (Bahrain–Israel)")).toBe(false);
    expect(sharesOnlyKindWords("Tokaev", "Kassym-Jomart Tokayev")).toBe(false);
    expect(sharesOnlyKindWords("Paris -agreement", peace)).toBe(false);
  });
});

describe("a name inside a longer one the query holds whole", () => {
  const country = (name: string) => ({ kind: "country" as const, name });
  const names = (q: string, offered: Array<{ kind: "country" | "topic" | "agreement"; name: string }>) => withoutNamesInsideOthers(q, offered).map((s) => s.name);

  it("is left out: the reader typed the longer name", () => {
    expect(names("American Samoa", [country("American Samoa"), country("Samoa")])).toEqual(["American Samoa"]);
    expect(names("south sudan talks", [country("Sudan"), country("South Sudan")])).toEqual(["South Sudan"]);
    expect(names("Papua New Guinea", [country("Papua New Guinea"), country("Guinea"), country("Equatorial Guinea")])).toEqual(["Papua New Guinea", "Equatorial Guinea"]);
    expect(names("ÉQUATORIAL GUINEA", [country("Guinea"), country("Equatorial Guinea")])).toEqual(["Equatorial Guinea"]);
  });

  it("stays when the query names it apart from the longer name, or does not hold the longer name whole", () => {
    expect(names("Sudan and South Sudan", [country("Sudan"), country("South Sudan")])).toEqual(["Sudan", "South Sudan"]);
    expect(names("Samoa", [country("Samoa"), country("American Samoa")])).toEqual(["Samoa", "American Samoa"]);
    expect(names("sudan south", [country("Sudan"), country("South Sudan")])).toEqual(["Sudan", "South Sudan"]);
    // A hyphen makes one word: "Guinea-Bissau" holds no "Guinea".
    expect(names("Guinea-Bissau", [country("Guinea-Bissau"), country("Guinea")])).toEqual(["Guinea-Bissau", "Guinea"]);
  });

  it("is judged within a kind only", () => {
    expect(names("Abraham Accords Peace Agreement", [{ kind: "agreement", name: "Abraham Accords Peace Agreement" }, { kind: "topic", name: "Abraham Accords" }])).toEqual([
      "Abraham Accords Peace Agreement",
      "Abraham Accords",
    ]);
  });
});
