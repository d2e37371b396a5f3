import { describe, expect, it } from "vitest";
import { canonicalPublicPath } from "./canonical-path";

describe("canonicalPublicPath", () => {
  it("lower-cases country codes and orders relation pairs", () => {
    expect(canonicalPublicPath("/countries/KZ")).toBe("/countries/kz");
    expect(canonicalPublicPath("/countries/Kz")).toBe("/countries/kz");
    expect(canonicalPublicPath("/relations/kz-il")).toBe("/relations/il-kz");
    expect(canonicalPublicPath("/relations/IL-KZ")).toBe("/relations/il-kz");
  });

  it("leaves canonical, unrelated and malformed paths alone", () => {
    // Codes no country has are left to answer 404 where they are asked (XK is the package's, not ISO's).
    for (const path of ["/countries/kz", "/relations/il-kz", "/countries", "/countries/kaz", "/relations/kz-kz", "/events/KZ", "/countries/ZZ", "/countries/XK", "/relations/zz-kz", "/relations/KZ-QQ"]) {
      expect(canonicalPublicPath(path), path).toBeNull();
    }
  });
});
