import { isIPv4 } from 'node:net';

/**
 * True for hosts that never leave this machine: localhost, 127.0.0.0/8 and [::1]. The WHATWG URL parser has
 * already normalised the host (2130706433, 0x7f.1 and 127.1 all read as 127.0.0.x), so only its forms remain.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}

/** An http(s) URL whose host is loopback; anything unparsable is not. */
export function isLoopbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return isLoopbackHostname(url.hostname);
}
