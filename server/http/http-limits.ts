/**
 * What keeps one client from taking a standalone instance down: header, request and keep-alive
 * timeouts (a body dribbled byte by byte is cut off), and a cap on the connections one address
 * may hold open at once (so a thousand of them cannot use up the open-file limit). The cap never
 * counts a proxy: behind nginx every client arrives from the proxy's address, so 64 visitors at
 * once would lock out the 65th. Connections from TRUST_PROXY's addresses are not capped, and with
 * TRUST_PROXY as a hop count (every connection comes through a proxy) there is no cap at all: the
 * proxy in front holds its clients' connections (and the rate limit counts the forwarded address).
 */
import { BlockList, isIP, type Server, type Socket } from 'node:net';
import type { HttpLimits } from '../config.ts';

/** Fastify's server options for the limits. */
export function serverTimeouts(limits: HttpLimits) {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: 5_000,
    // An idle socket (no bytes at all) is closed after this.
    connectionTimeout: limits.requestTimeoutMs + 5_000,
    http: {
      headersTimeout: Math.min(10_000, limits.requestTimeoutMs),
      // How often Node checks the header and request timeouts (default 30 s).
      connectionsCheckingInterval: 1_000,
    },
  };
}

/** The addresses (and networks) of TRUST_PROXY, or null for a hop count or no proxy. */
function proxyList(trustProxy: false | number | string[]): BlockList | null {
  if (!Array.isArray(trustProxy)) return null;
  const list = new BlockList();
  for (const entry of trustProxy) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function isListed(list: BlockList | null, address: string): boolean {
  if (list === null) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  const family = isIP(v4);
  return family !== 0 && list.check(v4, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Closes a new connection at once when its address already holds `max` open ones; see above for
 * the proxies. Returns whether a cap is in force.
 */
export function capConnectionsPerAddress(server: Server, max: number, trustProxy: false | number | string[]): boolean {
  const open = new Map<string, number>();
  if (max <= 0 || typeof trustProxy === 'number') return false;
  const exempt = proxyList(trustProxy);
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (isListed(exempt, address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
  return true;
}
