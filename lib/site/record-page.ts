import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { mergedSlug, type MergedKind } from "@/lib/records/merged-slug";

/**
 * What the public record pages share around their own content: the metadata they
 * give search engines and link previews, and the read that ends in a 404.
 */

export type SlugProps = { params: Promise<{ slug: string }> };

/** A page with no record behind it is never indexed. */
export function notFoundMetadata(what?: string): Metadata {
  return { title: what ? `${what} not found` : "Not found", robots: { index: false } };
}

/** A record page's title, description and canonical address, and the feeds that follow it (feedAlternates); Open Graph says the same. */
export function recordMetadata({ title, description, path, type, feeds }: { title: string; description: string; path: string; type?: "profile"; feeds?: AlternateTypes }): Metadata {
  return { title, description, alternates: { canonical: path, ...(feeds ? { types: feeds } : {}) }, openGraph: { ...(type ? { type } : {}), title, description, url: path } };
}
type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/** An event or a statement: an article, with a card for link previews. */
export function articleMetadata(options: { title: string; description: string; path: string; card: "summary" | "summary_large_image" }): Metadata {
  const { title, description, path } = options;
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { type: "article", title, description, url: path, siteName: "Chancery" },
    twitter: { card: options.card, title, description },
  };
}

/** A retracted item's page keeps its address but leaves the index. */
export function retractedMetadata(title: string, path: string): Metadata {
  return { title: `Retracted: ${title}`, alternates: { canonical: path }, robots: { index: false } };
}

/** generateMetadata of a slug page: the record's own, or not-found's when there is none. */
export function slugPageMetadata<T>(read: (slug: string) => Promise<T | null>, what: string, describe: (record: T) => Metadata) {
  return async function generateMetadata({ params }: SlugProps): Promise<Metadata> {
    const record = await read((await params).slug);
    return record ? describe(record) : notFoundMetadata(what);
  };
}

/** The record a slug page shows, or Next's 404 page. */
export async function readOrNotFound<T>(params: SlugProps["params"], read: (slug: string) => Promise<T | null>): Promise<NonNullable<T>> {
  const record = await read((await params).slug);
  if (!record) notFound();
  return record;
}

type PublicationPage = { kind: "published" } | { kind: "retracted"; tombstone: { title: string } };

/** generateMetadata of an event or statement page: the article's, a retracted one's, or not-found's. */
export function publicationMetadata<P extends PublicationPage>(
  options: { what: string; read: (slug: string) => Promise<P | null>; path: (slug: string) => string },
  describe: (page: Extract<P, { kind: "published" }>, path: string) => Metadata,
) {
  return async function generateMetadata({ params }: SlugProps): Promise<Metadata> {
    const { slug } = await params;
    const page = await options.read(slug);
    if (!page) return notFoundMetadata(options.what);
    const path = options.path(slug);
    if (page.kind === "retracted") return retractedMetadata((page as Extract<P, { kind: "retracted" }>).tombstone.title, path);
    return describe(page as Extract<P, { kind: "published" }>, path);
  };
}

/**
 * The record a person's, organization's, topic's or agreement's page shows; the address of a duplicate
 * merged into another answers a permanent redirect to the one kept (lib/records/merge.ts); else a 404.
 */
export async function readOrMerged<T>(params: SlugProps["params"], read: (slug: string) => Promise<T | null>, merged: { kind: MergedKind; path: (slug: string) => string }): Promise<NonNullable<T>> {
  const { slug } = await params;
  const record = await read(slug);
  if (record) return record;
  const kept = await mergedSlug(merged.kind, slug);
  if (kept) permanentRedirect(merged.path(kept));
  notFound();
}
