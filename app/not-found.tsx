import { PublicNotFoundContent } from "@/components/public/not-found-content";
import { SiteFrame } from "@/components/public/site-frame";

/** An address that matches no route: the public 404, inside the site's header and footer. */
export default function NotFound() {
  return (
    <SiteFrame>
      <PublicNotFoundContent />
    </SiteFrame>
  );
}
