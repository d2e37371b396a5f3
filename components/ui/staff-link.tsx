import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link on a staff page (desk, admin, account, sign-in). Never prefetched. Every staff
 * page is rendered for each request and has no loading.js, so Next's prefetch of one fetches
 * only its route tree, which saves the click nothing. It still cost the web process 8-10 ms
 * of CPU each (a desk list page's own render was 34-42 ms). The prefetches came for every
 * link in view, on every page and again after every action's refresh: about ten on the
 * event editor alone.
 */
export function StaffLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
