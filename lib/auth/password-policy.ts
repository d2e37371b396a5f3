import { z } from "zod";
import { isBreachedPassword } from "./breached-passwords";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

export { PASSWORD_HINT, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

/**
 * The one password rule (invitation, reset, account change, user:create):
 * long enough, not absurdly long, and not a password known from breaches.
 * No composition rules: they make passwords worse, not stronger (NIST SP 800-63B).
 */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((password) => !isBreachedPassword(password), "This is one of the most common passwords, known from data breaches; choose another.");
