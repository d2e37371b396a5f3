import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chancery — the diplomatic record", template: "%s · Chancery" },
  description:
    "Chancery keeps the diplomatic record: calls, meetings, summits, signings and accessions, and who said what, each backed by sources.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // The browser's bar in the scheme's colours (app/globals.css: the accent; the dark paper).
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#1d4e89" },
    { media: "(prefers-color-scheme: dark)", color: "#141619" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
