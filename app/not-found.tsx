import { PublicNotFoundContent } from "@/components/public/not-found-content";
import { SiteFooter } from "@/components/public/site-footer";
import { SiteHeader } from "@/components/public/site-header";

/** An address that matches no route: the public 404, inside the site's header and footer. */
export default function NotFound() {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        <PublicNotFoundContent />
      </main>
      <SiteFooter />
    </>
  );
}
