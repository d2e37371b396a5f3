import { eventCalendarResponse } from "@/lib/feeds/respond-feed";

/** One published event as a calendar file: what "Add it to a calendar" on a scheduled event's page opens. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return eventCalendarResponse(request, (await params).slug);
}
