import http from "node:http";

/**
 * The header that carries the TCP peer's address to route handlers.
 *
 * Why: `next start` fills `x-forwarded-for` from the socket only when the client did
 * not send one (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in Next's
 * base-server), so without a proxy of our own that header is whatever the client
 * chose. Route handlers and next-auth's `authorize` never see the socket. We stamp
 * the socket address on every request under a name of our own, overwriting anything
 * a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-chancery-peer";

let installed = false;

/** Called once when the Node.js server starts (instrumentation). */
export function installPeerAddressStamp(): void {
  if (installed) return;
  installed = true;
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const address = request.socket?.remoteAddress;
      if (address) request.headers[PEER_ADDRESS_HEADER] = address;
      else delete request.headers[PEER_ADDRESS_HEADER];
    }
    return (originalEmit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof originalEmit;
}
