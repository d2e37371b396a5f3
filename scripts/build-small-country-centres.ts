/**
 * Writes lib/countries/small-country-centres.json: where the world map draws a dot for
 * each country too small for its 1:110m atlas, from world-atlas's 1:50m atlas. Run
 * after changing the map's projection or size (lib/countries/world-map.test.ts fails
 * until then):
 *
 *   npx tsx scripts/build-small-country-centres.ts
 */
import { writeFileSync } from "node:fs";
import { computeSmallCountryCentres } from "@/lib/countries/world-map";

writeFileSync("lib/countries/small-country-centres.json", `${JSON.stringify(await computeSmallCountryCentres())}\n`);
