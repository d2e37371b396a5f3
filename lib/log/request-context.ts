import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line of a request carries. */
export interface RequestContext {
  requestId: string;
}

// The custom server (plain Node) and the Next.js bundle load this module separately;
// one store on globalThis lets a line logged inside a render find its request.
const KEY = Symbol.for("chancery.requestContext");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;

export const requestContext: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
