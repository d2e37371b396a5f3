import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { cardClass } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/require-role";
import { safeCallbackUrl } from "@/lib/auth/options";
import styles from "./login.module.css";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Relative to a placeholder origin: only same-origin paths survive.
  const safe = new URL(safeCallbackUrl(callbackUrl ?? "/dashboard", "http://chancery.invalid"));
  const target = safe.origin === "http://chancery.invalid" ? safe.pathname + safe.search : "/dashboard";
  if (await getCurrentUser()) redirect(target === "/" ? "/dashboard" : target);
  return (
    <main id="main" className={styles.page}>
      <div className={`${cardClass} ${styles.card}`}>
        <p className={styles.brand}>
          <Link href="/">Chancery</Link>
        </p>
        <h1 className={styles.title}>Sign in to the desk</h1>
        <LoginForm callbackUrl={target === "/" ? "/dashboard" : target} />
        <p className={`small ${styles.forgot}`}>
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      </div>
    </main>
  );
}
