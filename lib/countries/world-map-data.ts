/**
 * The world map's frame and the shape of world-map.json, shared by the map
 * (world-map.ts) and the projection that writes the file (world-map-projection.ts).
 */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** [x0, y0, x1, y1] in map units. */
export type Box = [number, number, number, number];

export interface WorldMapData {
  /** Every country of the 1:110m atlas but Antarctica, in the atlas's order (their paths joined are the base layer). */
  countries: Array<{ id: string | null; d: string; centre: [number, number] | null; box: Box | null }>;
  /** The centres of the 1:50m atlas's countries that the 1:110m atlas lacks. */
  smallCountryCentres: Record<string, [number, number]>;
}
