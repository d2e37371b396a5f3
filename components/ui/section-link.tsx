"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link in a site's main navigation that says where the reader is: `aria-current="page"`
 * on the section's own page, `aria-current="true"` anywhere inside it (a record of the
 * section, its sub-pages, and the `also` paths that belong to it), which the header's
 * styles underline. `exact` sections (the desk's dashboard, whose address begins every
 * other desk page's) are current on their own page only.
 */
export function SectionLink({ href, exact = false, also = [], ...props }: ComponentProps<typeof Link> & { href: string; exact?: boolean; also?: string[] }) {
  const pathname = usePathname() ?? "";
  const inside = (base: string) => pathname === base || pathname.startsWith(`${base}/`);
  const current = pathname === href ? "page" : !exact && (inside(href) || also.some(inside)) ? "true" : undefined;
  return <Link href={href} aria-current={current} {...props} />;
}
