/**
 * Headers Chancery's own server (lib/server/http-server.ts) sets on every request
 * before Next.js sees it, overwriting anything a client sent under these names.
 */

/**
 * The TCP peer's address. Route handlers and next-auth's `authorize` never see the
 * socket, and Next keeps a client-supplied X-Forwarded-For, so this is the address a
 * client cannot choose (lib/auth/client-address.ts).
 */
export const PEER_ADDRESS_HEADER = "x-chancery-peer";

/** The request's id: in every log line of the request and in the X-Request-Id response header. */
export const REQUEST_ID_HEADER = "x-request-id";
