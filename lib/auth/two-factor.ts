import { createHash, randomBytes } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

/**
 * Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, as every
 * authenticator app reads an otpauth:// URI), through otplib. A code is accepted one
 * step either side of now, and only once: the step it matched is remembered, and a
 * code from that step or an earlier one is refused after it.
 */
export const TOTP_STEP_SECONDS = 30;
const ISSUER = "Chancery";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** The code an authenticator shows now (tests compute it as a person's phone would). */
export async function currentTotp(secret: string, at = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at / 1000) });
}

/** The time step a code matched, if it is valid now and newer than the last one used. */
export async function verifyTotp(options: { secret: string; code: string; lastStep: number | null; now?: number }): Promise<number | null> {
  const code = options.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const result = await verify({ secret: options.secret, token: code, epoch: now, epochTolerance: TOTP_STEP_SECONDS });
  if (!result.valid) return null;
  const step = Math.floor(now / TOTP_STEP_SECONDS) + result.delta;
  return options.lastStep !== null && step <= options.lastStep ? null : step;
}

/** Recovery codes: 10 of them, 10 base32 characters each (50 bits), shown once, stored as SHA-256. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, "");
}

export function isRecoveryCodeShaped(code: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(code));
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code), "utf8").digest("hex");
}
