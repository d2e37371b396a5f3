"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** next-auth's error for a right password on an account with two-factor sign-in (lib/auth/options.ts). */
const CODE_REQUIRED = "TwoFactorRequired";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      callbackUrl,
    });
    if (result?.error === CODE_REQUIRED) {
      setPending(false);
      setNeedsCode(true);
      return;
    }
    if (!result || result.error) {
      setPending(false);
      setError(
        needsCode
          ? "The email, password or code is not right, or the account is locked. Try again with the newest code."
          : "The email or password is not right, or the account is locked. Try again in a moment.",
      );
      return;
    }
    // next-auth has already kept the URL on our own origin (lib/auth/options.ts).
    router.push(result.url ?? "/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? "login-error" : undefined}>
      {error && (
        <div id="login-error">
          <Alert tone="danger">{error}</Alert>
        </div>
      )}
      <Field id="email" label="Email" required>
        {(props) => <input {...props} name="email" type="email" autoComplete="username" />}
      </Field>
      <Field id="password" label="Password" required>
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" />}
      </Field>
      {needsCode && (
        <Field id="code" label="Two-factor code" required hint="The 6-digit code from your authenticator app, or one of your recovery codes.">
          {(props) => <input {...props} name="code" inputMode="text" autoComplete="one-time-code" autoFocus spellCheck={false} />}
        </Field>
      )}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
