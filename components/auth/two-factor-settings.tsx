"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useJsonSubmit } from "@/components/ui/use-json-submit";
import { formFields, sendJson } from "@/lib/http/send-json";
import styles from "./two-factor-settings.module.css";

export interface TwoFactorView {
  isEnabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  pending: { secret: string } | null;
  isRequired: boolean;
}

/** Two-factor sign-in on /account: set up (QR code and key), confirm with a code, recovery codes once, turn off. */
export function TwoFactorSettings({ status, qrCode }: { status: TwoFactorView; qrCode: React.ReactNode }) {
  const router = useRouter();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const setup = useJsonSubmit(async () => {
    const result = await sendJson<{ secret: string }>("/api/account/two-factor/setup");
    if (result.ok) router.refresh();
    return result;
  });
  const enable = useJsonSubmit(async (form) => {
    const result = await sendJson<{ recoveryCodes: string[] }>("/api/account/two-factor/enable", { body: formFields(form, ["code"]) });
    if (result.ok) {
      setRecoveryCodes(result.recoveryCodes);
      router.refresh();
    }
    return result;
  });
  const disable = useJsonSubmit(async (form) => {
    const result = await sendJson<{ isEnabled: boolean }>("/api/account/two-factor/disable", { body: formFields(form, ["currentPassword"]) });
    if (result.ok) router.refresh();
    return result;
  });

  if (recoveryCodes) {
    return (
      <Alert tone="success" title="Two-factor sign-in is on">
        <p>Save these recovery codes now, somewhere other than your phone. Each works once, in place of a code, if you lose the phone. They are not shown again.</p>
        <ol className={styles.codes} aria-label="Recovery codes">
          {recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <Button size="sm" onClick={() => setRecoveryCodes(null)}>I have saved them</Button>
      </Alert>
    );
  }

  if (status.isEnabled) {
    const failed = disable.state && !disable.state.ok ? disable.state : null;
    return (
      <>
        <p>
          On since {status.enabledAt?.slice(0, 10)}. {status.recoveryCodesLeft} of your recovery codes {status.recoveryCodesLeft === 1 ? "is" : "are"} left.
        </p>
        {failed && <Alert tone="danger">{failed.message}</Alert>}
        {status.isRequired ? (
          <p className="muted small">Two-factor sign-in is required for your role; an admin can reset it if you lose your phone.</p>
        ) : (
          <form onSubmit={disable.onSubmit} noValidate>
            <Field id="two-factor-password" label="Current password" required errors={failed?.fieldErrors.currentPassword}>
              {(props) => <input {...props} name="currentPassword" type="password" autoComplete="current-password" />}
            </Field>
            <Button type="submit" variant="danger" disabled={disable.pending}>
              {disable.pending ? "Turning off…" : "Turn off two-factor sign-in"}
            </Button>
          </form>
        )}
      </>
    );
  }

  if (status.pending) {
    const failed = enable.state && !enable.state.ok ? enable.state : null;
    return (
      <>
        <p>Scan this QR code with an authenticator app (for example Aegis, Google Authenticator or 1Password), then enter the code it shows.</p>
        <div className={styles.qr}>{qrCode}</div>
        <p className="small">
          Or type this key into the app: <code className={styles.secret} data-testid="two-factor-secret">{status.pending.secret}</code>
        </p>
        {failed && <Alert tone="danger">{failed.message}</Alert>}
        <form onSubmit={enable.onSubmit} noValidate>
          <Field id="two-factor-code" label="Code from your app" required errors={failed?.fieldErrors.code}>
            {(props) => <input {...props} name="code" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} />}
          </Field>
          <Button type="submit" variant="primary" disabled={enable.pending}>
            {enable.pending ? "Checking…" : "Turn on two-factor sign-in"}
          </Button>
        </form>
      </>
    );
  }

  const failed = setup.state && !setup.state.ok ? setup.state : null;
  return (
    <>
      {status.isRequired && <Alert tone="warning">Your role requires two-factor sign-in: set it up to use the desk.</Alert>}
      <p className="muted small">Sign in with your password and a code from an app on your phone, so a stolen password alone is not enough.</p>
      {failed && <Alert tone="danger">{failed.message}</Alert>}
      <form onSubmit={setup.onSubmit}>
        <Button type="submit" variant="primary" disabled={setup.pending}>
          {setup.pending ? "Preparing…" : "Set up two-factor sign-in"}
        </Button>
      </form>
    </>
  );
}
