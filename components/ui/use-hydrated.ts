"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False while the server's HTML is on screen and React has not yet taken it over
 * (and on the server), true from the render after hydration on. For what must not
 * act before the page's script can: a button that needs it, or a form whose typed
 * text hydration would overwrite (React 19 resets a `<textarea>` to its server text).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
