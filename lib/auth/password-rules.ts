// Plain constants, safe for client components (password-policy.ts carries the
// common-password list, which must stay on the server).
export const PASSWORD_MIN_LENGTH = 8;
/** Generous, so passphrases fit; bounded, so nobody makes us hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, not a common password. A passphrase of several words works well.`;
