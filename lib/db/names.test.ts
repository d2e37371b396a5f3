import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgreementsForDesk } from "@/lib/agreements/desk-agreements";
import { db, Prisma } from "@/lib/db/client";
import { listOrganizationsForDesk } from "@/lib/organizations/desk-organizations";
import { listPeopleForDesk } from "@/lib/people/desk-people";
import { listTopicsForDesk } from "@/lib/topics/desk-topics";
import { FOLDED_FROM, idsNamed, nameHolds } from "./names";

const SLUG = "names-test";
let ids: { person: string; organization: string; agreement: string; topic: string };

beforeAll(async () => {
  const [person, organization, agreement, topic] = await Promise.all([
    db.person.create({ data: { name: "Maroš Šefčovič", slug: `${SLUG}-person` } }),
    db.organization.create({ data: { name: "Ministère de l’Europe et des Affaires étrangères", slug: `${SLUG}-org`, kind: "GOVERNMENT_BODY" } }),
    db.agreement.create({ data: { name: "Accord de coopération énergétique", slug: `${SLUG}-agreement`, kind: "TREATY" } }),
    db.topic.create({ data: { name: "Sécurité alimentaire", slug: `${SLUG}-topic` } }),
  ]);
  ids = { person: person.id, organization: organization.id, agreement: agreement.id, topic: topic.id };
});

afterAll(async () => {
  await db.person.deleteMany({ where: { slug: { startsWith: SLUG } } });
  await db.organization.deleteMany({ where: { slug: { startsWith: SLUG } } });
  await db.agreement.deleteMany({ where: { slug: { startsWith: SLUG } } });
  await db.topic.deleteMany({ where: { slug: { startsWith: SLUG } } });
});

describe("names without accents", () => {
  it("holds a name folded from three letters, as written below", async () => {
    expect(FOLDED_FROM).toBe(3);
    const holds = async (name: string, q: string) => (await db.$queryRaw<Array<{ h: boolean }>>`SELECT ${nameHolds(Prisma.sql`${name}::text`, q)} AS h`)[0]?.h;
    expect(await holds("Türkiye", "turkiye")).toBe(true);
    expect(await holds("Türkiye", "TÜRK")).toBe(true);
    expect(await holds("Cote d'Ivoire", "Côte d’Ivoire")).toBe(true);
    expect(await holds("Straße", "strasse")).toBe(true);
    // One or two letters as written, in any case: "ü" is not "u" there.
    expect(await holds("Türkiye", "tü")).toBe(true);
    expect(await holds("Türkiye", "tu")).toBe(false);
    // Wildcards are the letters typed.
    expect(await holds("Turkey", "t%y")).toBe(false);
    expect(await holds("50% off", "50%")).toBe(true);
  });

  it("gives the ids of a table's names holding what was typed, none for fewer than three letters", async () => {
    expect(await idsNamed("Person", "sefcovic")).toEqual([ids.person]);
    expect(await idsNamed("Person", "se")).toBeNull();
  });

  it("filters the desk's lists of people, organizations, agreements and topics", async () => {
    expect((await listPeopleForDesk({ q: "Sefcovic" })).rows.map((r) => r.id)).toEqual([ids.person]);
    expect((await listPeopleForDesk({ q: "Šefčovič" })).rows.map((r) => r.id)).toEqual([ids.person]);
    expect((await listOrganizationsForDesk({ q: "Ministere de l'Europe" })).rows.map((r) => r.id)).toEqual([ids.organization]);
    expect((await listAgreementsForDesk({ q: "cooperation energetique" })).rows.map((r) => r.id)).toEqual([ids.agreement]);
    expect((await listTopicsForDesk({ q: "securite" })).rows.map((r) => r.id)).toEqual([ids.topic]);
    // Two letters as written, as before.
    expect((await listPeopleForDesk({ q: "Še" })).rows.map((r) => r.id)).toContain(ids.person);
  });
});
