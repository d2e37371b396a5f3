import type pg from "pg";
import { SEARCH_CONNECTIONS, withSearchConnection } from "@/lib/search/pool";

/** Runs `use` on every search connection at once (each holds its connection until all have one). */
export async function onEverySearchConnection<T>(use: (client: pg.PoolClient) => Promise<T>): Promise<T[]> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return Promise.all(
    Array.from({ length: SEARCH_CONNECTIONS }, () =>
      withSearchConnection(async (client) => {
        if (++arrived === SEARCH_CONNECTIONS) release();
        await all;
        return use(client);
      }),
    ),
  );
}
