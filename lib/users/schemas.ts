import { z } from "zod";
import { PasswordSchema } from "@/lib/auth/password-policy";
import { cleanString, requiredLine } from "@/lib/records/fields";

export { fieldErrorsOf } from "@/lib/records/field-errors";

const RoleSchema = z.enum(["CONTRIBUTOR", "EDITOR", "ADMIN"], { error: "Choose a role." });
const EmailSchema = cleanString()
  .trim()
  .toLowerCase()
  .max(320, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@example.org." }));
const NameSchema = requiredLine(120, "Enter a name.")
  // Line breaks and tabs (which the shared text field allows) have no place in a name either.
  .pipe(z.string().regex(/^[^\p{Cc}]*$/u, "Use letters, spaces and punctuation only."));
// Control characters (a NUL above all, which PostgreSQL refuses in text) are never in an id.
const IdSchema = z.string().trim().min(1).max(64).regex(/^[^\p{Cc}]*$/u, "There is no such user.");
const TokenSchema = z.string().trim().min(1, "This link is not valid.").max(128, "This link is not valid.");

export const InviteUserInputSchema = z
  .object({
    email: EmailSchema,
    role: RoleSchema,
    // Blank is "no name yet"; anything else is a name, with the name's own messages (a union
    // with "" answered a 10,000-character or NUL-holding name with a bare "Invalid input").
    name: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), NameSchema.optional()).transform((value) => value ?? ""),
  })
  .strict();
export type InviteUserInput = z.input<typeof InviteUserInputSchema>;

export const AcceptInvitationInputSchema = z.object({ token: TokenSchema, name: NameSchema, password: PasswordSchema }).strict();
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInputSchema>;

export const ChangeUserRoleInputSchema = z.object({ userId: IdSchema, role: RoleSchema }).strict();
export type ChangeUserRoleInput = z.input<typeof ChangeUserRoleInputSchema>;

export const SetUserActiveInputSchema = z.object({ userId: IdSchema, isActive: z.boolean() }).strict();
export type SetUserActiveInput = z.input<typeof SetUserActiveInputSchema>;

export const UserIdInputSchema = z.object({ userId: IdSchema }).strict();
export type UserIdInput = z.input<typeof UserIdInputSchema>;

/** One of one's own sessions, to end it. */
export const SessionIdInputSchema = z.object({ sessionId: z.string().trim().min(1).max(64).regex(/^[^\p{Cc}]*$/u, "There is no such session.") }).strict();

/** "Forgot password?": only the email; what happens next never depends on whether it has an account. */
export const ForgotPasswordInputSchema = z.object({ email: EmailSchema }).strict();
export type ForgotPasswordInput = z.input<typeof ForgotPasswordInputSchema>;

export const UpdateUserProfileInputSchema = z.object({ userId: IdSchema, name: NameSchema, email: EmailSchema }).strict();
export type UpdateUserProfileInput = z.input<typeof UpdateUserProfileInputSchema>;

export const InvitationIdInputSchema = z
  .object({ invitationId: z.string().trim().min(1).max(64).regex(/^[^\p{Cc}]*$/u, "There is no such invitation.") })
  .strict();
export type InvitationIdInput = z.input<typeof InvitationIdInputSchema>;

export const ResetPasswordInputSchema = z.object({ token: TokenSchema, password: PasswordSchema }).strict();
export type ResetPasswordInput = z.input<typeof ResetPasswordInputSchema>;

export const ChangeOwnPasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: PasswordSchema,
  })
  .strict();
export type ChangeOwnPasswordInput = z.input<typeof ChangeOwnPasswordInputSchema>;

export const CreateUserInputSchema = z
  .object({ email: EmailSchema, name: NameSchema, role: RoleSchema, password: PasswordSchema })
  .strict();
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;
