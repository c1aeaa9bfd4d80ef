/**
 * TRUST_PROXY parsed into the set of proxies whose forwarding headers are
 * believed (Node: address ranges through node:net's BlockList).
 */
import { BlockList, isIP } from 'node:net';
import { plainAddress, type TrustedProxies } from './client-address.js';

/** Named address ranges accepted in TRUST_PROXY besides addresses and CIDRs. */
const RANGES: Record<string, Array<[string, number]>> = {
  loopback: [['127.0.0.0', 8], ['::1', 128]],
  private: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['fc00::', 7]],
};

/**
 * TRUST_PROXY="loopback" | "private" | addresses and CIDRs, comma-separated (e.g. "127.0.0.1,10.0.0.0/8").
 * Empty, "false", "off" or "0": no proxy is trusted. Throws on an entry it cannot read.
 */
export function parseTrustProxy(value: string | undefined): TrustedProxies | undefined {
  const entries = (value ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (!entries.length || (entries.length === 1 && ['false', 'off', '0', 'no'].includes(entries[0]!))) return undefined;
  const list = new BlockList();
  const add = (address: string, prefix?: number) => {
    const family = isIP(address);
    if (!family) throw new Error(`TRUST_PROXY: "${address}" is not an IP address, CIDR, "loopback" or "private"`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  };
  for (const entry of entries) {
    if (RANGES[entry]) for (const [address, prefix] of RANGES[entry]) add(address, prefix);
    else if (entry.includes('/')) {
      const [address, prefix] = entry.split('/');
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (isIP(address!) === 6 ? 128 : 32)) throw new Error(`TRUST_PROXY: bad prefix in "${entry}"`);
      add(address!, bits);
    } else add(plainAddress(entry));
  }
  return {
    has(address) {
      const plain = plainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}
