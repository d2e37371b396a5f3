import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrast, luminance } from "@/lib/testing/contrast";

/**
 * The design tokens' colours in both schemes (app/globals.css). axe checks the pages one by
 * one (e2e/public/dark-scheme.spec.ts); this checks every pairing a page could make, so a
 * token changed later cannot make text unreadable on a page no test happens to show.
 */
const css = readFileSync(path.join(import.meta.dirname, "globals.css"), "utf8");

function colours(block: string | undefined): Record<string, string> {
  expect(block, "a block of tokens").toBeDefined();
  return Object.fromEntries(
    [...block!.matchAll(/--color-([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [
      m[1]!,
      m[2]!.toLowerCase(),
    ]),
  );
}

const light = colours(css.match(/^:root \{([\s\S]*?)^\}/m)?.[1]);
const darkOnly = colours(
  css.match(
    /@media screen and \(prefers-color-scheme: dark\) \{\s*:root \{([\s\S]*?)\n {2}\}/,
  )?.[1],
);
const dark = { ...light, ...darkOnly };

const TEXT = [
  "ink",
  "ink-muted",
  "ink-faint",
  "accent",
  "accent-strong",
  "success",
  "warning",
  "danger",
  "focus",
];
const GROUNDS = [
  "paper",
  "surface",
  "surface-sunken",
  "accent-soft",
  "success-soft",
  "warning-soft",
  "danger-soft",
];
const AA = 4.5;

describe("the dark scheme's tokens", () => {
  it("give every colour token a dark value: none is left as the light scheme's", () => {
    expect(Object.keys(light).length).toBeGreaterThan(20);
    expect(Object.keys(darkOnly).sort()).toEqual(Object.keys(light).sort());
    for (const name of Object.keys(light)) expect(darkOnly[name], name).not.toBe(light[name]);
    expect(luminance(dark.paper!)).toBeLessThan(0.05);
    expect(luminance(dark.ink!)).toBeGreaterThan(0.6);
  });

  it("keep every text colour legible (WCAG AA, 4.5:1) on every ground", () => {
    const failing: string[] = [];
    for (const text of TEXT) {
      for (const ground of GROUNDS) {
        const ratio = contrast(dark[text]!, dark[ground]!);
        if (ratio < AA) failing.push(`${text} on ${ground}: ${ratio.toFixed(2)}`);
      }
    }
    expect(failing).toEqual([]);
  });

  it("keep a filled button's text legible in both schemes", () => {
    for (const scheme of [light, dark]) {
      for (const fill of ["accent", "accent-strong", "danger"])
        expect(contrast(scheme["on-accent"]!, scheme[fill]!), fill).toBeGreaterThanOrEqual(AA);
      // The desk's bar keeps its light text (components/desk/desk-header.module.css).
      expect(contrast("#ffffff", scheme.chrome!)).toBeGreaterThanOrEqual(AA);
    }
  });
});
