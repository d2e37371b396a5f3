import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MAP_HEIGHT, MAP_WIDTH, type Box, type WorldMapData } from "./world-map-data";

/**
 * Projects world-atlas's countries onto the map's frame (Equal Earth, fitted to the
 * world without Antarctica so the inhabited world fills it). Only
 * scripts/build-world-map.ts and the map's test run this; the site reads the result,
 * lib/countries/world-map.json.
 */
type CountryProps = { name: string };
type Countries = Topology<{ countries: GeometryCollection<CountryProps> }>;

function projection() {
  return geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: "Feature", geometry: { type: "Polygon", coordinates: [[[-180, -58], [180, -58], [180, 84], [-180, 84], [-180, -58]]] }, properties: {} },
  );
}

const round = (point: [number, number]): [number, number] => [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10];

export async function projectWorldMap(): Promise<WorldMapData> {
  const { default: world110 } = await import("world-atlas/countries-110m.json");
  const { default: world50 } = await import("world-atlas/countries-50m.json");
  const proj = projection();
  const path = geoPath(proj).digits(1);
  const countries: WorldMapData["countries"] = [];
  const topology110 = world110 as unknown as Countries;
  for (const f of feature(topology110, topology110.objects.countries).features) {
    if (f.id === "010") continue; // Antarctica
    const d = path(f as GeoPermissibleObjects) ?? "";
    if (typeof f.id !== "string") {
      countries.push({ id: null, d, centre: null, box: null });
      continue;
    }
    const [[x0, y0], [x1, y1]] = path.bounds(f as GeoPermissibleObjects);
    const c = proj(geoCentroid(f as GeoPermissibleObjects));
    countries.push({ id: f.id, d, centre: c ? round(c) : null, box: [x0, y0, x1, y1] as Box });
  }
  // The 1:50m atlas's countries that the 1:110m one lacks get a dot at their centre.
  const drawn = new Set(countries.map((c) => c.id));
  const small: Record<string, [number, number]> = {};
  const topology50 = world50 as unknown as Countries;
  for (const f of feature(topology50, topology50.objects.countries).features) {
    if (typeof f.id !== "string" || drawn.has(f.id)) continue;
    const c = proj(geoCentroid(f as GeoPermissibleObjects));
    if (c) small[f.id] = round(c);
  }
  return { countries, smallCountryCentres: Object.fromEntries(Object.entries(small).sort(([a], [b]) => a.localeCompare(b))) };
}
