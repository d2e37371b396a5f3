"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link to one record in a list of them (lists, search results, timelines, a record's
 * related items, the countries index), prefetched only once the reader shows they may follow
 * it: the pointer over it, keyboard focus on it, or a finger on it. Next's own links prefetch
 * every link that scrolls into view. On a page of records not yet in the cache (after a
 * publish, a restart or a bulk import) that is a render for each item in view, all at once:
 * a topic page of long-topic events in the e2e suite sent enough at once that a query of
 * another reader's search was refused ("The database is busy: 50 queries already wait").
 * The site's navigation (header, footer, breadcrumbs, paging) keeps Next's prefetch: a few
 * links, each likely to be followed. Next's own pattern for it: "Hover-triggered prefetch",
 * node_modules/next/dist/docs/01-app/02-guides/prefetching.md.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      // null is Next's default prefetch: from the moment of intent, as any link in view.
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
