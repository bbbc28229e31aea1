import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** An address a webhook may connect to, as resolved when it was checked. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

export type TargetCheck =
  | { ok: true; url: URL; addresses: CheckedAddress[] }
  | { ok: false; problem: string };

const rangeWords: Record<string, string> = {
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
};

/**
 * Whether an address is on the public internet: ipaddr.js's `unicast`, which every special range
 * (private, loopback, link-local, unique-local, CGNAT, multicast, unspecified, reserved, the
 * IPv6 forms that carry an IPv4 address) is not. An IPv4-mapped IPv6 address is judged as the
 * IPv4 address it maps, so ::ffff:10.0.0.1 is private.
 */
function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Checks where a webhook would send: https only, and every address its host resolves to public,
 * unless `allowPrivate` (WEBHOOK_ALLOW_PRIVATE_TARGETS), which also allows plain http. Run when a
 * hook is saved and again before each delivery, which then connects to the address checked here,
 * so a name that resolves elsewhere in between (DNS rebinding) cannot reach the server's network.
 */
export async function checkTarget(raw: string, allowPrivate: boolean): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'must be a URL' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return { ok: false, problem: 'must be an https:// URL' };
  if (url.username || url.password) return { ok: false, problem: 'must not hold a user name or password; the secret signs each delivery' };
  const host = bare(url.hostname);
  let addresses: CheckedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
    } catch {
      return { ok: false, problem: `names a host, ${host}, that could not be found` };
    }
    if (addresses.length === 0) return { ok: false, problem: `names a host, ${host}, that could not be found` };
  }
  if (!allowPrivate) {
    // Every address must be public: the connection could be made to any of them.
    for (const { address } of addresses) {
      const range = rangeOf(address);
      if (range !== 'unicast') {
        const words = rangeWords[range] ?? 'reserved';
        const which = host === address ? `${host} is` : `${host} resolves to ${address},`;
        return { ok: false, problem: `must reach a public address: ${which} a ${words} address` };
      }
    }
  }
  return { ok: true, url, addresses };
}
