import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eventWorkflow } from "@/lib/events/write-event";
import { NO_CONTEXT, type Actor } from "@/lib/users/actor";
import { changeUserRole } from "@/lib/users/change-user-role";
import { inviteUser } from "@/lib/users/invite-user";
import { createTestUser } from "@/lib/users/testing";
import { updateUserProfile } from "@/lib/users/update-user-profile";
import { describeAuditEntry, loadAuditNames, type SentencePart } from "./describe-audit";
import { listAuditEntries } from "./list-audit-entries";

const actorOf = (u: { id: string; email: string; role: Actor["role"] }): Actor => ({ id: u.id, email: u.email, role: u.role });
const words = (parts: SentencePart[]) => parts.map((p) => (typeof p === "string" ? p : p.text)).join("");

async function sentencesFor(filter: { actor?: string; target?: string }) {
  const { entries } = await listAuditEntries(filter);
  const names = await loadAuditNames(entries);
  return entries.map((entry) => ({ action: entry.action, text: words(describeAuditEntry(entry, names)), parts: describeAuditEntry(entry, names) }));
}

describe("the audit log in words", () => {
  it("says who did what to which record, by name, with field labels instead of keys", async () => {
    const admin = await createTestUser({ role: "ADMIN", name: "Ada Admin" });
    const editor = await createTestUser({ role: "EDITOR", name: "Eldar Editor" });
    await changeUserRole({ actor: actorOf(admin), input: { userId: editor.id, role: "ADMIN" }, context: NO_CONTEXT });
    await updateUserProfile({ actor: actorOf(admin), input: { userId: editor.id, name: "Eldar Editorov", email: editor.email }, context: NO_CONTEXT });
    await inviteUser({ actor: actorOf(admin), input: { email: "ines@test.chancery.test", role: "CONTRIBUTOR" }, context: NO_CONTEXT, origin: "http://chancery.test" });

    const input = {
      title: "Tokayev meets Trump",
      summary: "They met at the White House.",
      type: "MEETING",
      date: "2025-11-06",
      datePrecision: "DAY",
      sources: [{ url: "https://www.whitehouse.gov/readout", title: "Readout", publisher: "The White House" }],
    };
    const { id } = await eventWorkflow.create({ actor: actorOf(admin), input });
    await eventWorkflow.update({ actor: actorOf(admin), id, baseVersion: 1, input: { ...input, title: "Tokayev meets Trump at the White House" } });
    await eventWorkflow.submit({ actor: actorOf(admin), id, baseVersion: 2, note: "Check the date." });

    const sentences = await sentencesFor({ actor: admin.id });
    const text = (action: string) => sentences.find((s) => s.action === action)?.text;
    expect(text("user.role_change")).toBe("Ada Admin changed the role of Eldar Editorov from Editor to Admin; their sessions ended.");
    expect(text("user.profile_change")).toBe(`Ada Admin corrected the account of Eldar Editorov: name from “${editor.name}” to “Eldar Editorov”.`);
    expect(text("user.invite")).toBe("Ada Admin invited ines@test.chancery.test as Contributor.");
    expect(text("event.create")).toBe("Ada Admin created the event “Tokayev meets Trump at the White House”.");
    expect(text("event.update")).toBe(
      "Ada Admin saved changes to the event “Tokayev meets Trump at the White House” changing Title from “Tokayev meets Trump” to “Tokayev meets Trump at the White House”.",
    );
    expect(text("event.submit")).toBe("Ada Admin submitted the event “Tokayev meets Trump at the White House” for review. Note: “Check the date.”.");
    // Names link to their pages; no id is left in the words.
    const update = sentences.find((s) => s.action === "event.update")!;
    expect(update.parts).toContainEqual({ text: "“Tokayev meets Trump at the White House”", href: `/dashboard/events/${id}` });
    for (const s of sentences) expect(s.text, s.action).not.toContain(editor.id);
    expect(sentences.every((s) => !s.text.includes(id))).toBe(true);
  });

  it("describes entries of records and users that are gone, and actions it has no sentence for, without failing", async () => {
    const at = new Date();
    await db.auditLog.createMany({
      data: [
        { at, action: "person.delete", targetType: "Person", targetId: "gone-person", summary: { slug: "ada-lovelace", name: "Ada Lovelace" } },
        { at, action: "user.role_change", actorEmail: "left@test.chancery.test", targetType: "User", targetId: "gone-user", summary: { email: "gone@test.chancery.test", before: { role: "EDITOR" }, after: { role: "CONTRIBUTOR" } } },
        { at, action: "widget.frobnicate", targetType: "Widget", targetId: "w1", summary: ["not", "an", "object"] },
      ],
    });
    const person = await sentencesFor({ target: "gone-person" });
    expect(person[0]!.text).toBe("Someone deleted the event “Ada Lovelace”.".replace("event", "person"));
    const user = await sentencesFor({ target: "gone-user" });
    expect(user[0]!.text).toBe("left@test.chancery.test changed the role of gone@test.chancery.test from Editor to Contributor; their sessions ended.");
    const odd = await sentencesFor({ target: "w1" });
    expect(odd[0]!.text).toBe("Someone: frobnicate (Widget w1).");
  });
});
