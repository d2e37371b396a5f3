import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110 from "world-atlas/countries-110m.json";
import smallCountryCentres from "./small-country-centres.json";

/**
 * The world map's geometry, projected once per process and kept: Natural Earth
 * 1:110m countries from world-atlas, keyed by ISO 3166-1 numeric code (as in
 * Country.numeric). Countries too small for that scale (Bahrain, Singapore, …)
 * get a dot at their centre, taken from the 1:50m atlas by a script (smallCountryCentre).
 */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface MapGeometry {
  /** Every country but Antarctica, as one path: the base layer. */
  land: string;
  /** Path per numeric code. */
  shapes: Map<string, string>;
  /** Centre per numeric code, for dots and labels. */
  centres: Map<string, [number, number]>;
  /** Projected bounding box per numeric code, for zooming to the coloured countries. */
  bounds: Map<string, Box>;
}

/** [x0, y0, x1, y1] in map units. */
export type Box = [number, number, number, number];

type CountryProps = { name: string };

let geometry: MapGeometry | undefined;

function projection() {
  return geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    // Fit to the world without Antarctica so the inhabited world fills the frame.
    { type: "Feature", geometry: { type: "Polygon", coordinates: [[[-180, -58], [180, -58], [180, 84], [-180, 84], [-180, -58]]] }, properties: {} },
  );
}

export function mapGeometry(): MapGeometry {
  if (geometry) return geometry;
  const topology = world110 as unknown as Topology<{ countries: GeometryCollection<CountryProps> }>;
  const collection = feature(topology, topology.objects.countries);
  const proj = projection();
  const path = geoPath(proj).digits(1);
  const shapes = new Map<string, string>();
  const centres = new Map<string, [number, number]>();
  const bounds = new Map<string, Box>();
  const land: string[] = [];
  for (const f of collection.features) {
    if (f.id === "010") continue; // Antarctica
    const d = path(f as GeoPermissibleObjects) ?? "";
    land.push(d);
    if (typeof f.id === "string") {
      shapes.set(f.id, d);
      const [[x0, y0], [x1, y1]] = path.bounds(f as GeoPermissibleObjects);
      bounds.set(f.id, [x0, y0, x1, y1]);
      const c = proj(geoCentroid(f as GeoPermissibleObjects));
      if (c) centres.set(f.id, [Math.round(c[0] * 10) / 10, Math.round(c[1] * 10) / 10]);
    }
  }
  geometry = { land: land.join(""), shapes, centres, bounds };
  return geometry;
}

/**
 * Where to draw a dot for a country missing from the 1:110m atlas, or null if unknown.
 * Read from small-country-centres.json, which scripts/build-small-country-centres.ts
 * writes from the 1:50m atlas: computing them at the first request parsed that atlas
 * (0.75 MB) and took about half a second of the first render of a page that shows one.
 */
export async function smallCountryCentre(numeric: string): Promise<[number, number] | null> {
  const centre: number[] | undefined = (smallCountryCentres as Record<string, number[]>)[numeric];
  return centre ? [centre[0]!, centre[1]!] : null;
}

/** The centres of the 1:50m atlas's countries that the 1:110m atlas lacks, projected as the map is. */
export async function computeSmallCountryCentres(): Promise<Record<string, [number, number]>> {
  const { default: world50 } = await import("world-atlas/countries-50m.json");
  const topology = world50 as unknown as Topology<{ countries: GeometryCollection<CountryProps> }>;
  const proj = projection();
  const drawn = mapGeometry().shapes;
  const centres: Record<string, [number, number]> = {};
  for (const f of feature(topology, topology.objects.countries).features) {
    if (typeof f.id !== "string" || drawn.has(f.id)) continue;
    const c = proj(geoCentroid(f as GeoPermissibleObjects));
    if (c) centres[f.id] = [Math.round(c[0] * 10) / 10, Math.round(c[1] * 10) / 10];
  }
  return Object.fromEntries(Object.entries(centres).sort(([a], [b]) => a.localeCompare(b)));
}

export interface MapHighlight {
  numeric: string;
  iso2: string;
  name: string;
  /** Which legend entry colours it. */
  group: string;
}

export interface PlacedHighlight extends MapHighlight {
  /** The country's shape, or null when it is drawn as a dot. */
  d: string | null;
  dot: [number, number] | null;
  /** Where a marker goes: the shape's centre (null for dots, which are their own centre). */
  centre: [number, number] | null;
  /** The shape's projected bounding box (null for dots). */
  box: Box | null;
}

/** Attaches each highlighted country's shape (or dot position) from the cached geometry. */
export async function placeHighlights(highlights: MapHighlight[]): Promise<PlacedHighlight[]> {
  const geo = mapGeometry();
  const placed: PlacedHighlight[] = [];
  for (const h of highlights) {
    const d = geo.shapes.get(h.numeric) ?? null;
    placed.push({
      ...h,
      d,
      dot: d ? null : await smallCountryCentre(h.numeric),
      centre: d ? (geo.centres.get(h.numeric) ?? null) : null,
      box: d ? (geo.bounds.get(h.numeric) ?? null) : null,
    });
  }
  return placed;
}

/**
 * Whether a country would be a speck on this frame (under 4 % of its width, about
 * 14 px on a phone: Israel and the UAE on the Abraham Accords' map): such countries,
 * and those drawn as dots, get a marker.
 */
export function isSmallOnFrame(p: PlacedHighlight, frame: Box): boolean {
  if (!p.box) return true;
  const [x0, y0, x1, y1] = p.box;
  return Math.max(x1 - x0, y1 - y0) < frame[2] * 0.04;
}

/**
 * The part of the map worth showing: the coloured countries with a margin, widened
 * to a landscape frame and never smaller than a region, so a few Gulf states do not
 * turn into a blur and a regional agreement is not a speck on a world map.
 */
export function frameFor(placed: PlacedHighlight[]): Box {
  const geo = mapGeometry();
  const boxes = placed
    .map((p) => (p.d ? geo.bounds.get(p.numeric) : p.dot ? ([p.dot[0] - 6, p.dot[1] - 6, p.dot[0] + 6, p.dot[1] + 6] as Box) : undefined))
    .filter((b): b is Box => !!b);
  if (boxes.length === 0) return [0, 0, MAP_WIDTH, MAP_HEIGHT];
  const [bx0, by0, x1, y1] = boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
  const minWidth = 300;
  const ratio = MAP_WIDTH / MAP_HEIGHT;
  let w = Math.max(x1 - bx0, minWidth) * 1.3;
  const h = Math.max((y1 - by0) * 1.3, w / ratio);
  w = Math.max(w, h * ratio);
  if (w >= MAP_WIDTH || h >= MAP_HEIGHT) return [0, 0, MAP_WIDTH, MAP_HEIGHT];
  const cx = (bx0 + x1) / 2;
  const cy = (by0 + y1) / 2;
  const x0 = Math.min(Math.max(cx - w / 2, 0), MAP_WIDTH - w);
  const y0 = Math.min(Math.max(cy - h / 2, 0), MAP_HEIGHT - h);
  const r = (n: number) => Math.round(n * 10) / 10;
  return [r(x0), r(y0), r(w), r(h)];
}

/** Path of the shared base layer (see app/(public)/maps/world.svg). */
export const WORLD_BASE_PATH = "/maps/world.svg";

/** Every country in one neutral colour: the base layer under each map's coloured countries. */
export function worldBaseSvg(): string {
  const { land } = mapGeometry();
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"><path d="${land}" fill="#f3f1ec" stroke="#b9b3a7" stroke-width="0.4" stroke-linejoin="round"/></svg>`;
}
