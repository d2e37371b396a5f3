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
    expect(slugify("Lech Wałęsa")).toBe("lech-walesa");
    expect(slugify("Søren Kierkegaard")).toBe("soren-kierkegaard");
    expect(slugify("Recep Tayyip Erdoğan")).toBe("recep-tayyip-erdogan");
    expect(slugify("Food technology & agriculture")).toBe("food-technology-and-agriculture");
    expect(slugify("C5+1")).toBe("c5-plus-1");
    expect(slugify("‽")).toBe("untitled");
  });
});
