/**
 * Which client a request counts for in the per-client limits (form rate limit, login lockout): an
 * IPv4 address as it is, an IPv6 address by its /64 network. One IPv6 client (a home line, a
 * server) is usually given a whole /64 and can pick a fresh address from it for every request.
 * An IPv4 address written as IPv6 (::ffff:192.0.2.1) counts as the IPv4 address.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The eight groups of an IPv6 address, as numbers (with an embedded IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4 !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
    text = `${text.slice(0, -v4.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The key of a client address: IPv4 as it is, IPv6 as its /64 ("2001:db8:1:2::/64"). */
export function clientKey(address: string): string {
  const bare = address.split('%')[0] ?? '';
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  // ::ffff:a.b.c.d, an IPv4 client on a dual-stack socket
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}
