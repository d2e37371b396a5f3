/**
 * What an event's or a statement's public address holds: the published item, under
 * its kind's name, else the tombstone of a retracted one (its title and the reason,
 * never its text); null when there is neither. The retracted read runs only when
 * nothing is published.
 */
export async function findPublicationPage<K extends "event" | "statement", T, S>(
  slug: string,
  options: { kind: K; published: (slug: string) => Promise<T | null>; retracted: (slug: string) => Promise<S | null> },
): Promise<({ kind: "published" } & Record<K, T>) | { kind: "retracted"; tombstone: S } | null> {
  const item = await options.published(slug);
  if (item) return { kind: "published", [options.kind]: item } as { kind: "published" } & Record<K, T>;
  const tombstone = await options.retracted(slug);
  return tombstone ? { kind: "retracted", tombstone } : null;
}
