/**
 * The words the seed facts (the research behind the demo record) quote as
 * someone's, with who said them and who printed them. A demo statement may hold
 * only these words (demo-record.test.ts checks it); anything else a source says is
 * a reporter's account and belongs in an event's summary or body.
 *
 * Kept here so the project never reads the research notes outside the repository.
 */
export interface SeedQuote {
  speaker: string;
  words: string;
  printedBy: string;
}

export const SEED_QUOTES: SeedQuote[] = [
  {
    speaker: "Donald Trump, on Truth Social",
    words:
      "I just held a great call between Prime Minister Benjamin Netanyahu, of Israel, and President Kassym-Jomart Tokayev, of Kazakhstan. Kazakhstan is the first Country of my Second Term to join the Abraham Accords, the first of many. This is a major step forward in building bridges across the World. Today, more Nations are lining up to embrace Peace and Prosperity through my Abraham Accords. We will soon announce a Signing Ceremony to make it official, and there are many more Countries trying to join this club of STRENGTH.",
    printedBy: "CNN, Epoch Times, TASS, WION",
  },
  { speaker: "Government of Kazakhstan", words: "a natural and logical continuation", printedBy: "Reuters, Qazinform" },
  { speaker: "Government of Kazakhstan", words: "based on dialogue, mutual respect, and regional stability", printedBy: "Reuters, Qazinform" },
  {
    speaker: "Marco Rubio, to reporters",
    words: "enhanced relationship beyond just diplomatic relations and having embassies in each other's capitals",
    printedBy: "CNN",
  },
  {
    speaker: "Marco Rubio, to reporters",
    words:
      "It is not just with Israel — it's with all the other countries that are part of the accords, you're now creating a partnership that brings special and unique economic development",
    printedBy: "CNN (the sentence is cut in the copy available)",
  },
  { speaker: "a US official (unnamed), to AP", words: "completely changed the paradigm", printedBy: "AP" },
  { speaker: "a US official (unnamed), to AP", words: "move toward the circle of peace", printedBy: "AP" },
  {
    speaker: "a US official (unnamed), to Axios",
    words:
      "This is going to show that the Abraham Accords is a club that many countries want to be a member of and it will be a step for turning the page on the war in Gaza and moving forward towards more peace and cooperation in the region.",
    printedBy: "Axios",
  },
];

/** Typographic apostrophes and spaces differ between copies of the same words. */
export function normaliseQuote(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim();
}

/**
 * Whether a statement's text is made only of seed-quoted words: each part between
 * ellipses ("…" marks an omission) must appear in one quote.
 */
export function isQuotedInSeed(text: string): boolean {
  const parts = normaliseQuote(text)
    .split("…")
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => SEED_QUOTES.some((q) => normaliseQuote(q.words).includes(part)));
}
