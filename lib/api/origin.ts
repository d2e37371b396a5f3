/**
 * The public origin for absolute URLs in feeds, the sitemap and the API. NEXTAUTH_URL
 * is the configured public address; the request's own origin is the fallback so a
 * fresh install still produces working links.
 */
export function publicOrigin(request?: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An invalid value is reported by the env check at start; fall through.
    }
  }
  if (request) return new URL(request.url).origin;
  return "http://localhost:3000";
}

export function absoluteUrl(path: string, origin: string): string {
  return new URL(path, origin).toString();
}
