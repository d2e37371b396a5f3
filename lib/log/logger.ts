import { Console } from "node:console";
import { Writable } from "node:stream";
import { format } from "node:util";
import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequestId } from "./request-context";

export type { Logger } from "pino";

type LogFormat = "json" | "pretty";
type Level = "debug" | "info" | "warn" | "error";

const LEVEL_NAMES: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** LOG_FORMAT, or pretty for a person at a terminal and JSON for everything else. */
export function logFormat(env: NodeJS.ProcessEnv = process.env): LogFormat {
  if (env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty") return env.LOG_FORMAT;
  return process.stdout.isTTY ? "pretty" : "json";
}

/** One readable line for a person: `[name] message key=value …`, the stack below an error. */
export function prettyLine(record: Record<string, unknown>): string {
  const { level, time: _time, pid: _pid, hostname: _host, name, msg, err, ...rest } = record;
  const label = typeof level === "number" && level >= 40 ? `${LEVEL_NAMES[level] ?? level} ` : "";
  const extras = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  const stack = err && typeof err === "object" && "stack" in err ? `\n${String((err as { stack: unknown }).stack)}` : "";
  return `[${String(name ?? "chancery")}] ${label}${String(msg ?? "")}${extras ? `  ${extras}` : ""}${stack}\n`;
}

function prettyDestination(): DestinationStream {
  return {
    write(line: string) {
      const record = JSON.parse(line) as Record<string, unknown>;
      const out = typeof record.level === "number" && record.level >= 50 ? process.stderr : process.stdout;
      out.write(prettyLine(record));
    },
  };
}

/**
 * pino's `time` field (`,"time":"2026-12-05T18:20:00.123Z"`, as pino's own isoTime writes
 * it) from two clocks: `monotonic` in ms from any origin, read for every line, and `wall`,
 * epoch ms, read once a second to place the first. A line's timestamp went through `Date`,
 * which Next replaces in every process that runs it with a class whose constructor and
 * `now` ask, on each call, whether a prerender is reading the clock
 * (next/dist/server/node-environment-extensions/date.js): 1.2 % of a cached page's CPU
 * for one request line (docs/performance.md, "Fewer header rules, and the request line's own clock"). The text of
 * the current second is kept; a line writes its milliseconds. A wall clock that is set
 * back or forward shows in the lines from the next second on.
 */
export function isoTimeFrom(monotonic: () => number, wall: () => number): () => string {
  let offset = wall() - monotonic();
  let second = Number.NaN;
  let prefix = "";
  return () => {
    let ms = Math.floor(monotonic() + offset);
    if (Math.floor(ms / 1000) !== second) {
      offset = wall() - monotonic();
      ms = Math.floor(monotonic() + offset);
      second = Math.floor(ms / 1000);
      prefix = new Date(second * 1000).toISOString().slice(0, -4); // "2026-12-05T18:20:00."
    }
    const milli = ms - second * 1000;
    return `,"time":"${prefix}${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z"`;
  };
}

/** `performance` is the clock Next leaves alone (it is for measuring, not for output). */
const isoTime = isoTimeFrom(
  () => performance.now(),
  () => Date.now(),
);

/**
 * The process's logger: JSON lines on stdout (one write a line, so the lines of
 * several web processes sharing one stdout never interleave), each carrying the id
 * of the request it belongs to when there is one.
 */
export function createLogger(options: { name: string; level?: string; format?: LogFormat }): Logger {
  const format = options.format ?? logFormat();
  const level = options.level ?? process.env.LOG_LEVEL ?? "info";
  return pino(
    {
      name: options.name,
      level,
      base: { pid: process.pid },
      timestamp: isoTime,
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { reqId: requestId } : {};
      },
    },
    format === "pretty" ? prettyDestination() : pino.destination({ fd: 1, sync: true }),
  );
}

/**
 * A console whose every call becomes one log line of `logger` (with the request id),
 * so that what Next.js and libraries print is structured like our own lines.
 */
export function consoleFor(logger: Logger): Console {
  const sink = (level: Level) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        const text = chunk.toString("utf8").replace(/\n$/, "");
        if (text.trim()) logger[level](text);
        done();
      },
    });
  const console = new Console({ stdout: sink("info"), stderr: sink("error"), colorMode: false });
  // Console sends warn to stderr; keep it at warn level rather than error.
  const warn = sink("warn");
  console.warn = (...args: unknown[]) => void warn.write(format(...args));
  console.debug = (...args: unknown[]) => logger.debug(format(...args));
  return console;
}
