import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/users/actor";
import { isAppError } from "@/lib/errors/app-error";
import { OrganizationInputSchema } from "./organization-input";
import { createOrganization, deleteOrganization, updateOrganization } from "./organization-record";

let actor: Actor;
beforeAll(async () => {
  actor = await db.user.create({ data: { email: "editor@orgs.test", name: "Editor", role: "EDITOR" } });
});

describe("OrganizationInputSchema", () => {
  it("needs a country for a government body only, refuses duplicate members and left-before-joined", () => {
    const result = OrganizationInputSchema.safeParse({
      name: "Ministry",
      kind: "GOVERNMENT_BODY",
      wikidataId: "Qx",
      members: [{ countryId: "KZ", joinedOn: "2020-01-02", leftOn: "2019-12-31" }, { countryId: "KZ" }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["countryId", "wikidataId", "members.0.leftOn", "members.1.countryId"]));
    expect(OrganizationInputSchema.safeParse({ name: "UN", kind: "INTERGOVERNMENTAL", countryId: "US" }).success).toBe(false);
  });
});

describe("organizations", () => {
  it("saves members, versions and refuses deletion while an office refers to it", async () => {
    const org = await createOrganization({ actor, input: OrganizationInputSchema.parse({ name: "Gulf Cooperation Council", acronym: "GCC", kind: "INTERGOVERNMENTAL", wikidataId: "Q48001", members: [{ countryId: "BH", joinedOn: "1981-05-25" }, { countryId: "AE" }] }) });
    expect(org.slug).toBe("gulf-cooperation-council");
    expect(await db.organizationMember.count({ where: { organizationId: org.id } })).toBe(2);
    const saved = await updateOrganization({ actor, id: org.id, baseVersion: 1, input: OrganizationInputSchema.parse({ name: "Gulf Cooperation Council", kind: "INTERGOVERNMENTAL", members: [{ countryId: "BH" }] }) });
    expect(saved.version).toBe(2);
    expect(await db.organizationMember.count({ where: { organizationId: org.id } })).toBe(1);

    const person = await db.person.create({ data: { slug: "gcc-sg", name: "Secretary-General", offices: { create: [{ title: "Secretary-General", organizationId: org.id }] } } });
    const refused = await deleteOrganization({ actor, id: org.id }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.message).toMatch(/1 office/);
    await db.person.delete({ where: { id: person.id } });
    await deleteOrganization({ actor, id: org.id });
    expect(await db.organization.findUnique({ where: { id: org.id } })).toBeNull();
  });
});
