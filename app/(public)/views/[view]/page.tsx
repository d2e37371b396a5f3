import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgreementsView, agreementsMetadata } from "./agreements-view";
import { CorrectionsView, correctionsMetadata } from "./corrections-view";
import { CountriesView, countriesMetadata } from "./countries-view";
import { HomeView, homeMetadata } from "./home-view";

/**
 * The public index pages (/, /countries, /agreements, /corrections), reached by
 * rewrites in next.config.js. They live under a dynamic segment so that, like the
 * item pages, they are rendered on the first request and then served from Next's
 * cache until a write expires their tags. A plain static route would be
 * prerendered by `next build`, which runs before any database exists. Next 16's
 * own way (Cache Components) was tried and is not adopted yet: docs/caching.md,
 * "Cache Components: tried, not adopted".
 */
const VIEWS = {
  home: { View: HomeView, metadata: homeMetadata },
  countries: { View: CountriesView, metadata: countriesMetadata },
  agreements: { View: AgreementsView, metadata: agreementsMetadata },
  corrections: { View: CorrectionsView, metadata: correctionsMetadata },
} as const;

type ViewName = keyof typeof VIEWS;
const isView = (name: string): name is ViewName => Object.hasOwn(VIEWS, name);

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await params;
  return isView(view) ? VIEWS[view].metadata : { title: "Not found", robots: { index: false } };
}

export default async function IndexPage({ params }: Props) {
  const { view } = await params;
  if (!isView(view)) notFound();
  const { View } = VIEWS[view];
  return <View />;
}
