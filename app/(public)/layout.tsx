import type { Metadata } from "next";
import { SiteFooter } from "@/components/public/site-footer";
import { SiteHeader } from "@/components/public/site-header";
import { siteOrigin } from "@/lib/site/url";

// Relative canonical and Open Graph URLs resolve against the public origin.
export const metadata: Metadata = {
  metadataBase: new URL(siteOrigin()),
  openGraph: { siteName: "Chancery", locale: "en" },
};

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
