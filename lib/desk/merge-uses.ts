import { andList } from "@/lib/format/country";

/**
 * The merge section's sentence of what refers to the duplicate, from `mergeSummary`'s clauses and
 * the words that name it ("Tokaev", or "the one removed" when both records share a name): the first
 * clause names it, the next refer to it ("2 events concern NPT and 1 agreement is part of it"), or
 * "" when nothing refers to it.
 */
export function usesSentence(clauses: readonly string[], named: string): string {
  return andList(clauses.map((clause, i) => `${clause} ${i === 0 ? named : "it"}`));
}
