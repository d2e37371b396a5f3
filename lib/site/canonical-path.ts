import { parseRelationPair, relationPath } from "@/lib/countries/relation-path";
import { isIsoCountryCode } from "@/lib/seed/countries";
import { countryPath } from "@/lib/site/paths";

/**
 * The canonical form of a public path whose spelling can vary: country codes are
 * lower-case (/countries/KZ → /countries/kz) and relation pairs alphabetical
 * (/relations/kz-il → /relations/il-kz). Null when the path is already canonical
 * or is not one of these, or names a code no country has (/relations/zz-kz answers
 * 404 where it is asked, not after a redirect to /relations/kz-zz). Used by the
 * proxy, so pages never redirect themselves.
 */
export function canonicalPublicPath(pathname: string): string | null {
  const country = /^\/countries\/([A-Za-z]{2})\/?$/.exec(pathname);
  if (country) {
    if (!isIsoCountryCode(country[1]!)) return null;
    const lower = countryPath(country[1]!);
    return lower === pathname ? null : lower;
  }
  const relation = /^\/relations\/([^/]+)\/?$/.exec(pathname);
  if (relation) {
    const parsed = parseRelationPair(relation[1]!);
    if (!parsed || !isIsoCountryCode(parsed.a) || !isIsoCountryCode(parsed.b)) return null;
    const canonical = relationPath(parsed.a, parsed.b);
    return canonical === pathname ? null : canonical;
  }
  return null;
}
