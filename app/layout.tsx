import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chancery — the diplomatic record", template: "%s · Chancery" },
  description:
    "Chancery keeps the diplomatic record: calls, meetings, summits, signings and accessions, and who said what, each backed by sources.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d4e89" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
