import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";

/**
 * Passwords are stored as argon2id (OWASP's first choice: 19 MiB, 2 passes, one
 * lane; the parameters travel in the PHC string, so raising them later still
 * verifies old hashes). Hashes from before argon2 are scrypt; they still verify,
 * and are rehashed as argon2id at the owner's next successful sign-in.
 */
// algorithm 2 is Argon2id (a const enum in the typings, which isolated modules cannot read).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password.normalize("NFKC"), ARGON2_OPTIONS);
}

/** Whether a stored hash should be replaced by a fresh argon2id hash of the same password. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith("$argon2id$")) return true;
  const params = /\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  return !params || Number(params[1]) < ARGON2_OPTIONS.memoryCost || Number(params[2]) < ARGON2_OPTIONS.timeCost;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const normalised = password.normalize("NFKC");
  if (stored.startsWith("$argon2")) {
    try {
      return await argon2Verify(stored, normalised);
    } catch {
      return false; // a malformed stored hash matches nothing
    }
  }
  return verifyScrypt(normalised, stored);
}

/** The format of hashes written before argon2id: scrypt$N$r$p$salt$key. */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, "base64url");
  const key = await scrypt(password, Buffer.from(saltText, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 128 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A scrypt hash as the app wrote them before argon2id; only tests of the upgrade path need it. */
export async function legacyScryptHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
  const key = await scrypt(password.normalize("NFKC"), salt, 64, { ...PARAMS, maxmem: 128 * 1024 * 1024 });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** A readable generated password: 4 groups of 5 base32 characters (~100 bits). */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return chars.match(/.{5}/g)!.join("-");
}
