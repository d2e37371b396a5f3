import { describe, expect, it } from "vitest";
import {
  countryOtherNamesShown,
  listCountryOtherNames,
  listIsoCountries,
} from "@/lib/seed/countries";
import { andList, countryInText, pairInText } from "./country";

const country = (iso2: string) => listIsoCountries().find((c) => c.iso2 === iso2)!;

describe("country names", () => {
  it("records the short names readers use, not the package's index and long forms", () => {
    const names = new Map(listIsoCountries().map((c) => [c.iso2, c.name]));
    expect(names.get("US")).toBe("United States");
    expect(names.get("RU")).toBe("Russia");
    expect(names.get("MD")).toBe("Moldova");
    expect(names.get("CI")).toBe("Côte d'Ivoire");
    expect(names.get("KZ")).toBe("Kazakhstan");
    // No recorded name is an index form ("Moldova, Republic of") or carries a gloss in brackets
    // other than ISO's own for the territories.
    const indexForms = [...names].filter(
      ([, name]) => name.includes(",") && !name.startsWith("Bonaire"),
    );
    expect(indexForms).toEqual([]);
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it("keeps the package's names as other names, so the search and the import still find them", () => {
    const others = new Map(listCountryOtherNames().map((c) => [c.iso2, c.otherNames]));
    expect(others.get("US")).toEqual(
      expect.arrayContaining(["United States of America", "USA", "US"]),
    );
    expect(others.get("RU")).toContain("Russian Federation");
    expect(others.get("VA")).toEqual(
      expect.arrayContaining(["Holy See (Vatican City State)", "Vatican City", "Vatican"]),
    );
    expect(others.get("US")).not.toContain("United States");
  });

  it("shows a reader the other names that are names to a reader", () => {
    expect(countryOtherNamesShown("MM")).toEqual(["Burma"]);
    expect(countryOtherNamesShown("mm")).toEqual(["Burma"]);
    expect(countryOtherNamesShown("US")).toEqual(["United States of America", "USA", "US", "America"]);
    // "The Netherlands" and "Netherlands (Kingdom of the)" are the name itself; "Korea, Republic of" an index form.
    expect(countryOtherNamesShown("NL")).toEqual(["Holland"]);
    expect(countryOtherNamesShown("KR")).toEqual(["Republic of Korea"]);
    // The name without its accents is no other name; "Congo" names two countries.
    expect(countryOtherNamesShown("CI")).toEqual(["Ivory Coast"]);
    expect(countryOtherNamesShown("CD")).toEqual(["DR Congo", "DRC", "Congo-Kinshasa"]);
    expect(countryOtherNamesShown("TW")).toEqual([]);
    expect(countryOtherNamesShown("KZ")).toEqual([]);
  });

  it("writes a name in a sentence with the article English gives it", () => {
    expect(countryInText(country("US"))).toBe("the United States");
    expect(countryInText(country("US"), { atStart: true })).toBe("The United States");
    expect(countryInText(country("NL"))).toBe("the Netherlands");
    expect(countryInText(country("CK"))).toBe("the Cook Islands");
    expect(countryInText(country("HM"))).toBe("Heard Island and McDonald Islands");
    expect(countryInText(country("KZ"), { atStart: true })).toBe("Kazakhstan");
    expect(countryInText({ iso2: "ae", name: "United Arab Emirates" })).toBe(
      "the United Arab Emirates",
    );
    expect(pairInText(country("IL"), country("US"))).toBe("Israel and the United States");
    expect(pairInText(country("AE"), country("US"))).toBe(
      "The United Arab Emirates and the United States",
    );
    expect(andList(["Burma"])).toBe("Burma");
    expect(andList(["United States of America", "USA", "US"])).toBe(
      "United States of America, USA and US",
    );
  });

  it("gives the article to every name that needs one by its form", () => {
    // A name in the plural or of a republic, kingdom, union or state takes "the"; a list keyed by
    // code must not miss one.
    const missing = listIsoCountries().filter(
      (c) =>
        /(Islands|Republic|United|Kingdom|State of|Emirates|Territories)\b|^(Netherlands|Philippines|Bahamas|Maldives|Comoros)$/.test(
          c.name,
        ) && !countryInText(c).startsWith("the "),
    );
    expect(missing.map((c) => c.name).sort()).toEqual([
      "Heard Island and McDonald Islands",
      "South Georgia and the South Sandwich Islands",
    ]);
  });
});
