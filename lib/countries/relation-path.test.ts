import { describe, expect, it } from "vitest";
import { parseRelationPair, relationPath } from "./relation-path";

describe("relation paths", () => {
  it("puts the two codes in alphabetical order, lower-case", () => {
    expect(relationPath("KZ", "IL")).toBe("/relations/il-kz");
    expect(relationPath("il", "kz")).toBe("/relations/il-kz");
  });

  it("reads a pair and says whether it is canonical", () => {
    expect(parseRelationPair("il-kz")).toEqual({ a: "IL", b: "KZ", isCanonical: true });
    expect(parseRelationPair("kz-il")).toEqual({ a: "IL", b: "KZ", isCanonical: false });
    expect(parseRelationPair("IL-KZ")).toEqual({ a: "IL", b: "KZ", isCanonical: false });
  });

  it("refuses malformed pairs and a country with itself", () => {
    for (const bad of ["il", "il-kz-us", "i1-kz", "il_kz", "kz-kz", ""]) expect(parseRelationPair(bad), bad).toBeNull();
  });
});
