import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main id="main" className="container" style={{ paddingTop: "var(--space-8)" }}>
      <h1>You do not have access to this page</h1>
      <p className="prose">Your role does not allow this. If you need it, ask an admin.</p>
      <p><Link href="/dashboard">Back to the dashboard</Link></p>
    </main>
  );
}
