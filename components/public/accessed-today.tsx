"use client";

import { useSyncExternalStore } from "react";
import { formatAccessed, type AccessedForm } from "@/lib/format/citation";

const PLACEHOLDER: Record<AccessedForm, string> = { dmy: "[date accessed]", mdy: "[date accessed]", iso: "YYYY-MM-DD" };

/**
 * The page is rendered once and cached, so the server cannot know the day it is
 * read; the reader's browser fills it in. Without JavaScript a placeholder stays.
 */
export function AccessedToday({ form = "dmy" }: { form?: AccessedForm }) {
  const value = useSyncExternalStore(
    () => () => {},
    () => formatAccessed(new Date(), form),
    () => PLACEHOLDER[form],
  );
  return <span suppressHydrationWarning>{value}</span>;
}
