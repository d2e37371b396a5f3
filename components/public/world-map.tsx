import Link from "next/link";
import { MAP_HEIGHT, MAP_WIDTH, WORLD_BASE_PATH, frameFor, placeHighlights, type MapHighlight } from "@/lib/countries/world-map";
import styles from "./world-map.module.css";
import { countryPath } from "@/lib/site/paths";

export interface MapLegendEntry {
  group: string;
  label: string;
  tone: "strong" | "accent" | "soft" | "warning" | "muted" | "focus";
}

/**
 * A world map drawn as SVG on the server, with no tiles and no script. The
 * picture is one image for assistive technology (title and description); the
 * list below it names every coloured country and links to it.
 */
export async function WorldMap({
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
  const placed = await placeHighlights(highlights);
  const [fx, fy, fw, fh] = frameFor(placed);
  // Dots keep their size on screen whatever the zoom.
  const dotRadius = Math.max(2.5, (fw / 960) * 6);
  const toneOf = new Map(legend.map((l) => [l.group, l.tone]));
  const groups = legend
    .map((entry) => ({ ...entry, countries: placed.filter((p) => p.group === entry.group).sort((a, b) => a.name.localeCompare(b.name)) }))
    .filter((g) => g.countries.length > 0);
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-caption`}>
      <svg viewBox={`${fx} ${fy} ${fw} ${fh}`} className={styles.map} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <image href={WORLD_BASE_PATH} x={0} y={0} width={MAP_WIDTH} height={MAP_HEIGHT} />
        {placed.map((p) =>
          p.d ? (
            <path key={p.iso2} d={p.d} className={`${styles.country} ${styles[toneOf.get(p.group) ?? "accent"]}`} />
          ) : p.dot ? (
            <circle key={p.iso2} cx={p.dot[0]} cy={p.dot[1]} r={dotRadius} className={`${styles.dot} ${styles[toneOf.get(p.group) ?? "accent"]}`} />
          ) : null,
        )}
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
                        <Link href={countryPath(c.iso2)}>{c.name}</Link>
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
