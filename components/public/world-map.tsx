import { IntentLink } from "@/components/public/intent-link";
import { MAP_HEIGHT, MAP_WIDTH, WORLD_BASE_PATH, frameFor, isSmallOnFrame, placeHighlights, type MapHighlight } from "@/lib/countries/world-map";
import styles from "./world-map.module.css";
import { countryPath } from "@/lib/site/paths";

export interface MapLegendEntry {
  group: string;
  label: string;
  tone: "strong" | "accent" | "soft" | "warning" | "muted" | "focus" | "related";
}

/**
 * A world map drawn as SVG on the server, with no tiles and no script. Each
 * coloured country is a link to its page (reachable by keyboard, named with its
 * legend entry); a country too small to see at the map's scale (Israel, Bahrain)
 * gets a marker at its centre. The picture has a title and description, and the
 * list below it names every coloured country and links to it.
 */
export function WorldMap({
  id,
  title,
  description,
  highlights,
  legend,
}: {
  id: string;
  title: string;
  description: string;
  highlights: MapHighlight[];
  legend: MapLegendEntry[];
}) {
  const placed = placeHighlights(highlights);
  const frame = frameFor(placed);
  const [fx, fy, fw, fh] = frame;
  // Markers keep a size readable on a phone whatever the zoom: about 1.4 % of the frame's width.
  const markerRadius = fw * 0.014;
  const toneOf = new Map(legend.map((l) => [l.group, l.tone]));
  const labelOf = new Map(legend.map((l) => [l.group, l.label]));
  const groups = legend
    .map((entry) => ({ ...entry, countries: placed.filter((p) => p.group === entry.group).sort((a, b) => a.name.localeCompare(b.name)) }))
    .filter((g) => g.countries.length > 0);
  // Larger countries first, so the small ones' markers are drawn (and tabbed to) on top of their neighbours.
  const drawn = placed
    .map((p) => ({ ...p, small: isSmallOnFrame(p, frame) }))
    .filter((p) => p.d || p.dot)
    .sort((a, b) => Number(a.small) - Number(b.small) || a.name.localeCompare(b.name));
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-caption`}>
      <svg viewBox={`${fx} ${fy} ${fw} ${fh}`} className={styles.map} role="group" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <image href={WORLD_BASE_PATH} x={0} y={0} width={MAP_WIDTH} height={MAP_HEIGHT} aria-hidden="true" />
        {drawn.map((p) => {
          const tone = styles[toneOf.get(p.group) ?? "accent"];
          const name = `${p.name}: ${labelOf.get(p.group) ?? ""}`;
          const centre = p.dot ?? p.centre;
          return (
            <a key={p.iso2} href={`/countries/${p.iso2.toLowerCase()}`} className={styles.link} aria-label={name} data-iso2={p.iso2}>
              <title>{name}</title>
              {p.d && <path d={p.d} className={`${styles.country} ${tone}`} />}
              {p.small && centre && (
                <>
                  <circle cx={centre[0]} cy={centre[1]} r={markerRadius * 1.7} className={`${styles.halo} ${tone}`} />
                  <circle cx={centre[0]} cy={centre[1]} r={markerRadius} className={`${styles.marker} ${tone}`} />
                </>
              )}
            </a>
          );
        })}
      </svg>
      <figcaption id={`${id}-caption`} className={styles.caption}>
        <span className="visually-hidden">{title}. </span>
        {groups.length === 0 ? (
          <p className="muted">No countries to show yet.</p>
        ) : (
          <dl className={styles.legend}>
            {groups.map((g) => (
              <div key={g.group} className={styles.legendGroup}>
                <dt>
                  <span className={`${styles.swatch} ${styles[g.tone]}`} aria-hidden="true" />
                  {g.label}
                </dt>
                <dd>
                  <ul>
                    {g.countries.map((c) => (
                      <li key={c.iso2}>
                        <IntentLink href={countryPath(c.iso2)}>{c.name}</IntentLink>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </figcaption>
    </figure>
  );
}
