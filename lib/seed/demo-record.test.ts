import { describe, expect, it } from "vitest";
import { CAMEO_BY_EVENT_TYPE, isCameoCodeAllowed } from "@/lib/events/cameo";
import { EventType } from "@/lib/generated/prisma/enums";
import { officeHeldOn, officesOverlap, type OfficeSpan } from "@/lib/people/offices";
import { demoAgreements, demoEvents, demoPeople, demoStatements, type DemoOffice, type DemoSource } from "./demo-record";
import { SEED_QUOTES, isQuotedInSeed, normaliseQuote } from "./seed-quotes";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const span = (o: DemoOffice): OfficeSpan => ({
  title: o.title,
  startDate: o.start ? day(o.start) : null,
  startPrecision: o.startPrecision ?? "DAY",
  endDate: o.end ? day(o.end) : null,
  endPrecision: o.endPrecision ?? "DAY",
});

/** An article is a page below the site's root; a front page must say so in its title. */
function backsSomething(s: DemoSource): boolean {
  const url = new URL(s.url);
  const isFrontPage = (url.pathname === "/" || url.pathname === "") && !url.search;
  return isFrontPage ? /home page/i.test(s.title) : true;
}

describe("the demo record's statements", () => {
  it("hold only words the seed facts quote as someone's", () => {
    for (const s of demoStatements) expect(isQuotedInSeed(s.text), `${s.slug}: ${s.text}`).toBe(true);
  });

  it("refuses composed wording, such as the State Department paraphrase that used to sit in a verbatim field", () => {
    expect(isQuotedInSeed("Secretary Rubio and President Tokayev discussed trade, investment, energy, technology and infrastructure.")).toBe(false);
    expect(isQuotedInSeed("a natural and logical continuation … of peace and friendship")).toBe(false);
    expect(isQuotedInSeed("")).toBe(false);
  });

  it("give Trump's post with the “great call” and the “club of STRENGTH”, as printed", () => {
    const post = demoStatements.find((s) => s.slug === "trump-kazakhstan-first-of-many")!;
    expect(post.text).toContain("I just held a great call");
    expect(post.text).toContain("this club of STRENGTH.");
    expect(normaliseQuote(post.text)).toBe(normaliseQuote(SEED_QUOTES[0]!.words));
  });

  it("give the Axios quote to an unnamed US official, anonymously", () => {
    const axios = demoStatements.find((s) => s.text.startsWith("This is going to show"))!;
    expect(axios).toMatchObject({ speakerLabel: "a US official (unnamed)", attribution: "ANONYMOUS" });
    expect(axios.speakerSlug).toBeUndefined();
  });

  it("show each named speaker's title as it was on the day, from the offices recorded", () => {
    for (const s of demoStatements.filter((x) => x.speakerSlug)) {
      const person = demoPeople.find((p) => p.slug === s.speakerSlug)!;
      const held = officeHeldOn(person.offices.map(span), day(s.saidOn));
      expect(held?.title, s.slug).toBe(s.speakerTitle);
    }
  });
});

describe("the demo record's events", () => {
  it("carry a CAMEO code their type allows", () => {
    for (const e of demoEvents) expect(isCameoCodeAllowed(e.type, e.cameoCode), `${e.slug}: ${e.type} ${e.cameoCode}`).toBe(true);
  });

  it("every event type maps to CAMEO codes of one or two roots, and no code is claimed by two types", () => {
    expect(Object.keys(CAMEO_BY_EVENT_TYPE).sort()).toEqual(Object.values(EventType).sort());
    const owner = new Map<string, string>();
    for (const [type, prefixes] of Object.entries(CAMEO_BY_EVENT_TYPE)) {
      expect(prefixes.length, type).toBeGreaterThan(0);
      for (const prefix of prefixes) {
        expect(prefix, type).toMatch(/^\d{2,3}$/);
        // SUMMIT and VISIT share 043 ("host a visit"), MEETING and SUMMIT share 040; TREATY_ACTION is a kind of signing.
        const shared = ["040", "043", "057"].includes(prefix);
        if (!shared) expect(owner.get(prefix), `${prefix} claimed by ${owner.get(prefix)} and ${type}`).toBeUndefined();
        owner.set(prefix, type);
      }
    }
    expect(isCameoCodeAllowed("COOPERATION", "064")).toBe(true);
    expect(isCameoCodeAllowed("DIPLOMATIC_COOPERATION", "064")).toBe(false);
    expect(isCameoCodeAllowed("INTENT_ANNOUNCED", "032")).toBe(true);
    expect(isCameoCodeAllowed("PHONE_CALL", "042")).toBe(false);
    expect(isCameoCodeAllowed("PHONE_CALL", "41")).toBe(false);
  });

  it("open embassies as diplomatic cooperation between participants, not as visits", () => {
    for (const slug of ["israel-opens-embassy-in-kazakhstan", "kazakhstan-opens-embassy-in-israel"]) {
      const e = demoEvents.find((x) => x.slug === slug)!;
      expect(e).toMatchObject({ type: "DIPLOMATIC_COOPERATION", cameoCode: "050", datePrecision: "MONTH" });
      expect(e.participants.every((p) => p.role === "PARTICIPANT")).toBe(true);
    }
  });

  it("tell 6 November 2025 in its order: the meeting, the call, the announcement, the summit", () => {
    const day6 = demoEvents.filter((e) => e.date === "2025-11-06").sort((a, b) => (a.dayOrder ?? 0) - (b.dayOrder ?? 0));
    expect(day6.map((e) => e.slug)).toEqual([
      "rubio-meets-tokayev",
      "trump-netanyahu-tokayev-call",
      "kazakhstan-to-join-the-abraham-accords",
      "c5-plus-1-summit-at-the-white-house",
    ]);
    expect(new Set(day6.map((e) => e.dayOrder)).size).toBe(4);
    expect(demoEvents.find((e) => e.slug === "trump-netanyahu-tokayev-call")!.ledTo).toContain("kazakhstan-to-join-the-abraham-accords");
  });

  it("claim no more than the sources: no host at the Rubio meeting, no broker, no summit topics, the breakfast unconfirmed", () => {
    const meeting = demoEvents.find((e) => e.slug === "rubio-meets-tokayev")!;
    expect(meeting.participants.some((p) => p.role === "HOST" || p.role === "VISITOR")).toBe(false);
    expect(meeting.summary).toContain("According to the State Department");
    expect(meeting.unconfirmedNote).toMatch(/breakfast/);
    expect(meeting.summary).not.toMatch(/breakfast/);
    expect(demoEvents.some((e) => /as broker/.test(e.summary))).toBe(false);
    expect(demoEvents.find((e) => e.slug === "c5-plus-1-summit-at-the-white-house")!.topics ?? []).toEqual([]);
    const ceremony = demoEvents.find((e) => e.slug === "kazakhstan-abraham-accords-signing-ceremony")!;
    expect(ceremony).toMatchObject({ date: null, occurrence: "SCHEDULED" });
  });

  it("date the mid-1990s agreements to the year, as an approximation", () => {
    const agreements = demoEvents.find((e) => e.slug === "israel-kazakhstan-bilateral-agreements-mid-1990s")!;
    expect(agreements).toMatchObject({ datePrecision: "YEAR", dateApproximate: true });
    expect(agreements.body).toContain("dating back to the mid-1990s");
  });

  it("attribute the “largely symbolic” analysis in the accession's account", () => {
    const accession = demoEvents.find((e) => e.slug === "kazakhstan-to-join-the-abraham-accords")!;
    expect(accession.body).toMatch(/AP calls the move largely symbolic/);
    expect(accession.body).toContain("move toward the circle of peace");
  });

  it("refer only to events, people, organizations and agreements the record has", () => {
    const slugs = new Set(demoEvents.map((e) => e.slug));
    expect(slugs.size).toBe(demoEvents.length);
    for (const e of demoEvents) for (const to of e.ledTo ?? []) expect(slugs.has(to), `${e.slug} → ${to}`).toBe(true);
    for (const s of demoStatements) if (s.eventSlug) expect(slugs.has(s.eventSlug), s.slug).toBe(true);
    const agreements = new Set(demoAgreements.map((a) => a.slug));
    for (const a of demoAgreements) {
      for (const action of a.actions) {
        if (action.eventSlug) expect(slugs.has(action.eventSlug)).toBe(true);
        if (action.viaAgreementSlug) expect(agreements.has(action.viaAgreementSlug)).toBe(true);
        expect(action.type === "JOINED_THROUGH_RELATED_INSTRUMENT").toBe(Boolean(action.viaAgreementSlug));
      }
    }
  });
});

describe("the demo record's sources", () => {
  const items = [
    ...demoEvents.map((e) => ({ name: `event ${e.slug}`, sources: e.sources })),
    ...demoStatements.map((s) => ({ name: `statement ${s.slug}`, sources: s.sources })),
    ...demoAgreements.map((a) => ({ name: `agreement ${a.slug}`, sources: a.sources })),
    ...demoAgreements.flatMap((a) => a.actions.map((x) => ({ name: `${a.slug} ${x.countryId} ${x.type}`, sources: x.sources }))),
  ];

  it("back every published item with an article, or a home page titled as one", () => {
    for (const item of items) {
      expect(item.sources.length, item.name).toBeGreaterThan(0);
      for (const s of item.sources) {
        expect(s.url, item.name).toMatch(/^https?:\/\//);
        expect(backsSomething(s), `${item.name}: ${s.url} “${s.title}”`).toBe(true);
        expect(s.title).not.toMatch(/to be added/i);
      }
      // Every item has at least one source that is an article, not only front pages.
      expect(item.sources.some((s) => !/home page/i.test(s.title)), item.name).toBe(true);
    }
  });

  it("cite the verified article copies, with the Gulf Observer's real domain", () => {
    const urls = new Set(items.flatMap((i) => i.sources.map((s) => s.url)));
    for (const url of [
      "https://californiainsider.com/news/kazakhstan-to-join-abraham-accords-5941149",
      "https://tass.com/world/2040305",
      "https://kioncentralcoast.com/?p=1230901",
      "https://www.boston25news.com/news/world/kazakhstan-will-join/2HWTLTF6AM223O6GNDMR5AN2QE/",
      "https://uzalendonews.co.ke/trump-announces-kazakhstan-to-join-abraham-accords-expanding-israels-regional-ties",
      "https://thegulfobserver.com/tokayev-meets-trump-signs-mou-on-critical-minerals-cooperation",
      "https://www.timesofisrael.com/kazakhstan-which-already-has-relations-with-israel-to-join-abraham-accords/",
    ]) {
      expect(urls.has(url), url).toBe(true);
    }
    expect([...urls].some((u) => u.includes("gulf-observer.com"))).toBe(false);
    const syndicated = items.flatMap((i) => i.sources).filter((s) => s.publisher.includes("(via "));
    for (const s of syndicated) expect(s.title, s.url).toMatch(/syndicated copy/);
  });
});

describe("the demo record's people", () => {
  it("hold no two overlapping terms of the same office", () => {
    for (const person of demoPeople) {
      const spans = person.offices.map(span);
      for (let i = 0; i < spans.length; i++) {
        for (let j = i + 1; j < spans.length; j++) {
          if (spans[i]!.title !== spans[j]!.title) continue;
          expect(officesOverlap(spans[i]!, spans[j]!), `${person.slug}: ${spans[i]!.title}`).toBe(false);
        }
      }
      for (const o of person.offices) {
        expect(o.start, `${person.slug} has a start date`).not.toBeNull();
        if (o.start && o.end) expect(o.start < o.end, person.slug).toBe(true);
      }
    }
  });

  it("tell Trump's two terms apart and show Hamdok, Abdulbari and Mnuchin out of office now", () => {
    const trump = demoPeople.find((p) => p.slug === "donald-trump")!.offices.map(span);
    expect(officeHeldOn(trump, day("2020-09-15"))?.startDate?.toISOString()).toBe("2017-01-20T00:00:00.000Z");
    expect(officeHeldOn(trump, day("2025-11-06"))?.startDate?.toISOString()).toBe("2025-01-20T00:00:00.000Z");
    expect(officeHeldOn(trump, day("2023-06-01"))).toBeNull();
    const today = day("2026-11-30");
    for (const slug of ["abdalla-hamdok", "nasredeen-abdulbari", "steven-mnuchin"]) {
      const offices = demoPeople.find((p) => p.slug === slug)!.offices.map(span);
      expect(officeHeldOn(offices, today), slug).toBeNull();
    }
    const abdulbari = demoPeople.find((p) => p.slug === "nasredeen-abdulbari")!.offices.map(span);
    expect(officeHeldOn(abdulbari, day("2021-01-06"))?.title).toBe("Minister of Justice of Sudan");
  });
});
