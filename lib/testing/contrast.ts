/**
 * WCAG 2.1's relative luminance and contrast ratio, for the tests that hold colours to it:
 * the design tokens (app/globals.test.ts) and colours as a browser computed them
 * (e2e/public/dark-scheme.spec.ts). A colour is `#rrggbb` or CSS's `rgb(r, g, b)`.
 */
export function luminance(colour: string): number {
  const channels = colour.startsWith("#")
    ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
    : (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  if (channels.length !== 3 || channels.some((c) => Number.isNaN(c))) throw new Error(`not a colour: ${colour}`);
  const [r, g, b] = channels.map((c) => c / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
