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
    for (const path of ["/countries/kz", "/relations/il-kz", "/countries", "/countries/kaz", "/relations/kz-kz", "/events/KZ"]) {
      expect(canonicalPublicPath(path), path).toBeNull();
    }
  });
});
