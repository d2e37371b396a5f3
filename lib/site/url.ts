/**
 * The public origin for canonical URLs, Open Graph and citations. NEXTAUTH_URL is
 * the one configured public origin; read straight from process.env (not lib/env)
 * so this also works during `next build`, before anything is configured.
 */
const FALLBACK_ORIGIN = "http://localhost:3000";

export function siteOrigin(): string {
  const raw = process.env.NEXTAUTH_URL?.trim();
  if (!raw) return FALLBACK_ORIGIN;
  try {
    const url = new URL(raw);
    return url.origin;
  } catch {
    return FALLBACK_ORIGIN;
  }
}

/** An absolute URL on the public site for a path such as "/events/x". */
export function absoluteUrl(path: string): string {
  return new URL(path, `${siteOrigin()}/`).toString();
}
