import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("**Kazakhstan** joins")).toBe("<p><strong>Kazakhstan</strong> joins</p>\n");
  });

  it("never passes raw HTML through", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("allows only http, https and mailto links", () => {
    expect(renderMarkdown("[a](https://example.org)")).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">a</a>');
    expect(renderMarkdown("[m](mailto:desk@example.org)")).toContain('href="mailto:desk@example.org"');
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd"]) {
      expect(renderMarkdown(`[x](${bad})`)).not.toContain("<a");
    }
  });

  it("allows links to pages of this site, without nofollow, but not to another host", () => {
    expect(renderMarkdown("[Kazakhstan](/countries/kz)")).toBe('<p><a href="/countries/kz">Kazakhstan</a></p>\n');
    expect(renderMarkdown("[x](//evil.example/a)")).not.toContain("href");
    expect(renderMarkdown("[x](/events/a?b=<c>)")).not.toContain("href");
    expect(renderMarkdown("[x](/\\evil.example)")).not.toContain("href");
  });

  it("puts a table in a box of its own that a keyboard can reach, to scroll a wide one", () => {
    const html = renderMarkdown("| Party | Status |\n|---|---|\n| Kazakhstan | Intent |");
    expect(html).toMatch(/^<div data-table="" role="region" tabindex="0" aria-label="Table">\n<table>\n<thead>/);
    expect(html).toContain("<td>Kazakhstan</td>");
    expect(html.trimEnd()).toMatch(/<\/table>\n<\/div>$/);
  });

  it("renders images as their text", () => {
    expect(renderMarkdown("![a map](https://example.org/map.png)")).toBe("<p>a map</p>\n");
  });
});
