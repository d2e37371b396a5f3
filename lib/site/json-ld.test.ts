import { describe, expect, it } from "vitest";
import { breadcrumbList, jsonLdGraph, serializeJsonLd } from "./json-ld";

describe("serializeJsonLd", () => {
  it("cannot close the script element or open a comment, and stays valid JSON", () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028 \u2029';
    const out = serializeJsonLd({ "@type": "Event", name: hostile });
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(out)).toEqual({ "@type": "Event", name: hostile });
  });

  it("leaves out absent facts and empty lists", () => {
    const out = JSON.parse(serializeJsonLd({ "@type": "Person", name: "A", sameAs: undefined, jobTitle: null, knows: [] }));
    expect(out).toEqual({ "@type": "Person", name: "A" });
  });

  it("numbers breadcrumbs from one inside a graph with the schema.org context", () => {
    const doc = JSON.parse(
      serializeJsonLd(jsonLdGraph([breadcrumbList([{ name: "Home", url: "https://x/" }, { name: "Events", url: "https://x/events" }])])),
    );
    expect(doc["@context"]).toBe("https://schema.org");
    expect(doc["@graph"][0].itemListElement.map((i: { position: number }) => i.position)).toEqual([1, 2]);
  });
});
