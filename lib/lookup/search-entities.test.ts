import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadDemoRecord } from "@/lib/seed/load-demo";
import { LONG_NAME_SIMILARITY, LONG_NAME_TERM, LookupQuerySchema, SHORT_TITLE_QUERY, countriesCalled, searchEntities } from "./search-entities";

beforeAll(async () => {
  await loadDemoRecord(db);
});

describe("searchEntities", () => {
  it("finds a country by ISO code first, then by name", async () => {
    const kz = await searchEntities({ kind: "country", q: "kz" });
    expect(kz[0]).toMatchObject({ id: "KZ", label: "Kazakhstan" });
    const kaz = await searchEntities({ kind: "country", q: "KAZ" });
    expect(kaz[0]?.id).toBe("KZ");
    const isr = await searchEntities({ kind: "country", q: "isra" });
    expect(isr[0]).toMatchObject({ id: "IL", label: "Israel" });
  });

  it("ranks a prefix above a mere containment", async () => {
    const results = await searchEntities({ kind: "country", q: "Sud" });
    expect(results[0]?.label).toBe("Sudan");
    expect(results.map((r) => r.label)).toContain("South Sudan");
  });

  it("finds people by a word of their name and tolerates a typo", async () => {
    expect((await searchEntities({ kind: "person", q: "rubio" }))[0]).toMatchObject({ label: "Marco Rubio" });
    const typo = await searchEntities({ kind: "person", q: "Netanyahou" });
    expect(typo[0]?.label).toBe("Benjamin Netanyahu");
    expect(typo[0]?.detail).toContain("Prime Minister of Israel");
  });

  it("finds organizations by acronym", async () => {
    const results = await searchEntities({ kind: "organization", q: "un" });
    expect(results.length).toBeGreaterThan(0);
  });

  it("labels an event with its date and status", async () => {
    const results = await searchEntities({ kind: "event", q: "C5+1" });
    expect(results[0]?.detail).toMatch(/2025 · (Published|Draft|In review|Scheduled)/);
  });

  it("finds agreements and topics", async () => {
    expect((await searchEntities({ kind: "agreement", q: "abraham" }))[0]?.label).toMatch(/Abraham Accords/);
    expect((await searchEntities({ kind: "topic", q: "ener" }))[0]?.label).toBe("Energy");
  });

  it("finds statements, with their public path", async () => {
    const [first] = await searchEntities({ kind: "statement", q: "Abraham" });
    expect(first?.path).toMatch(/^\/statements\/[a-z0-9-]+$/);
  });

  it("gives the public path and the country of what it finds", async () => {
    expect((await searchEntities({ kind: "country", q: "kz" }))[0]).toMatchObject({ kind: "country", path: "/countries/kz" });
    const [tokayev] = await searchEntities({ kind: "person", q: "Tokayev" });
    expect(tokayev).toMatchObject({ kind: "person", country: { id: "KZ", name: "Kazakhstan" } });
    expect(tokayev?.path).toMatch(/^\/people\//);
    expect((await searchEntities({ kind: "agreement", q: "abraham" }))[0]?.path).toMatch(/^\/agreements\//);
  });

  it("searches people, organizations and countries at once for a participant", async () => {
    const kinds = (await searchEntities({ kind: "participant", q: "ka", limit: 30 })).map((r) => r.kind);
    expect(kinds).toContain("person");
    expect(kinds).toContain("country");
    expect((await searchEntities({ kind: "participant", q: "Kazakhstan" }))[0]).toMatchObject({ id: "KZ", kind: "country" });
    expect((await searchEntities({ kind: "participant", q: "Tokayev" }))[0]).toMatchObject({ kind: "person" });
  });

  it("finds a name however its accents are typed", async () => {
    expect((await searchEntities({ kind: "country", q: "Turkiye" }))[0]).toMatchObject({ id: "TR", label: "Türkiye" });
    expect((await searchEntities({ kind: "country", q: "CURACAO" }))[0]).toMatchObject({ id: "CW" });
    expect((await searchEntities({ kind: "country", q: "barthel" }))[0]).toMatchObject({ id: "BL" });
    // Typographic quotes are plain ones; a name with an accent is found by the plain letter and by its own.
    expect((await searchEntities({ kind: "country", q: "Cote d’Ivoire" }))[0]).toMatchObject({ id: "CI" });
    expect((await searchEntities({ kind: "country", q: "Côte" }))[0]).toMatchObject({ id: "CI" });
    const person = await db.person.create({ data: { slug: "maros-sefcovic-lookup-test", name: "Maroš Šefčovič" } });
    try {
      for (const q of ["Sefcovic", "šefčovič", "maros", "Maroš Šef"]) {
        expect((await searchEntities({ kind: "person", q }))[0], q).toMatchObject({ id: person.id, label: "Maroš Šefčovič" });
      }
      expect((await searchEntities({ kind: "participant", q: "sefcovic" }))[0]).toMatchObject({ id: person.id, kind: "person" });
    } finally {
      await db.person.delete({ where: { id: person.id } });
    }
  });

  it("finds a country by the other names it is known by", async () => {
    for (const [q, iso2] of [["UAE", "AE"], ["uae", "AE"], ["Turkey", "TR"], ["Ivory Coast", "CI"], ["UK", "GB"], ["Great Britain", "GB"], ["Czechia", "CZ"], ["Russia", "RU"], ["Burma", "MM"], ["Britain", "GB"], ["Holland", "NL"]]) {
      expect((await searchEntities({ kind: "country", q }))[0]?.id, q).toBe(iso2);
      expect((await searchEntities({ kind: "participant", q }))[0], q).toMatchObject({ id: iso2, kind: "country" });
    }
    // "UK" is the United Kingdom's; Ukraine, whose name holds it, follows.
    expect((await searchEntities({ kind: "country", q: "UK" })).slice(0, 2).map((r) => r.id)).toEqual(["GB", "UA"]);
    // An other name's start counts as a name's start: "Turk" finds Türkiye by "Turkey".
    expect((await searchEntities({ kind: "country", q: "Turk" })).map((r) => r.id)).toContain("TR");
    expect((await searchEntities({ kind: "country", q: "ivory" }))[0]?.id).toBe("CI");
    expect(countriesCalled("uae")).toEqual({ exactly: ["AE"], starting: [] });
    expect(countriesCalled("congo").exactly.sort()).toEqual(["CD", "CG"]);
    expect(countriesCalled("")).toEqual({ exactly: [], starting: [] });
  });

  it("finds a long name misspelt a little more loosely than a short one", async () => {
    expect(LONG_NAME_TERM).toBe(6);
    // "Tokaev" is 0.57 of "Tokayev" by word similarity: below pg_trgm's 0.6, above LONG_NAME_SIMILARITY.
    const [row] = await db.$queryRaw<Array<{ similarity: number }>>`SELECT word_similarity('tokaev', name_folded('Kassym-Jomart Tokayev')) AS similarity`;
    const similarity = row?.similarity ?? 0;
    expect(similarity).toBeGreaterThanOrEqual(LONG_NAME_SIMILARITY);
    expect(similarity).toBeLessThan(0.6);
    expect((await searchEntities({ kind: "person", q: "Tokaev" }))[0]?.label).toBe("Kassym-Jomart Tokayev");
    expect((await searchEntities({ kind: "participant", q: "Tokaev" }))[0]?.label).toBe("Kassym-Jomart Tokayev");
    // The looser threshold was this query's only: the connection keeps pg_trgm's own (which
    // exists once pg_trgm is loaded: word_similarity loads it).
    const settings = await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw<Array<{ t: string }>>`SELECT word_similarity('a', 'a') AS w, current_setting('pg_trgm.word_similarity_threshold') AS t`));
    expect(settings.map(([row]) => row?.t)).toEqual(["0.6", "0.6", "0.6", "0.6"]);
    // Titles keep it: an event's title misspelt as loosely is not found.
    expect((await searchEntities({ kind: "event", q: "Tokaev" })).map((r) => r.label).join(" ")).not.toMatch(/Tokayev/);
  });

  it("opens an event or statement picker on the newest items of every status", async () => {
    for (const [kind, table, date] of [["event", "Event", "date"], ["statement", "Statement", "saidOn"]] as const) {
      const newest = await db.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM "${table}" ORDER BY "${date}" DESC NULLS LAST, title LIMIT 8`);
      expect((await searchEntities({ kind, q: "", limit: 8 })).map((r) => r.id)).toEqual(newest.map((r) => r.id));
    }
  });

  it("takes one or two letters in an event or statement picker as a word's start, newest first", async () => {
    expect(SHORT_TITLE_QUERY).toBe(3);
    // What a word's start is, written as a pattern rather than the picker's ILIKEs: the title's
    // start, or a space, an opening quote or bracket, or a hyphen before it.
    const wordStarts = async (table: string, date: string, q: string) =>
      (await db.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM "${table}" WHERE title ~* $1 ORDER BY "${date}" DESC NULLS LAST, title LIMIT 10`, `(^|[ “‘"(-])${q}`)).map((r) => r.id);
    for (const [kind, table, date] of [["event", "Event", "date"], ["statement", "Statement", "saidOn"]] as const) {
      for (const q of ["ab", "Ka", "k", "th", "en", "fi"]) {
        const found = await searchEntities({ kind, q, limit: 10 });
        expect(found.map((r) => r.id), `${kind} ${q}`).toEqual(await wordStarts(table, date, q));
      }
    }
    // "establish" holds "ab" inside a word: not a word's start.
    const ab = (await searchEntities({ kind: "event", q: "ab", limit: 50 })).map((r) => r.label);
    expect(ab).toContain("The Abraham Accords are signed at the White House");
    expect(ab).not.toContain("Israel and Kazakhstan establish diplomatic relations");
    // A word after an opening quote is a word's start.
    const quoted = (await searchEntities({ kind: "statement", q: "en", limit: 50 })).map((r) => r.label);
    expect(quoted).toContain("Rubio: an “enhanced relationship” with Kazakhstan, “beyond just diplomatic relations”");
    // Three letters are looked for anywhere, as before.
    expect((await searchEntities({ kind: "event", q: "abl", limit: 50 })).map((r) => r.label)).toContain("Israel and Kazakhstan establish diplomatic relations");
  });

  it("treats LIKE wildcards literally and respects the limit", async () => {
    expect(await searchEntities({ kind: "person", q: "%" })).toEqual([]);
    expect(await searchEntities({ kind: "country", q: "", limit: 5 })).toHaveLength(5);
  });
});

describe("LookupQuerySchema", () => {
  it("names the bad parameter", () => {
    const bad = LookupQuerySchema.safeParse({ kind: "planet", q: "x" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["kind"]);
    const limit = LookupQuerySchema.safeParse({ kind: "person", limit: "500" });
    expect(limit.error?.issues[0]?.path).toEqual(["limit"]);
    // z.coerce read "0x10" as 16 and "1e1" as 10.
    for (const text of ["0x10", "1e1", "10.0"]) expect(LookupQuerySchema.safeParse({ kind: "person", limit: text }).error?.issues[0]).toMatchObject({ path: ["limit"], message: "limit must be a whole number" });
    expect(LookupQuerySchema.parse({ kind: "person", limit: "10" }).limit).toBe(10);
    const unknown = LookupQuerySchema.safeParse({ kind: "person", sort: "x" });
    expect(unknown.success).toBe(false);
  });
});
