import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { getPublicEventPage } from "@/lib/events/public-queries";
import { formatDate } from "@/lib/format/date";
import { EVENT_TYPE_LABELS, OCCURRENCE_LABELS, label } from "@/lib/format/labels";

// next/og ships its own font (Noto Sans), so this renders offline.
export const alt = "Chancery: an event in the diplomatic record";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export async function generateStaticParams() {
  return [];
}

export default async function EventImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await getPublicEventPage(slug);
  // Only a published event has a card; drafts, unknown and retracted events have none.
  if (page?.kind !== "published") notFound();
  const event = page.event;
  const kicker = [label(EVENT_TYPE_LABELS, event.type), formatDate(event.date, event.datePrecision), event.occurrence !== "OCCURRED" ? label(OCCURRENCE_LABELS, event.occurrence) : null]
    .filter(Boolean)
    .join("  ·  ");
  const title = event.title;
  const place = [event.placeName, event.country?.name].filter(Boolean).join(", ");
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          background: "#fcfbf8",
          color: "#1b1f24",
          padding: "64px 72px",
          borderTop: "16px solid #1d4e89",
        }}
      >
        <div style={{ display: "flex", fontSize: 28, color: "#1d4e89", letterSpacing: 2, textTransform: "uppercase" }}>{kicker}</div>
        <div style={{ display: "flex", fontSize: title.length > 70 ? 56 : 68, lineHeight: 1.15, fontWeight: 700 }}>{title}</div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 28, color: "#505862" }}>
          <span>{place}</span>
          <span style={{ color: "#1b1f24", fontWeight: 700 }}>Chancery</span>
        </div>
      </div>
    ),
    size,
  );
}
