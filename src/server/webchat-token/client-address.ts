import type { IncomingMessage } from 'node:http';
import { isIP, isIPv6 } from 'node:net';

const MAX_FORWARDED_FOR_LENGTH = 2048;

/** "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443" or "2001:db8::1" to the bare address; undefined if none. */
function bareAddress(entry: string): string | undefined {
  let value = entry.trim();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.indexOf(':'));
  return isIP(value) ? value : undefined;
}

/** The first four groups of an IPv6 address: one customer's network is one /64, however many addresses it uses. */
function ipv6Prefix64(address: string): string {
  const [head, tail = ''] = address.toLowerCase().split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = address.includes('::') ? [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

function rateKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  return isIPv6(address) ? ipv6Prefix64(address) : address;
}

/**
 * Whom to count a request against: the socket's peer, or behind one trusted proxy the last address in
 * X-Forwarded-For (the one that proxy appended; earlier entries are the client's own word).
 */
export function clientRateKey(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.length <= MAX_FORWARDED_FOR_LENGTH) {
    const last = bareAddress(forwarded.slice(forwarded.lastIndexOf(',') + 1));
    if (last) return rateKey(last);
  }
  return rateKey(req.socket.remoteAddress ?? 'unknown');
}
