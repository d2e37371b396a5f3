/** XML text and attribute escaping; also drops characters XML 1.0 forbids outright. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** RFC 822 dates for RSS 2.0 (e.g. "Thu, 06 Nov 2025 00:00:00 GMT"). */
export const rfc822 = (date: Date) => date.toUTCString();
