import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/lib/users/testing";
import { authenticate } from "./authenticate";
import { isBreachedPassword } from "./breached-passwords";
import { hashPassword, legacyScryptHash, needsRehash, verifyPassword } from "./password";
import { PasswordSchema } from "./password-policy";

describe("password hashing", () => {
  it("stores argon2id with OWASP's parameters and verifies only the right password", async () => {
    const hash = await hashPassword("a quiet chancery evening");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword("a quiet chancery evening", hash)).toBe(true);
    expect(await verifyPassword("a quiet chancery evening!", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword("anything", "$argon2id$garbage")).toBe(false);
  });

  it("rehashes a scrypt hash as argon2id at the next successful sign-in, and only then", async () => {
    const user = await createTestUser();
    const legacy = await legacyScryptHash(user.password);
    expect(needsRehash(legacy)).toBe(true);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: legacy } });

    const headers = { "x-chancery-peer": "10.4.0.1" };
    expect(await authenticate({ email: user.email, password: "not the password", headers, wait: async () => {} })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(legacy);

    expect(await authenticate({ email: user.email, password: user.password, headers, wait: async () => {} })).not.toBeNull();
    const upgraded = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(upgraded).toMatch(/^\$argon2id\$/);
    expect(await authenticate({ email: user.email, password: user.password, headers, wait: async () => {} })).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.sign_in", targetId: user.id, summary: { equals: { rehashed: "argon2id" } } } })).toBe(1);
  });
});

describe("breached passwords", () => {
  it("refuses passwords from the breach list and their obvious dressings, offline", () => {
    for (const known of ["Password1!", "P@ssw0rd", "Summer2024!", "!!qwerty123", "iloveyou", "12345678", "M0nkey2023"]) {
      expect(isBreachedPassword(known), known).toBe(true);
      expect(PasswordSchema.safeParse(known).success, known).toBe(false);
    }
  });

  it("lets passphrases and generated passwords through", () => {
    for (const fine of ["correct horse battery staple", "zebra-lantern-91", "the clerk of the chancery 2025", "xq7-vrt9-kkp2-w3mz"]) {
      expect(isBreachedPassword(fine), fine).toBe(false);
      expect(PasswordSchema.safeParse(fine).success, fine).toBe(true);
    }
  });
});
