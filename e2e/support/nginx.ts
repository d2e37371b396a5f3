import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { removeTempFolder } from "../../lib/testing/remove-temp-folder";
import { freePort, isPortOpen, waitFor } from "./launcher";

/** Debian's nginx (`apt-get install nginx`; .ci/run installs it), or NGINX_BIN. */
export function nginxBinary(): string {
  const candidates = [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/bin/nginx"].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error("nginx is not installed: apt-get install -y nginx (or set NGINX_BIN)");
  return found;
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`deploy/nginx.conf no longer has exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * deploy/nginx.conf as shipped, with only what a deployer changes changed: the app
 * servers, the listening address, the cache folder and the access log's path.
 * Wrapped in the minimal main configuration Debian's /etc/nginx/nginx.conf would
 * otherwise provide.
 */
export function proxyConfig(options: { upstreams: string[]; port: number; dir: string }): string {
  let site = readFileSync("deploy/nginx.conf", "utf8");
  site = replaceOnce(site, "    server 127.0.0.1:3000;\n", options.upstreams.map((u) => `    server ${u};\n`).join(""));
  site = replaceOnce(site, "proxy_cache_path /var/cache/nginx/chancery ", `proxy_cache_path ${options.dir}/cache `);
  site = replaceOnce(site, "    listen 80;\n", `    listen 127.0.0.1:${options.port};\n`);
  site = replaceOnce(site, "/var/log/nginx/chancery.access.log ", `${options.dir}/access.log `);
  const temp = (name: string) => `${name}_temp_path ${options.dir}/${name};`;
  return [
    process.getuid?.() === 0 ? "user root;" : "",
    "worker_processes 1;",
    "daemon off;",
    `pid ${options.dir}/nginx.pid;`,
    `error_log ${options.dir}/error.log warn;`,
    "events { worker_connections 1024; }",
    "http {",
    "  include /etc/nginx/mime.types;",
    "  default_type application/octet-stream;",
    `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
    site,
    "}",
  ].join("\n");
}

export interface Proxy {
  port: number;
  url: (path: string) => string;
  errors: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts nginx with deploy/nginx.conf in front of `upstreams` (host:port), on a free port,
 * in a folder of its own (configuration, cache, logs) that `stop` removes.
 */
export async function startProxy(upstreams: string[]): Promise<Proxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chancery-nginx-"));
  chmodSync(dir, 0o755);
  mkdirSync(path.join(dir, "cache"));
  const port = await freePort();
  writeFileSync(path.join(dir, "nginx.conf"), proxyConfig({ upstreams, port, dir }));
  const check = spawn(nginxBinary(), ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  let checkOutput = "";
  check.stderr!.on("data", (d: Buffer) => (checkOutput += d.toString()));
  const valid = await new Promise<number | null>((resolve) => check.once("exit", resolve));
  if (valid !== 0) {
    await removeTempFolder(dir);
    throw new Error(`nginx refused the configuration:\n${checkOutput}`);
  }
  const child: ChildProcess = spawn(nginxBinary(), ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const errors = () => stderr + (existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8") : "");
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGQUIT");
    await exited;
    // Its access log grows with every request (237 MB after one benchmark).
    await removeTempFolder(dir);
  };
  try {
    await waitFor(async () => child.exitCode === null && (await isPortOpen(port)), 15_000, "nginx to listen");
  } catch (error) {
    const log = errors(); // before its folder goes
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${log}`);
  }
  return { port, url: (p: string) => `http://127.0.0.1:${port}${p}`, errors, stop };
}
