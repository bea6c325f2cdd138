import "server-only";
// Where Slack and webhook deliveries may go: http(s) on public internet addresses only. A URL naming loopback, a
// private network, link-local (cloud metadata at 169.254.169.254), or a name that resolves there would let anyone
// who can add an endpoint make the server call its own network. The address is checked when the endpoint is saved
// and again, freshly resolved, for every request, which then connects to exactly the address checked.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

/** Every address a host name resolves to. */
export type HostResolver = (hostname: string) => Promise<string[]>;

const systemResolver: HostResolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
let resolver: HostResolver = systemResolver;

/** Replaces how names are resolved (tests answer from a table, so no DNS query leaves the machine); null restores DNS. */
export function setHostResolver(next: HostResolver | null) {
  resolver = next ?? systemResolver;
}

/**
 * public: global unicast. private: loopback, RFC 1918, carrier-grade NAT, IPv6 unique-local — reachable only with
 * NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS. internal: everything else (unspecified 0.0.0.0/::, link-local, multicast,
 * broadcast, reserved, and IPv6 forms that embed an IPv4 address such as NAT64 or 6to4) — never.
 */
export type AddressClass = "public" | "private" | "internal";

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

export function classifyAddress(address: string): AddressClass {
  // process() reads ::ffff:127.0.0.1 as the IPv4 address it maps to.
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv4") {
    const range = (ip as ipaddr.IPv4).range();
    if (range === "unicast") return "public";
    return range === "loopback" || range === "private" || range === "carrierGradeNat" ? "private" : "internal";
  }
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  if (range === "unicast" && v6.match(GLOBAL_UNICAST_V6)) return "public";
  return range === "loopback" || range === "uniqueLocal" ? "private" : "internal";
}

/** An endpoint URL that may not be called; the message says why, without what the network answered. */
export class EndpointAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EndpointAddressError";
  }
}

export interface CheckedTarget {
  url: URL;
  /** The address the request must connect to: one that was checked. */
  address: string;
  family: 4 | 6;
}

/** Resolves the URL's host and checks every address it resolves to (one bad answer refuses the whole name). */
export async function checkEndpointUrl(raw: string): Promise<CheckedTarget> {
  if (!URL.canParse(raw)) throw new EndpointAddressError("Enter an http:// or https:// URL.");
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new EndpointAddressError("Enter an http:// or https:// URL.");
  // URL parsing has already turned 127.1, 2130706433 and 0x7f000001 into 127.0.0.1; IPv6 keeps its brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolver(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new EndpointAddressError(`The host name ${host} could not be resolved.`);
  }
  const allowPrivate = env().NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS;
  for (const address of addresses) {
    const kind = isIP(address) ? classifyAddress(address) : "internal";
    if (kind === "public" || (kind === "private" && allowPrivate)) continue;
    throw new EndpointAddressError(
      kind === "private"
        ? "This URL points into a private network (loopback or a private address range). Notifications go to public internet addresses only, unless the server's operator allows private networks."
        : "This URL points at a link-local, unspecified or otherwise internal address, which Starboard never sends to.",
    );
  }
  return { url, address: addresses[0], family: isIP(addresses[0]) === 6 ? 6 : 4 };
}
