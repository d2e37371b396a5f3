import "server-only";
import { parseEventListQuery } from "@/lib/api/list-query";
import { serializeEvent } from "@/lib/api/serializers";
import { listPublishedEvents } from "@/lib/events/public-list";
import type { Readiness } from "@/lib/db/readiness";

/**
 * Whether this process can still serve readers, beyond "the database answers":
 * a polluted Object.prototype or a broken module leaves the database reachable
 * while every page fails. So check the prototype, then do what a reader's request
 * does — parse a list query, read published events, serialise them — uncached.
 */
export async function checkServing(): Promise<Readiness> {
  const polluted = Reflect.ownKeys(Object.prototype)
    .map(String)
    .filter((name) => !STANDARD_PROTOTYPE_MEMBERS.has(name) || (name !== "__proto__" && typeof Object.getOwnPropertyDescriptor(Object.prototype, name)?.value !== "function"));
  if (polluted.length > 0) return { ready: false, reason: `Object.prototype was changed (${polluted.join(", ")}); restart this process.` };
  try {
    const page = await listPublishedEvents(parseEventListQuery(new URLSearchParams({ limit: "1" }), { strict: true }));
    JSON.stringify(page.items.map((item) => serializeEvent(item, "http://localhost")));
    return { ready: true };
  } catch (error) {
    console.error("[ready] a public read failed", error);
    return { ready: false, reason: "A public read failed; see the server log." };
  }
}

// What ECMAScript puts on Object.prototype (all functions, but the __proto__ accessor).
const STANDARD_PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set([
  "constructor",
  "__defineGetter__",
  "__defineSetter__",
  "hasOwnProperty",
  "__lookupGetter__",
  "__lookupSetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toString",
  "valueOf",
  "__proto__",
  "toLocaleString",
]);
