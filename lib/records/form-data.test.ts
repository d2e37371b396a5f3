import { describe, expect, it } from "vitest";
import { formDataToObject, formErrorsOf } from "./form-data";

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("a refusal's errors in the form's own names", () => {
  it("counts back in a blank source row the form left out, so the error shows beside the row it is about", () => {
    const data = form([
      ["sources.0.url", "https://www.reuters.com/world/"],
      ["sources.0.title", "Reuters"],
      // Source 2: added, then left blank.
      ["sources.1.url", ""],
      ["sources.1.title", ""],
      ["sources.2.url", "https://www.reuters.com/world/"],
      ["sources.2.title", "Reuters again"],
    ]);
    expect(formDataToObject(data)).toEqual({ sources: [{ url: "https://www.reuters.com/world/", title: "Reuters" }, { url: "https://www.reuters.com/world/", title: "Reuters again" }] });
    expect(formErrorsOf(data, { "sources.1.url": ["This address is already a source above."], title: ["Enter a title."] })).toEqual({
      "sources.2.url": ["This address is already a source above."],
      title: ["Enter a title."],
    });
  });

  it("counts back in a participant row with no name chosen, and rows within rows", () => {
    const data = form([
      ["participants.0.role", "HOST"],
      ["participants.0.countryId", "KZ"],
      // Participant 2's name was cleared: the row sends nothing.
      ["participants.2.role", "HOST"],
      ["participants.2.countryId", "KZ"],
      ["actions.0.countryId", ""],
      ["actions.1.countryId", "KZ"],
      ["actions.1.sources.0.url", ""],
      ["actions.1.sources.1.url", "https://a.example/"],
      ["actions.1.sources.2.url", "https://a.example/"],
    ]);
    expect(formErrorsOf(data, { "participants.1.countryId": ["Twice."], "actions.0.sources.1.url": ["Twice."] })).toEqual({
      "participants.2.countryId": ["Twice."],
      "actions.1.sources.2.url": ["Twice."],
    });
  });

  it("leaves a name alone that names no row the form has", () => {
    const data = form([["sources.0.url", "https://a.example/"]]);
    expect(formErrorsOf(data, { "sources.3.url": ["x"], "__proto__.x": ["y"], form: ["z"] })).toEqual({ "sources.3.url": ["x"], "__proto__.x": ["y"], form: ["z"] });
  });
});
