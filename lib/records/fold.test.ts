import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { foldText } from "./fold";
import { slugify } from "./slug";

const NAMES = ["Côte d’Ivoire", "Recep Tayyip Erdoğan", "Maroš Šefčovič", "Lech Wałęsa", "Søren Kierkegaard", "Straße", "Æbelø", "İstanbul", "Bahrain–Israel", "“Quoted”", "Þingvellir", "Curaçao", "Åland Islands"];
// Names that look like others: characters that show nothing, other spaces, decomposed letters.
const LOOKALIKES = {
  "Kaza\u200Bkhstan": "kazakhstan",
  "\uFEFFKazakhstan\u2060": "kazakhstan",
  "Kaz\u00ADakh\u200Cstan\u200D": "kazakhstan",
  "Kazakhstan\u200E": "kazakhstan",
  "\u202EKazakhstan\u202C": "kazakhstan",
  "Recep\u00A0Tayyip\u2009 Erdog\u0306an": "recep tayyip erdogan",
  "Erdog\u0306an": "erdogan",
  "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645": "\u0645\u06CC\u062E\u0648\u0627\u0647\u0645",
  "\u3164Kazakhstan\uFE0F": "kazakhstan",
  "Kazakh\u{E0041}stan": "kazakhstan",
};

describe("foldText", () => {
  it("folds a name as the database's name_folded does", async () => {
    const rows = await db.$queryRaw<Array<{ folded: string }>>`SELECT name_folded(n) AS folded FROM unnest(${NAMES}::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i`;
    expect(NAMES.map(foldText)).toEqual(rows.map((r) => r.folded));
    expect(foldText("Côte d’Ivoire")).toBe("cote d'ivoire");
  });

  it("sets aside what shows nothing and every kind of space, as name_folded does", async () => {
    const names = Object.keys(LOOKALIKES);
    const rows = await db.$queryRaw<Array<{ folded: string }>>`SELECT name_folded(n) AS folded FROM unnest(${names}::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i`;
    expect(rows.map((r) => r.folded)).toEqual(Object.values(LOOKALIKES));
    expect(names.map(foldText)).toEqual(Object.values(LOOKALIKES));
  });
});

describe("slugify", () => {
  it("keeps the letters of a name that NFKD does not take apart", () => {
    const slugs = Object.entries({
      "Lech Wałęsa": "lech-walesa",
      "Søren Kierkegaard": "soren-kierkegaard",
      "Recep Tayyip Erdoğan": "recep-tayyip-erdogan",
      "Food technology & agriculture": "food-technology-and-agriculture",
      "C5+1": "c5-plus-1",
      "‽": "untitled",
    });
    expect(slugs.map(([name]) => slugify(name))).toEqual(slugs.map(([, slug]) => slug));
  });
});
