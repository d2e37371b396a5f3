"use client";

import { useSyncExternalStore } from "react";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function today(): string {
  const now = new Date();
  return `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
}

/**
 * The page is rendered once and cached, so the server cannot know the day it is
 * read; the reader's browser fills it in. Without JavaScript a placeholder stays.
 */
export function AccessedToday() {
  const value = useSyncExternalStore(
    () => () => {},
    today,
    () => "[date accessed]",
  );
  return <span suppressHydrationWarning>{value}</span>;
}
