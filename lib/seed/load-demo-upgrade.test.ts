import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AgreementInputSchema } from "@/lib/agreements/agreement-input";
import { snapshotAgreement } from "@/lib/agreements/agreement-record";
import { eventRecord } from "@/lib/events/event-record";
import { createEvent, updateEvent } from "@/lib/events/write-event";
import { personRecord } from "@/lib/people/person-record";
import { statementRecord } from "@/lib/statements/statement-record";
import { testEventInput } from "@/lib/testing/factories";
import type { Actor } from "@/lib/users/actor";
import { loadCountries } from "./countries";
import { demoEvents, demoStatements } from "./demo-record";
import { DEMO_SETTING_KEY, loadDemoRecord } from "./load-demo";
import { demoRecordV1 } from "./testing/demo-record-v1";

/**
 * A database that already holds the first release's demo record (composed
 * "readout", mis-typed embassy openings, publishers' home pages, undated offices)
 * converges to the corrected record on the next start, in one go, leaving alone
 * what editors made or touched.
 */
let editor: Actor;
let editorEventId: string;
let upgraded: number;

beforeAll(async () => {
  await loadCountries(db);
  await loadDemoRecord(db, { record: demoRecordV1 });
  // The first release kept no note of what it loaded.
  await db.setting.delete({ where: { key: DEMO_SETTING_KEY } });

  const user = await db.user.create({ data: { email: "upgrade-editor@test.chancery", name: "Upgrade Editor", role: "EDITOR" } });
  editor = { id: user.id, email: user.email, role: user.role };
  // An editor's own event, and an edit staged on one of the demo events.
  editorEventId = (
    await createEvent({
      actor: editor,
      input: testEventInput({
        title: "An editor's own event",
        summary: "Written at the desk.",
        type: "MEETING",
        participants: [{ role: "PARTICIPANT", countryId: "KZ" }],
        sources: [{ url: "https://example.org/editor-source", title: "Editor's source", publisher: "Example" }],
      }),
    })
  ).id;
  const uae = await db.event.findUniqueOrThrow({ where: { slug: "uae-israel-normalization-announced" } });
  await updateEvent({
    actor: editor,
    id: uae.id,
    baseVersion: uae.version,
    input: {
      title: uae.title,
      summary: `${uae.summary} (Edited at the desk.)`,
      type: uae.type,
      date: "2020-08-13",
      datePrecision: "DAY",
      participants: [{ role: "PARTICIPANT", countryId: "AE" }],
      sources: [{ url: "https://example.org/uae", title: "An editor's source", publisher: "Example" }],
    },
  });

  upgraded = await loadDemoRecord(db);
});

describe("upgrading a database that holds the first demo record", () => {
  it("corrects, adds and retracts in one start, and the next start changes nothing", async () => {
    expect(upgraded).toBeGreaterThan(10);
    expect(await loadDemoRecord(db)).toBe(0);
    const audit = await db.auditLog.findMany({ where: { action: "seed.demo" }, orderBy: { at: "asc" } });
    expect(audit.at(-1)?.summary).toMatchObject({ version: 2, retracted: 1 });
  });

  it("retracts the composed State Department “readout”, with a public reason, and makes it the meeting's summary", async () => {
    const readout = await db.statement.findUniqueOrThrow({ where: { slug: "state-department-rubio-tokayev-readout" } });
    expect(readout.status).toBe("RETRACTED");
    expect(readout.retractionReason).toMatch(/Not a verbatim statement/);
    const meeting = await db.event.findUniqueOrThrow({ where: { slug: "rubio-meets-tokayev" }, include: { participants: true, corrections: true } });
    expect(meeting.summary).toContain("According to the State Department");
    expect(meeting.participants.map((p) => p.role)).not.toContain("HOST");
    expect(meeting.dayOrder).toBe(1);
    expect(meeting.unconfirmedNote).toMatch(/breakfast/);
    expect(meeting.corrections.map((c) => c.note).join(" ")).toMatch(/paraphrase/);
  });

  it("retypes the embassy openings, replaces home-page sources with articles and notes the correction", async () => {
    const embassy = await db.event.findUniqueOrThrow({
      where: { slug: "israel-opens-embassy-in-kazakhstan" },
      include: { participants: true, sources: true, corrections: true },
    });
    expect(embassy).toMatchObject({ type: "DIPLOMATIC_COOPERATION", cameoCode: "050", version: 2 });
    expect(embassy.participants.every((p) => p.role === "PARTICIPANT")).toBe(true);
    expect(embassy.sources.map((s) => s.url)).toContain("https://web.archive.org/web/20061006230723/http://www.kazakhemb.org.il/Kazakhstan-Israel-eng.html");
    expect(embassy.sources.some((s) => /article link to be added/.test(s.title))).toBe(false);
    expect(embassy.corrections).toHaveLength(1);
    // Only the retracted "readout" (whose tombstone shows nothing) and the demo event an editor
    // has taken over keep first-release sources.
    const stale = await db.source.findMany({
      where: { OR: [{ url: { contains: "gulf-observer.com" } }, { title: { contains: "to be added" } }] },
      select: { event: { select: { slug: true } }, statement: { select: { slug: true, status: true } } },
    });
    expect(stale.length).toBeGreaterThan(0);
    for (const s of stale) {
      expect(s.event?.slug === "uae-israel-normalization-announced" || s.statement?.status === "RETRACTED", JSON.stringify(s)).toBe(true);
    }
  });

  it("adds what the first record lacked: the mid-1990s agreements, the Axios quote, links, dated offices, Morocco's instrument", async () => {
    expect(await db.event.findUnique({ where: { slug: "israel-kazakhstan-bilateral-agreements-mid-1990s" } })).toMatchObject({ datePrecision: "YEAR", dateApproximate: true });
    expect(await db.statement.findUnique({ where: { slug: "us-official-abraham-accords-club" } })).toMatchObject({ attribution: "ANONYMOUS", status: "PUBLISHED" });
    const call = await db.event.findUniqueOrThrow({ where: { slug: "trump-netanyahu-tokayev-call" }, include: { linksOut: { include: { toEvent: true } } } });
    expect(call.linksOut.map((l) => l.toEvent.slug)).toEqual(["kazakhstan-to-join-the-abraham-accords"]);
    const trump = await db.person.findUniqueOrThrow({ where: { slug: "donald-trump" }, include: { offices: { orderBy: { startDate: "asc" } } } });
    expect(trump.offices.map((o) => o.startDate?.toISOString().slice(0, 10))).toEqual(["2017-01-20", "2025-01-20"]);
    const morocco = await db.treatyAction.findMany({ where: { countryId: "MA", agreement: { slug: "abraham-accords" } }, include: { viaAgreement: true } });
    const joined = morocco.find((a) => a.type === "JOINED_THROUGH_RELATED_INSTRUMENT");
    expect(joined?.viaAgreement?.slug).toBe("us-israel-morocco-joint-declaration");
    expect(joined?.unconfirmedNote).toMatch(/not confirmed/);
  });

  it("leaves an editor's event, and a demo event an editor has touched, exactly as they were", async () => {
    const mine = await db.event.findUniqueOrThrow({ where: { id: editorEventId } });
    expect(mine).toMatchObject({ title: "An editor's own event", dayOrder: 0 });
    const uae = await db.event.findUniqueOrThrow({ where: { slug: "uae-israel-normalization-announced" }, include: { participants: true } });
    // Still the first release's version, with the editor's staged edit waiting.
    expect(uae.cameoCode).toBe("031");
    expect(uae.participants.map((p) => p.role)).toContain("MEDIATOR");
    expect(uae.stagedData).not.toBeNull();
  });

  it("ends with every other demo event and statement as the record has it", async () => {
    for (const e of demoEvents.filter((x) => x.slug !== "uae-israel-normalization-announced")) {
      const row = await db.event.findUniqueOrThrow({ where: { slug: e.slug }, include: { sources: { orderBy: { position: "asc" } } } });
      expect({ type: row.type, cameoCode: row.cameoCode, summary: row.summary, dayOrder: row.dayOrder }, e.slug).toEqual({
        type: e.type,
        cameoCode: e.cameoCode,
        summary: e.summary,
        dayOrder: e.dayOrder ?? 0,
      });
      expect(row.sources.map((s) => s.url), e.slug).toEqual(e.sources.map((s) => s.url));
    }
    for (const s of demoStatements) {
      const row = await db.statement.findUniqueOrThrow({ where: { slug: s.slug } });
      expect(row.text, s.slug).toBe(s.text);
    }
  });

  it("gives the desk forms values they accept as they are, for every demo event, statement, person and agreement", async () => {
    // An editor opening any demo record and saving it unchanged must not meet an error the
    // record itself causes (order in the day, approximate dates, Morocco's instrument, offices).
    const problems: string[] = [];
    await db.$transaction(async (tx) => {
      const check = async (what: string, schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, values: unknown) => {
        const parsed = schema.safeParse(values);
        if (!parsed.success) problems.push(`${what}: ${parsed.error!.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      };
      for (const e of await tx.event.findMany({ where: { slug: { in: demoEvents.map((x) => x.slug) } }, select: { id: true, slug: true } })) {
        await check(`event ${e.slug}`, eventRecord.schema, await eventRecord.snapshot(tx, e.id));
      }
      for (const s of await tx.statement.findMany({ where: { slug: { in: demoStatements.map((x) => x.slug) }, status: "PUBLISHED" }, select: { id: true, slug: true } })) {
        await check(`statement ${s.slug}`, statementRecord.schema, await statementRecord.snapshot(tx, s.id));
      }
      for (const p of await tx.person.findMany({ select: { id: true, slug: true } })) {
        await check(`person ${p.slug}`, personRecord.schema, await personRecord.snapshot(tx, p.id));
      }
      for (const a of await tx.agreement.findMany({ select: { id: true, slug: true } })) {
        await check(`agreement ${a.slug}`, AgreementInputSchema, await snapshotAgreement(tx, a.id));
      }
    });
    expect(problems).toEqual([]);
  });
});
