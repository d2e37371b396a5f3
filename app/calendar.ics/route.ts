import { calendarResponse } from "@/lib/feeds/respond-feed";

export const GET = calendarResponse;
