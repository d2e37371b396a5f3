/**
 * The bounds of one bulk import. The file travels as text inside the desk's JSON body
 * (lib/http/json-route.ts reads at most 5 MB), so its own cap leaves room for escaping.
 */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** Rows committed per transaction: a batch is all or nothing, except rows that fail alone (their savepoint rolls back). */
export const IMPORT_BATCH_SIZE = 500;
/** A cell longer than this is refused before any schema sees it (the longest field, an event body, is 100,000). */
export const MAX_CELL_CHARS = 100_000;
export const MAX_COLUMNS = 100;

export const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
