import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { foldText } from "./fold";
import { slugify } from "./slug";

const NAMES = ["Côte d’Ivoire", "Recep Tayyip Erdoğan", "Maroš Šefčovič", "Lech Wałęsa", "Søren Kierkegaard", "Straße", "Æbelø", "İstanbul", "Bahrain–Israel", "“Quoted”", "Þingvellir", "Curaçao", "Åland Islands"];

describe("foldText", () => {
  it("folds a name as the database's name_folded does", async () => {
    const rows = await db.$queryRaw<Array<{ folded: string }>>`SELECT name_folded(n) AS folded FROM unnest(${NAMES}::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i`;
    expect(NAMES.map(foldText)).toEqual(rows.map((r) => r.folded));
    expect(foldText("Côte d’Ivoire")).toBe("cote d'ivoire");
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
