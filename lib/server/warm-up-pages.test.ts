import net, { type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import type { PublicationStatus } from "@/lib/generated/prisma/client";
import { chooseWarmUpPages, EMPTY_RECORD_WARM_UP } from "./warm-up-pages";

const choose = () => chooseWarmUpPages(process.env.DATABASE_URL!, { timeoutMs: 5_000 });

let made = 0;
/** An event on `date`, in `country` (if any), with a participant from each of `with`. */
async function event(options: { date: string; status: PublicationStatus; country?: string; with?: string[] }) {
  made += 1;
  await db.event.create({
    data: {
      slug: `warm-up-${made}`,
      title: `Warm-up event ${made}`,
      summary: "For the warm-up's choice.",
      type: "MEETING",
      date: new Date(options.date),
      status: options.status,
      countryId: options.country ?? null,
      participants: { create: (options.with ?? []).map((countryId) => ({ role: "PARTICIPANT" as const, countryId })) },
    },
  });
}

describe("the pages a starting web process renders to itself", () => {
  it("are the 404 country page while no published event involves a country", async () => {
    expect(await choose()).toEqual(EMPTY_RECORD_WARM_UP);
    await event({ date: "2030-01-01", status: "DRAFT", country: "FR", with: ["DE"] });
    await event({ date: "2030-01-02", status: "PUBLISHED" });
    expect(await choose()).toEqual(EMPTY_RECORD_WARM_UP);
  });

  it("are a country page and a relation page of the newest published event that involves two countries", async () => {
    await event({ date: "2029-06-01", status: "PUBLISHED", with: ["NO"] });
    expect(await choose(), "an event of one country has no relation page").toEqual(["/countries/no"]);

    await event({ date: "2029-04-01", status: "PUBLISHED", country: "AZ", with: ["BR"] });
    await event({ date: "2029-05-01", status: "PUBLISHED", country: "KZ", with: ["US", "IL"] });
    for (const status of ["DRAFT", "IN_REVIEW", "SCHEDULED", "RETRACTED"] as const) await event({ date: "2031-01-01", status, country: "JP", with: ["CN"] });
    // Passed over: a newer event of one country, and the unpublished ones. Its countries
    // by code: Israel, then Israel's first partner.
    expect(await choose()).toEqual(["/countries/il", "/relations/il-kz"]);
  });

  it("are not chosen when the database does not answer in time (the web process then warms up with the 404)", async () => {
    // Takes connections and never answers: PostgreSQL hung, or a firewall dropping packets.
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const started = performance.now();
      await expect(chooseWarmUpPages(`postgresql://nobody:nothing@127.0.0.1:${port}/none`, { timeoutMs: 500 })).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(2_000);
      await expect(chooseWarmUpPages(`postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`, { timeoutMs: 500 })).rejects.toThrow();
    } finally {
      held.forEach((socket) => socket.destroy());
      silent.close();
    }
  });
});
