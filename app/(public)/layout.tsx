import type { Metadata } from "next";
import { SiteFrame } from "@/components/public/site-frame";
import { siteOrigin } from "@/lib/site/url";

// Relative canonical and Open Graph URLs resolve against the public origin.
export const metadata: Metadata = {
  metadataBase: new URL(siteOrigin()),
  openGraph: { siteName: "Chancery", locale: "en" },
};

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
