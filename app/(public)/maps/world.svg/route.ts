import { worldBaseSvg } from "@/lib/countries/world-map";

// The same base layer for every map: built at build time, cached by browsers and
// CDNs, so pages carry only the few coloured countries inline.
export const dynamic = "force-static";

export function GET() {
  return new Response(worldBaseSvg(), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400, s-maxage=31536000" },
  });
}
