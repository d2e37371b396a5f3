/**
 * Writes lib/countries/world-map.json: the world map's countries projected onto its
 * frame from world-atlas's 1:110m atlas, and a dot for each country too small for it
 * from the 1:50m atlas. Run after changing the map's projection or size
 * (lib/countries/world-map.test.ts fails until then):
 *
 *   npx tsx scripts/build-world-map.ts
 */
import { writeFileSync } from "node:fs";
import { projectWorldMap } from "@/lib/countries/world-map-projection";

writeFileSync("lib/countries/world-map.json", `${JSON.stringify(await projectWorldMap())}\n`);
