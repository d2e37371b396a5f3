"use client";

import type { ReactNode } from "react";

/** A choice as a pair: its value and its label. */
export type ChoicePair = readonly [value: string, label: ReactNode];

/**
 * A select's options from pairs. A client component on purpose: a server page sends
 * a server component's output twice, as HTML and again as elements in its RSC payload
 * (`["$","option","kz",{"value":"kz","children":"Kazakhstan"}]`); the props of a client
 * component go as data (`["kz","Kazakhstan"]`). The public filter forms carry the
 * countries and up to 100 each of speakers, topics and agreements (243 options on
 * `/search` on the scale record, 540 with every country); as elements they were about
 * a quarter of that page's payload. The options are in the same HTML as before, so a
 * form works before (and without) JavaScript.
 */
export function ChoiceOptions({ choices }: { choices: ReadonlyArray<ChoicePair> }) {
  return choices.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
