import { getEnv } from "@/lib/env";

type HeaderBag = Record<string, string | string[] | undefined> | Headers;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address. X-Forwarded-For is trusted only when TRUST_PROXY is on
 * (a proxy we run sets it); otherwise anyone could claim any address.
 */
export function clientAddress(headers: HeaderBag): string | null {
  if (getEnv().TRUST_PROXY) {
    const forwarded = header(headers, "x-forwarded-for");
    // The right-most entry is the one our own proxy appended.
    const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 64);
  }
  return null;
}
