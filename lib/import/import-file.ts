import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors/app-error";
import { PrototypeKeyError, parseJsonWithoutPrototypeKeys } from "@/lib/objects/safe-keys";
import { formatBytes, MAX_CELL_CHARS, MAX_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./limits";

export type ImportFormat = "csv" | "json";

/** One row as read: its line in the file (CSV) or its position (JSON, from 1), and its cells by column name. */
export interface FileRow {
  line: number;
  cells: Record<string, string>;
}

export interface ImportFile {
  format: ImportFormat;
  columns: string[];
  rows: FileRow[];
}

const refuse = (message: string): never => {
  throw new AppError("INVALID", message, { file: [message] });
};

/** Column names are trimmed and lower-cased; names that could reach an object's prototype are refused. */
function columnName(raw: string): string {
  const name = raw.trim().replace(/^\uFEFF/, "");
  if (name === "__proto__" || name === "constructor" || name === "prototype") refuse(`A column may not be named “${name}”.`);
  return name;
}

export function formatOf(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return "json";
  if (/\.csv$/i.test(fileName)) return "csv";
  const start = text.trimStart()[0];
  return start === "[" || start === "{" ? "json" : "csv";
}

function readCsv(text: string): ImportFile {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: MAX_CELL_CHARS * 2,
      // A header row is read as the first record: names are checked here, not by the parser.
      columns: false,
      trim: false,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    const where = typeof e.lines === "number" ? ` (line ${e.lines})` : "";
    const why =
      e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
        ? "a row has a different number of cells than the header"
        : e.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quoted cell is never closed"
          : e.code === "CSV_INVALID_CLOSING_QUOTE"
            ? "a quote inside a cell is not doubled"
            : e.code === "CSV_MAX_RECORD_SIZE"
              ? "a row is too long"
              : "it is not valid CSV";
    return refuse(`The file could not be read as CSV${where}: ${why}. Nothing was imported.`);
  }
  if (records.length === 0) return refuse("The file is empty: it needs a header row and at least one row.");
  const header = records[0]!.record.map(columnName);
  if (header.length > MAX_COLUMNS) refuse(`The file has ${header.length} columns; at most ${MAX_COLUMNS} are read.`);
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") refuse("A column in the header row has no name.");
    if (seen.has(name.toLowerCase())) refuse(`The column “${name}” appears twice in the header row.`);
    seen.add(name.toLowerCase());
  }
  const rows = records.slice(1).map(({ record, info }) => {
    const cells: Record<string, string> = Object.create(null);
    header.forEach((name, i) => (cells[name] = record[i] ?? ""));
    return { line: info.lines, cells };
  });
  return { format: "csv", columns: header, rows };
}

function cellText(value: unknown, where: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // Lists (several countries, people) are written as the CSV form writes them.
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return value.join("; ");
  return refuse(`${where} holds an object; give text, a number or a list of names.`);
}

function readJson(text: string): ImportFile {
  let data: unknown;
  try {
    data = parseJsonWithoutPrototypeKeys(text);
  } catch (error) {
    if (error instanceof PrototypeKeyError) refuse(`The file could not be read: a key may not be named “${error.key}”.`);
    return refuse("The file could not be read as JSON. Nothing was imported.");
  }
  const items = Array.isArray(data) ? data : data && typeof data === "object" && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : null;
  if (!items) return refuse("A JSON file holds a list of rows: [ {…}, {…} ] (or { \"items\": [ … ] }).");
  if (items.length === 0) refuse("The file holds no rows.");
  const columns: string[] = [];
  const rows = items.map((item, i) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) refuse(`Row ${i + 1} is not an object of column names and values.`);
    const cells: Record<string, string> = Object.create(null);
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const name = columnName(key);
      if (!columns.includes(name)) columns.push(name);
      cells[name] = cellText(value, `Row ${i + 1}, “${name}”,`);
    }
    return { line: i + 1, cells };
  });
  if (columns.length > MAX_COLUMNS) refuse(`The file has ${columns.length} columns; at most ${MAX_COLUMNS} are read.`);
  return { format: "json", columns, rows };
}

/**
 * Reads an uploaded file into rows, or refuses it whole with one sentence: too
 * large, too many rows, not CSV or JSON, a broken quote. Nothing is written here.
 */
export function readImportFile(options: { fileName: string; text: string }): ImportFile {
  const { text } = options;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes === 0 || text.trim() === "") refuse("The file is empty.");
  if (bytes > MAX_IMPORT_BYTES) refuse(`The file is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`);
  if (text.includes("\u0000")) refuse("The file holds NUL characters: it looks like a binary file, not CSV or JSON.");
  const file = formatOf(options.fileName, text) === "json" ? readJson(text) : readCsv(text);
  if (file.rows.length === 0) refuse("The file has a header row but no rows.");
  if (file.rows.length > MAX_IMPORT_ROWS) refuse(`The file has ${file.rows.length.toLocaleString("en")} rows; the limit is ${MAX_IMPORT_ROWS.toLocaleString("en")} per file. Split it.`);
  for (const row of file.rows) {
    for (const [name, value] of Object.entries(row.cells)) {
      if (value.length > MAX_CELL_CHARS) refuse(`Row ${row.line}, column “${name}”, is longer than ${MAX_CELL_CHARS.toLocaleString("en")} characters.`);
    }
  }
  return file;
}
