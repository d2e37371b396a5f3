import { createHash } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { etagOf } from "./etag";
import { createWebServer, type WebServerOptions } from "./http-server";
import { placeholderNonce } from "./nonce";
import { NONCE_HEADER } from "./response";
import { SHARED_PAGE_NONCE } from "./script-hashes";
import { PEER_ADDRESS_HEADER } from "./request-headers";

/**
 * Chancery's server with a small handler in Next's place that answers the way Next
 * does (a cached page in one piece, a streamed page, a failure); the server itself
 * is the real one, on a real socket.
 */
const P = placeholderNonce("test secret, long enough for the placeholder");

const page = `<!DOCTYPE html><html><head><script src="/a.js" async="" nonce="${P}"></script></head><body><script nonce="${P}">self.x=1</script></body></html>`;

const payload = `self.__next_f.push([1,":HL[\\"/a.css\\",\\"style\\",{\\"nonce\\":\\"${P}\\"}]"])`;
const sharedPage = `<!DOCTYPE html><html><head><script src="/a.js" async="" nonce="${P}"></script></head><body><script nonce="${P}">${payload}</script><script>alert("injected")</script></body></html>`;

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://x");
  switch (url.pathname) {
    case "/page":
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", Buffer.byteLength(page));
      res.end(page);
      return;
    case "/shared":
    case "/shared-cookie":
    case "/shared-private": {
      // A public page as Next sends one from its cache: whole, with an s-maxage.
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", url.pathname === "/shared-private" ? "private, no-store" : "public, max-age=0, s-maxage=1, stale-while-revalidate=10");
      if (url.pathname === "/shared-cookie") res.setHeader("Set-Cookie", "a=b; Path=/");
      res.setHeader("Content-Length", Buffer.byteLength(sharedPage));
      res.end(sharedPage);
      return;
    }
    case "/versions": {
      // A cached page that changes between hits (a publish re-rendered it), as a new string each time.
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "public, max-age=0, s-maxage=1");
      res.end(sharedPage.replace("injected", `version ${url.searchParams.get("v")}`));
      return;
    }
    case "/stream":
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      for (let i = 0; i < page.length; i += 5) res.write(page.slice(i, i + 5));
      res.end();
      return;
    case "/echo":
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ peer: req.headers[PEER_ADDRESS_HEADER], csp: req.headers["content-security-policy"], id: req.headers["x-request-id"] }));
      return;
    case "/flushed": {
      // As Next streams a route handler's body: the head flushed right before the first chunk.
      type Write = (this: net.Socket, ...args: unknown[]) => unknown;
      const socket = res.socket as net.Socket & { _write: Write; _writev: Write };
      const record = (text: string) => socketWrites.push(text);
      const write = socket._write, writev = socket._writev;
      socket._write = function (data, ...rest) {
        record(String(data));
        return write.call(this, data, ...rest);
      };
      socket._writev = function (chunks, ...rest) {
        record((chunks as Array<{ chunk: Buffer | string }>).map((c) => String(c.chunk)).join(""));
        return writev.call(this, chunks, ...rest);
      };
      res.setHeader("Content-Type", "application/json");
      res.flushHeaders();
      res.write('{"first":');
      setTimeout(() => res.end('"later"}'), 20);
      return;
    }
    case "/cached-redirect":
      // As Next 16 answers a redirect from its cache: the stored headers appended again (vercel/next.js#95913).
      res.statusCode = 308;
      res.setHeader("Location", "/people/kept");
      res.appendHeader("Location", "/people/kept");
      res.appendHeader("x-nextjs-stale-time", "300");
      res.appendHeader("x-nextjs-stale-time", "300");
      res.appendHeader("Link", "</a.css>; rel=preload");
      res.appendHeader("Link", "</b.css>; rel=preload");
      res.end();
      return;
    case "/fail":
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end("<p>Something went wrong</p>");
      return;
    case "/body": {
      let length = 0;
      for await (const chunk of req) length += (chunk as Buffer).length;
      res.end(`read ${length}`);
      return;
    }
    case "/throw":
      throw new Error("secret detail /srv/app/file.ts:12");
  }
  res.statusCode = 404;
  res.end();
}

/** What the server's socket was given to send, one entry a write (set by /flushed). */
const socketWrites: string[] = [];

const servers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

function webServer(overrides: Partial<WebServerOptions> = {}) {
  return createWebServer({
    handle,
    logger: createLogger({ name: "test", level: "silent", format: "json" }),
    isDev: false,
    trustProxy: false,
    security: { isDev: false, isHttps: false },
    placeholder: P,
    requestTimeoutMs: 30_000,
    maxConcurrentRequests: 100,
    isDatabaseAvailable: async () => true,
    metrics: { token: undefined, collect: async () => "metric 1\n" },
    ...overrides,
  });
}

async function start(overrides: Partial<WebServerOptions> = {}) {
  const web = webServer(overrides);
  await new Promise<void>((resolve) => web.server.listen(0, "127.0.0.1", resolve));
  servers.push(() => web.close(1_000));
  const port = (web.server.address() as net.AddressInfo).port;
  return { web, port, url: (path: string) => `http://127.0.0.1:${port}${path}` };
}

function nonceOf(response: Response): string {
  return /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")![1]!;
}

/** Resolves with everything the server sent once it closes the connection. */
function closed(socket: net.Socket): Promise<string> {
  let received = "";
  socket.on("data", (d: Buffer) => (received += d.toString()));
  return new Promise((resolve) => socket.once("close", () => resolve(received)));
}

describe("documents", () => {
  it("carry a fresh nonce in the policy and in every script the render gave one, never the placeholder", async () => {
    const { url } = await start();
    const nonces = new Set<string>();
    for (const path of ["/page", "/page", "/stream"]) {
      const response = await fetch(url(path));
      const body = await response.text();
      const nonce = nonceOf(response);
      nonces.add(nonce);
      expect(body).toBe(page.replaceAll(P, nonce));
      expect(response.headers.get("content-security-policy")).toContain(`script-src 'nonce-${nonce}' 'strict-dynamic'`);
      // Named apart for a proxy that swaps it (deploy/nginx.conf).
      expect(response.headers.get(NONCE_HEADER)).toBe(nonce);
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        expect(response.headers.get("content-security-policy")).toContain(directive);
      }
      expect(response.headers.get("content-security-policy")).not.toContain("unsafe-eval");
      if (path === "/page") expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
    }
    expect(nonces.size).toBe(3);
  });

  it("sent whole carry an ETag of the page as rendered, the same whatever the nonce, and a request naming it gets 304", async () => {
    const { url } = await start();
    const first = await fetch(url("/page"));
    const second = await fetch(url("/page"));
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(await first.text()).not.toBe(await second.text());
    const etag = first.headers.get("etag");
    expect(etag).toBe(etagOf(page));
    expect(second.headers.get("etag")).toBe(etag);

    for (const ifNoneMatch of [etag!, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await fetch(url("/page"), { headers: { "If-None-Match": ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      // The client keeps the body it has, and the policy that came with it (its nonce).
      expect(again.headers.get("content-security-policy")).toBeNull();
      expect(again.headers.get(NONCE_HEADER)).toBeNull();
      expect(again.headers.get("content-type")).toBeNull();
      expect(again.headers.get("x-request-id")).toBeTruthy();
    }
    const other = await fetch(url("/page"), { headers: { "If-None-Match": etagOf(`${page} `) } });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(page.replaceAll(P, nonceOf(other)));
  });

  it("streamed, failed or not HTML carry no ETag of ours, and If-None-Match changes nothing for them", async () => {
    const { url } = await start();
    for (const path of ["/stream", "/fail", "/echo"]) {
      const response = await fetch(url(path), { headers: { "If-None-Match": "*" } });
      expect(response.status, path).toBe(path === "/fail" ? 500 : 200);
      expect(response.headers.get("etag"), path).toBeNull();
      if (path === "/echo") expect(response.headers.get(NONCE_HEADER), "not HTML: no nonce for a proxy to swap").toBeNull();
      expect((await response.text()).length, path).toBeGreaterThan(0);
    }
  });

  it("streamed with a flushed head send that head with the first chunk in one write, and the rest after", async () => {
    const { url } = await start();
    socketWrites.length = 0;
    const response = await fetch(url("/flushed"));
    expect(await response.json()).toEqual({ first: "later" });
    expect(socketWrites[0]).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n[0-9a-f]+\r\n\{"first":\r\n$/);
    expect(socketWrites.slice(1).join("")).toContain('"later"}');
  });

  it("send HSTS only when the public origin is https", async () => {
    const plain = await start();
    expect((await fetch(plain.url("/page"))).headers.get("strict-transport-security")).toBeNull();
    const secure = await start({ security: { isDev: false, isHttps: true } });
    const response = await fetch(secure.url("/page"));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("pages every reader shares", () => {
  const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("go out the same to everyone: rendered inline scripts named by hash, our own script files, no nonce, no placeholder", async () => {
    const { url } = await start();
    const [first, second] = [await fetch(url("/shared")), await fetch(url("/shared"))];
    const body = await first.text();
    expect(await second.text()).toBe(body);
    expect(body).toBe(sharedPage.replaceAll(P, SHARED_PAGE_NONCE));
    expect(Number(first.headers.get("content-length"))).toBe(Buffer.byteLength(body));
    const policy = first.headers.get("content-security-policy")!;
    expect(second.headers.get("content-security-policy")).toBe(policy);
    expect(policy).toContain(`script-src 'self' ${hashOf(payload.replaceAll(P, SHARED_PAGE_NONCE))};`);
    expect(policy).not.toContain("nonce-");
    expect(first.headers.get(NONCE_HEADER)).toBeNull();
    expect(policy).not.toContain(hashOf('alert("injected")'));
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) expect(policy).toContain(directive);
    expect(policy).not.toContain("unsafe-eval");
    // The tag is of the page as rendered, and a request naming it still gets 304.
    expect(first.headers.get("etag")).toBe(etagOf(sharedPage));
    expect((await fetch(url("/shared"), { headers: { "If-None-Match": first.headers.get("etag")! } })).status).toBe(304);
  });

  it("change with their text: a page re-rendered between hits gets its own body, tag and policy", async () => {
    const { url } = await start();
    const seen = new Map<string, string>();
    for (const v of ["1", "2", "1", "2"]) {
      const response = await fetch(url(`/versions?v=${v}`));
      const rendered = sharedPage.replace("injected", `version ${v}`);
      expect(await response.text(), v).toBe(rendered.replaceAll(P, SHARED_PAGE_NONCE));
      expect(response.headers.get("etag"), v).toBe(etagOf(rendered));
      expect(response.headers.get("content-security-policy"), v).toContain(hashOf(payload.replaceAll(P, SHARED_PAGE_NONCE)));
      if (seen.has(v)) expect(response.headers.get("etag")).toBe(seen.get(v));
      seen.set(v, response.headers.get("etag")!);
    }
    expect(seen.get("1")).not.toBe(seen.get("2"));
  });

  it("are only public pages without a cookie: a private one or one setting a cookie keeps a fresh nonce", async () => {
    const { url } = await start();
    for (const path of ["/shared-private", "/shared-cookie", "/page"]) {
      const response = await fetch(url(path));
      const nonce = nonceOf(response);
      expect(response.headers.get("content-security-policy"), path).toContain(`script-src 'nonce-${nonce}' 'strict-dynamic'`);
      expect(response.headers.get(NONCE_HEADER), path).toBe(nonce);
      expect(await response.text(), path).not.toContain(SHARED_PAGE_NONCE);
    }
  });
});

describe("request headers Next can trust", () => {
  it("overwrite the peer address, the nonce source and the request id a client sends", async () => {
    const { url } = await start();
    const response = await fetch(url("/echo"), {
      headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "content-security-policy": "script-src 'nonce-chosen'", "x-request-id": "client-chosen-id" },
    });
    const seen = (await response.json()) as { peer: string; csp: string; id: string };
    expect(seen.peer).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen.csp).toBe(`script-src 'nonce-${P}'`);
    expect(seen.id).not.toBe("client-chosen-id");
    expect(response.headers.get("x-request-id")).toBe(seen.id);
  });

  it("keep the proxy's request id when TRUST_PROXY is on", async () => {
    const { url } = await start({ trustProxy: true });
    const response = await fetch(url("/echo"), { headers: { "x-request-id": "0123456789abcdef0123456789abcdef" } });
    expect(response.headers.get("x-request-id")).toBe("0123456789abcdef0123456789abcdef");
  });
});

describe("failures", () => {
  it("answer 503 with Retry-After when the database is away, and stay 500 when it is not", async () => {
    let available = false;
    const { url } = await start({ isDatabaseAvailable: async () => available });
    const down = await fetch(url("/fail"));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(await down.text()).toBe("<p>Something went wrong</p>");
    available = true;
    expect((await fetch(url("/fail"))).status).toBe(500);
  });

  it("never show a client what was thrown", async () => {
    const { url } = await start();
    const response = await fetch(url("/throw"));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(/secret detail|\.ts:|at /);
  });
});

describe("headers", () => {
  it("carry each value once: a cached redirect's Location is one address, and distinct values all stay", async () => {
    const { url } = await start();
    const response = await fetch(url("/cached-redirect"), { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/people/kept");
    expect(response.headers.get("x-nextjs-stale-time")).toBe("300");
    expect(response.headers.get("link")).toBe("</a.css>; rel=preload, </b.css>; rel=preload");
  });
});

describe("addresses", () => {
  it("refuse a path that is not UTF-8 text with 400 before the app sees it, and pass a well-formed one", async () => {
    const seen: string[] = [];
    const { url } = await start({ handle: (req, res) => (seen.push(req.url ?? ""), handle(req, res)) });
    for (const bad of ["/events/%ED%A0%80", "/events/%C0%AF", "/events/%zz", "/%"]) {
      const response = await fetch(url(bad));
      expect(response.status, bad).toBe(400);
      expect(await response.text()).toMatch(/not UTF-8/);
    }
    expect(seen).toEqual([]);
    const good = await fetch(url("/echo?q=%ED%A0%80"));
    expect(good.status).toBe(200);
    expect((await fetch(url("/events/caf%C3%A9"))).status).toBe(404);
    expect(seen).toEqual(["/echo?q=%ED%A0%80", "/events/caf%C3%A9"]);
  });
});

describe("sockets", () => {
  it("refuse an upgrade at once and close", async () => {
    const { port } = await start();
    const socket = net.connect(port, "127.0.0.1");
    const received = closed(socket);
    socket.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    expect(await received).toMatch(/^HTTP\/1\.1 400 /);
  });

  it("close a request whose body never finishes arriving", async () => {
    const { port } = await start({ requestTimeoutMs: 1_000 });
    const socket = net.connect(port, "127.0.0.1");
    const received = closed(socket);
    socket.write("POST /body HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 1048576\r\n\r\n0123456789");
    expect(await received).toMatch(/^HTTP\/1\.1 408 |^$/);
  });

  it("keep an idle kept-alive connection as long as the request timeout, past Node's 5 s", async () => {
    // Clients that ignore the Keep-Alive hint (Playwright's request context) reuse idle
    // sockets; a server that closed them at 5 s reset the next request.
    const { port } = await start({ requestTimeoutMs: 8_000 });
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (d: Buffer) => (received += d.toString()));
    const responses = (n: number) => new Promise<void>((resolve) => {
      const check = () => ((received.match(/HTTP\/1\.1 200 /g) ?? []).length >= n ? resolve() : setTimeout(check, 20));
      check();
    });
    socket.write("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    await responses(1);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(socket.destroyed).toBe(false);
    socket.write("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    await responses(2);
    socket.destroy();
  }, 15_000);

  it("close a connection that never sends anything", async () => {
    const { port } = await start({ requestTimeoutMs: 1_000 });
    const socket = net.connect(port, "127.0.0.1");
    await closed(socket);
  });
});

describe("metrics", () => {
  it("answer 404 without a METRICS_TOKEN, 401 without the right one", async () => {
    const off = await start();
    expect((await fetch(off.url("/metrics"))).status).toBe(404);
    const on = await start({ metrics: { token: "0123456789abcdef", collect: async () => "chancery_up 1\n" } });
    expect((await fetch(on.url("/metrics"))).status).toBe(401);
    expect((await fetch(on.url("/metrics"), { headers: { Authorization: "Bearer 0123456789abcdeX" } })).status).toBe(401);
    const ok = await fetch(on.url("/metrics"), { headers: { Authorization: "Bearer 0123456789abcdef" } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("chancery_up 1\n");
  });
});

describe("close", () => {
  it("lets a request in flight finish, and takes no new connection", async () => {
    const { web, port, url } = await start();
    const socket = net.connect(port, "127.0.0.1");
    const received = closed(socket);
    await new Promise<void>((resolve) => {
      socket.write("POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
      socket.once("data", () => resolve()); // 100 Continue: the request is in the server's hands
    });
    const closing = web.close(10_000);
    await expect(fetch(url("/page"))).rejects.toThrow();
    socket.write("0123456789");
    expect(await received).toMatch(/HTTP\/1\.1 200 OK[\s\S]*read 10$/);
    expect(await closing).toBe("drained");
  });
});

describe("a private request (the start-up warm-up)", () => {
  it("goes through the whole server on a port of its own and leaves nothing listening", async () => {
    const seen: string[] = [];
    const web = webServer({
      handle: async (req, res) => {
        seen.push(`${req.url} ${String(req.headers["content-security-policy"]).includes(P)}`);
        await handle(req, res);
      },
    });
    expect(await web.requestPrivately("/page", 5_000)).toBe(200);
    expect(await web.requestPrivately("/nothing", 5_000)).toBe(404);
    // The listener's own work happened (the nonce source it sets for Next), and the public server never listened.
    expect(seen).toEqual(["/page true", "/nothing true"]);
    expect(web.server.listening).toBe(false);
    await expect(web.requestPrivately("/throw", 5_000)).resolves.toBe(500);
  });
});

describe("requests in hand", () => {
  it("are at most MAX_CONCURRENT_REQUESTS: the next is answered 503 at once, and a place frees when a handler is done, not when its client leaves", async () => {
    const waiting: Array<() => void> = [];
    const { url } = await start({
      maxConcurrentRequests: 2,
      handle: async (req, res) => {
        if (req.url === "/slow") {
          await new Promise<void>((resolve) => waiting.push(resolve));
          req.url = "/page";
        }
        await handle(req, res);
      },
    });
    const first = new AbortController();
    const firstAnswer = fetch(url("/slow"), { signal: first.signal }).catch(() => "gone");
    const second = fetch(url("/slow"));
    await expect.poll(() => waiting.length).toBe(2);

    const refused = await fetch(url("/page"));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.text()).toMatch(/busy/);

    // The first reader gives up; its render still runs, so its place is still taken.
    first.abort();
    expect(await firstAnswer).toBe("gone");
    expect((await fetch(url("/page"))).status).toBe(503);

    // Its handler finishes: the place is free again.
    waiting.shift()!();
    await expect.poll(async () => (await fetch(url("/page"))).status).toBe(200);
    waiting.shift()!();
    expect((await second).status).toBe(200);
    expect((await fetch(url("/page"))).status).toBe(200);
  });
});
