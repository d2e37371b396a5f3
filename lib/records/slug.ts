import { foldText } from "./fold";

/**
 * "Food technology & agriculture" → "food-technology-and-agriculture": accents
 * folded ("Lech Wałęsa" → "lech-walesa", not "lech-wa-esa"), "&" and "+" spelled out,
 * at most 80 characters.
 */
export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/&/g, " and ")
    .replace(/\+/g, " plus ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "untitled";
}

/** The slugs a name may get, in the order they are tried: "marco-rubio", "marco-rubio-2", … */
function* candidates(root: string): Generator<string> {
  for (let n = 1; n < 1000; n++) yield n === 1 ? root : `${root}-${n}`;
}

const lastResort = (root: string) => `${root}-${Date.now().toString(36)}`;

/**
 * The first free slug for a name: "marco-rubio", then "marco-rubio-2", …
 * `isTaken` runs in the saving transaction; the unique index still guards a race.
 */
export async function uniqueSlug(name: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const root = slugify(name);
  for (const candidate of candidates(root)) if (!(await isTaken(candidate))) return candidate;
  return lastResort(root);
}

/**
 * Slugs for many new records at once, the same as `uniqueSlug` for each name in
 * turn (each one taking its slug before the next is chosen). `taken(roots)` gets each
 * name's root (repeats kept) and returns the stored slugs the names could collide with,
 * read once for all of them.
 */
export async function uniqueSlugs(names: string[], taken: (roots: string[]) => Promise<Set<string>>): Promise<string[]> {
  const roots = names.map(slugify);
  const used = await taken(roots);
  return roots.map((root) => {
    for (const candidate of candidates(root)) {
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
    return lastResort(root);
  });
}
