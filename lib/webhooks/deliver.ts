import http from "node:http";
import https from "node:https";
import net from "node:net";
import { BlockedAddressError, guardedLookup, isPublicAddress } from "./address-guard";
import { webhookHeaders } from "./signing";

export const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * One signed POST. Succeeds on 2xx only; a redirect is never followed (it could
 * point anywhere, a private address included) and counts as a failure, as do
 * timeouts (10 s for the whole exchange) and refused addresses.
 */
export function attemptDelivery(options: { url: string; id: string; body: string; secret: string; allowPrivateNetwork: boolean; now?: Date }): Promise<AttemptResult> {
  const target = new URL(options.url);
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
  if (!client) return Promise.resolve({ ok: false, status: null, error: "Only http and https URLs are allowed." });
  const headers = webhookHeaders({ id: options.id, body: options.body, secret: options.secret, now: options.now });
  // An address written as the host is never looked up, so it is checked here.
  const literal = target.hostname.replace(/^\[(.*)\]$/, "$1");
  if (net.isIP(literal) && !options.allowPrivateNetwork && !isPublicAddress(literal)) {
    return Promise.resolve({ ok: false, status: null, error: `${literal} is a private or reserved address; deliveries there are not allowed.` });
  }

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve(result);
    };
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(options.body) },
        lookup: guardedLookup(options.allowPrivateNetwork),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => {
          if (status >= 200 && status < 300) finish({ ok: true, status });
          else if (status >= 300 && status < 400) finish({ ok: false, status, error: `Redirected (${status}); redirects are not followed.` });
          else finish({ ok: false, status, error: `The receiver answered ${status}.` });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(() => finish({ ok: false, status: null, error: `No answer within ${DELIVERY_TIMEOUT_MS / 1000} seconds.` }), DELIVERY_TIMEOUT_MS);
    request.on("error", (error) => {
      finish({ ok: false, status: null, error: error instanceof BlockedAddressError ? error.message : `Could not connect (${(error as NodeJS.ErrnoException).code ?? error.message}).` });
    });
    request.end(options.body);
  });
}
