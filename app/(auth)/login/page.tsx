import type { Metadata } from "next";
import { StaffLink } from "@/components/ui/staff-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
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
    <AuthCard title="Sign in to the desk">
      <LoginForm callbackUrl={target === "/" ? "/dashboard" : target} />
      <p className={`small ${styles.forgot}`}>
        <StaffLink href="/forgot-password">Forgot password?</StaffLink>
      </p>
    </AuthCard>
  );
}
