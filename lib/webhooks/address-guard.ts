import dns from "node:dns";
import net from "node:net";

/**
 * Where a webhook may not go unless an admin allows it on the endpoint: loopback,
 * link-local (cloud metadata at 169.254.169.254), private, shared and reserved
 * ranges, in IPv4 and IPv6 (and IPv4 written inside IPv6).
 */
const blocked = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIPv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, "ipv4");
  if (family === 6) {
    const inner = embeddedIPv4(address);
    if (inner) return isPublicAddress(inner);
    return !blocked.check(address, "ipv6");
  }
  return false;
}

export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the host and refuses any private
 * address. The check runs on the addresses the socket will actually connect to,
 * so a name that resolves differently a second time (DNS rebinding) cannot slip by.
 */
export function guardedLookup(allowPrivateNetwork: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as dns.LookupAddress[];
      const refused = list.filter((a) => !allowPrivateNetwork && !isPublicAddress(a.address));
      if (refused.length > 0 || list.length === 0) {
        return callback(new BlockedAddressError(`${hostname} resolves to a private or reserved address (${refused.map((a) => a.address).join(", ") || "none"}); deliveries there are not allowed.`), []);
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** For registration: the addresses a URL's host resolves to, refused if any is private. */
export async function assertDeliverableHost(url: URL, allowPrivateNetwork: boolean): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = net.isIP(host) ? [{ address: host }] : await dns.promises.lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) throw new BlockedAddressError(`${url.hostname} does not resolve.`);
  if (allowPrivateNetwork) return;
  const refused = addresses.filter((a) => !isPublicAddress(a.address));
  if (refused.length > 0) throw new BlockedAddressError(`${url.hostname} is a private or reserved address (${refused.map((a) => a.address).join(", ")}).`);
}
