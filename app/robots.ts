import type { MetadataRoute } from "next";
import { publicOrigin } from "@/lib/api/origin";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const origin = publicOrigin();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/dashboard", "/admin", "/account", "/api/auth", "/login", "/invite"] }],
    sitemap: `${origin}/sitemap.xml`,
    host: origin,
  };
}
