import { scaleVocabulary } from "./scale-record";
import { PEOPLE_NAMED } from "./scale-entities";

/**
 * Search queries a reader might type on the scale record: 1–3 words drawn from its
 * vocabulary, common and rare alike (a third from the 50 most common words, a third
 * from the middle, a third from the rare tail), some as "quoted phrases", some with
 * a -exclusion, and names spelt right or wrong. Seeded and unique: no two queries are
 * the same, so no cache answers any of them.
 */
export function scaleSearchQueries(count: number, options: { seed?: number; vocabulary?: number } = {}): string[] {
  let a = (options.seed ?? 7) >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words = scaleVocabulary(options.vocabulary ?? 5_000);
  const pick = (from: number, to: number) => words[from + Math.floor(random() * (to - from))]!;
  const word = () => {
    const band = random();
    return band < 1 / 3 ? pick(0, 50) : band < 2 / 3 ? pick(50, 1_000) : pick(1_000, words.length);
  };
  const names = [...PEOPLE_NAMED, "Kazakhstan", "Kazakstan", "Tokaev", "Tokayev", "Netanyahou", "Macrone", "Uzbekistan", "Azerbaidjan", "Rubio"];
  const seen = new Set<string>();
  const out: string[] = [];
  for (let guard = 0; out.length < count && guard < count * 50; guard++) {
    const shape = random();
    const n = 1 + Math.floor(random() * 3);
    let q: string;
    if (shape < 0.1) q = `${names[Math.floor(random() * names.length)]!} ${word()}`;
    else if (shape < 0.2) q = `"${word()} ${word()}"`;
    else if (shape < 0.25) q = `${word()} -${word()}`;
    else q = Array.from({ length: n }, word).join(" ");
    if (seen.has(q)) continue;
    seen.add(q);
    out.push(q);
  }
  return out;
}
