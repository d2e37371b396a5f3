import worldMapData from "./world-map.json";
import { MAP_HEIGHT, MAP_WIDTH, type Box, type WorldMapData } from "./world-map-data";

export { MAP_HEIGHT, MAP_WIDTH, type Box } from "./world-map-data";

/**
 * The world map's geometry: Natural Earth 1:110m countries from world-atlas, keyed by
 * ISO 3166-1 numeric code (as in Country.numeric), projected by
 * scripts/build-world-map.ts into world-map.json (lib/countries/world-map.test.ts
 * fails when the file and the atlas disagree). Countries too small for that scale
 * (Bahrain, Singapore, …) get a dot at their centre, from the 1:50m atlas. Projecting
 * the atlas at the first request took 200-280 ms of the first render of every page
 * with a map, in every web process; reading the file takes a few.
 */

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

/** The file as written by the script (its tuples read back from JSON as arrays). */
const DATA = worldMapData as unknown as WorldMapData;

let geometry: MapGeometry | undefined;

export function mapGeometry(): MapGeometry {
  if (geometry) return geometry;
  const shapes = new Map<string, string>();
  const centres = new Map<string, [number, number]>();
  const bounds = new Map<string, Box>();
  for (const country of DATA.countries) {
    if (!country.id) continue;
    shapes.set(country.id, country.d);
    if (country.box) bounds.set(country.id, country.box);
    if (country.centre) centres.set(country.id, country.centre);
  }
  geometry = { land: DATA.countries.map((c) => c.d).join(""), shapes, centres, bounds };
  return geometry;
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

/**
 * Attaches each highlighted country's shape from the geometry, or, for a country missing
 * from the 1:110m atlas, the dot where the 1:50m atlas puts it (null if unknown).
 */
export function placeHighlights(highlights: MapHighlight[]): PlacedHighlight[] {
  const geo = mapGeometry();
  return highlights.map((h) => {
    const d = geo.shapes.get(h.numeric) ?? null;
    return {
      ...h,
      d,
      dot: d ? null : (DATA.smallCountryCentres[h.numeric] ?? null),
      centre: d ? (geo.centres.get(h.numeric) ?? null) : null,
      box: d ? (geo.bounds.get(h.numeric) ?? null) : null,
    };
  });
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

/**
 * Every country in one neutral colour: the base layer under each map's coloured countries.
 * An image cannot read the page's tokens, so it carries the land's two colours itself, the
 * light scheme's (surface-sunken, rule-strong) and the dark one's (app/globals.css).
 */
export function worldBaseSvg(): string {
  const { land } = mapGeometry();
  const style = "path{fill:#f3f1ec;stroke:#b9b3a7}@media screen and (prefers-color-scheme:dark){path{fill:#2b2f35;stroke:#4d525a}}";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"><style>${style}</style><path d="${land}" stroke-width="0.4" stroke-linejoin="round"/></svg>`;
}
