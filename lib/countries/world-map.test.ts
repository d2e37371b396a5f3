import { describe, expect, it } from "vitest";
import { mapGeometry, placeHighlights, MAP_HEIGHT, MAP_WIDTH } from "./world-map";
import worldMapData from "./world-map.json";
import { projectWorldMap } from "./world-map-projection";

describe("world map data", () => {
  it("is the atlas as the map projects it (else run scripts/build-world-map.ts)", async () => {
    const projected = await projectWorldMap();
    expect(worldMapData).toEqual(JSON.parse(JSON.stringify(projected)));
    expect(Object.keys(projected.smallCountryCentres)).toContain("048"); // Bahrain
    expect(Object.keys(projected.smallCountryCentres).some((numeric) => mapGeometry().shapes.has(numeric))).toBe(false);
  });

  it("has a shape for the countries of the demo story, keyed by ISO numeric code", () => {
    const geo = mapGeometry();
    for (const numeric of ["398", "376", "784", "504", "729", "840", "417", "762", "795", "860"]) {
      expect(geo.shapes.get(numeric), numeric).toMatch(/^M/);
    }
    expect(geo.shapes.has("010")).toBe(false); // Antarctica is left out
  });

  it("keeps the base layer light and inside the frame", () => {
    const geo = mapGeometry();
    expect(geo.land.length).toBeLessThan(120_000);
    for (const [x, y] of geo.centres.values()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });

  it("projects once and reuses the paths", () => {
    expect(mapGeometry()).toBe(mapGeometry());
  });

  it("draws a country too small for the 1:110m atlas (Bahrain) as a dot near the Gulf", async () => {
    const [bahrain, uae] = placeHighlights([
      { numeric: "048", iso2: "BH", name: "Bahrain", group: "x" },
      { numeric: "784", iso2: "AE", name: "United Arab Emirates", group: "x" },
    ]);
    expect(bahrain!.d).toBeNull();
    expect(bahrain!.dot).not.toBeNull();
    const uaeCentre = mapGeometry().centres.get("784")!;
    expect(Math.abs(bahrain!.dot![0] - uaeCentre[0])).toBeLessThan(30);
    expect(uae!.d).toMatch(/^M/);
  });
});

describe("map frame", () => {
  it("zooms to the coloured countries but stays landscape and inside the world", async () => {
    const { frameFor } = await import("./world-map");
    const placed = placeHighlights([
      { numeric: "376", iso2: "IL", name: "Israel", group: "x" },
      { numeric: "784", iso2: "AE", name: "United Arab Emirates", group: "x" },
      { numeric: "048", iso2: "BH", name: "Bahrain", group: "x" },
    ]);
    const [x, y, w, h] = frameFor(placed);
    expect(w).toBeLessThan(MAP_WIDTH);
    expect(w / h).toBeCloseTo(MAP_WIDTH / MAP_HEIGHT, 1);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(MAP_WIDTH + 0.1);
    expect(y + h).toBeLessThanOrEqual(MAP_HEIGHT + 0.1);
    expect(frameFor([])).toEqual([0, 0, MAP_WIDTH, MAP_HEIGHT]);
  });
});

describe("world base layer", () => {
  it("is a standalone SVG document of every country in one path", async () => {
    const { worldBaseSvg } = await import("./world-map");
    const svg = worldBaseSvg();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg.length).toBeLessThan(150_000);
  });
});

describe("small countries", () => {
  it("mark Israel, the UAE and Bahrain on the Abraham Accords' frame, not Morocco or Kazakhstan", async () => {
    const { frameFor, isSmallOnFrame } = await import("./world-map");
    const parties = [
      ["784", "AE"],
      ["376", "IL"],
      ["048", "BH"],
      ["729", "SD"],
      ["504", "MA"],
      ["398", "KZ"],
    ].map(([numeric, iso2]) => ({ numeric: numeric!, iso2: iso2!, name: iso2!, group: "x" }));
    const placed = placeHighlights(parties);
    const frame = frameFor(placed);
    const small = placed.filter((p) => isSmallOnFrame(p, frame)).map((p) => p.iso2);
    expect(small.sort()).toEqual(["AE", "BH", "IL"]);
    for (const p of placed.filter((x) => x.d)) expect(p.centre, p.iso2).not.toBeNull();
  });

  it("mark Israel on a world frame, where it is a few pixels wide", async () => {
    const { frameFor, isSmallOnFrame } = await import("./world-map");
    const placed = placeHighlights([
      { numeric: "376", iso2: "IL", name: "Israel", group: "x" },
      { numeric: "840", iso2: "US", name: "United States", group: "x" },
      { numeric: "398", iso2: "KZ", name: "Kazakhstan", group: "x" },
    ]);
    const frame = frameFor(placed);
    expect(placed.map((p) => isSmallOnFrame(p, frame))).toEqual([true, false, false]);
  });
});
