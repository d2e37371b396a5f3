import { feedRoute } from "@/lib/feeds/respond-feed";

export const GET = feedRoute("rss", "statements");
