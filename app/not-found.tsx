import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="container" style={{ paddingTop: "var(--space-8)", paddingBottom: "var(--space-8)" }}>
      <h1>Page not found</h1>
      <p className="prose">There is nothing at this address. It may have been mistyped, or the item may have been removed.</p>
      <p>
        <Link href="/">Go to the latest events</Link> or <Link href="/search">search the record</Link>.
      </p>
    </main>
  );
}
