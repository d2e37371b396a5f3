/** From this many characters typed, names are compared folded (lib/db/names.ts). */
export const FOLDED_FROM = 3;

/** Letters NFKD does not take apart, and typographic punctuation, as PostgreSQL's `unaccent` rules write them. */
const PLAIN: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", "‘": "'", "’": "'", ʼ: "'", "“": '"', "”": '"', "„": '"', "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-" };

/**
 * A text folded as the database's `name_folded` folds names (lib/db/names.ts), for what is
 * compared in memory (an import's countries, a picker's other names) and for slugs: lower
 * case, accents dropped, typographic quotes and dashes plain, characters that show nothing
 * dropped (a zero-width space, a joiner, a direction mark: "Kaza\u200Bkhstan" is Kazakhstan),
 * every kind of space one plain space (migration 20261208100000_names_folded_without_invisibles).
 * "Côte d’Ivoire" → "cote d'ivoire", "Lech Wałęsa" → "lech walesa".
 */
export const foldText = (text: string) =>
  text
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæœøłđðþı‘’ʼ“”„‐‑‒–—―]/g, (c) => PLAIN[c]!)
    .replace(/\p{Zs}+/gu, " ");
