import { siteOrigin } from "@/lib/site/url";

/**
 * The public origin for absolute URLs in feeds, the sitemap and the API: the
 * configured NEXTAUTH_URL (lib/site/url.ts) or, when none is set, the request's own
 * origin, so a fresh install still produces working links.
 */
export function publicOrigin(request?: Request): string {
  if (process.env.NEXTAUTH_URL?.trim() || !request) return siteOrigin();
  return new URL(request.url).origin;
}

export function absoluteUrl(path: string, origin: string): string {
  return new URL(path, origin).toString();
}
