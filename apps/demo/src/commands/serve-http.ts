/** HTTP details of `liujin serve`: which Host headers it answers, and cache validators (RFC 9110 §8.8, §13). */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

const hostPort = (host: string, port: number) => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  const name = isIP(h) === 6 ? `[${h}]` : h;
  // A client leaves out the default port (RFC 9110 §7.2).
  return port === 80 ? [`${name}:${port}`, name] : [`${name}:${port}`];
};

/**
 * The Host headers a request may carry: the bound address; for loopback also `localhost`,
 * 127.0.0.1 and [::1]; for a wildcard bind, this machine's addresses and host name. A name an
 * attacker's DNS points here (rebinding) is none of these.
 */
export function hostsFor(bound: string, port: number): Set<string> {
  const names = new Set<string>([bound]);
  if (isLoopback(bound)) for (const n of ['localhost', '127.0.0.1', '::1']) names.add(n);
  if (bound === '0.0.0.0' || bound === '::' || bound === '[::]') {
    names.add('localhost');
    names.add(hostname());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address.replace(/%.*$/, ''));
  }
  return new Set([...names].flatMap((n) => hostPort(n, port)));
}

export function cacheValidators(body: Uint8Array, modified: Date): Record<string, string> {
  return { etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`, 'last-modified': modified.toUTCString() };
}

/** A conditional GET the client's copy already answers: If-None-Match first, else If-Modified-Since. */
export function notModified(req: IncomingMessage, validators: Record<string, string>, modified: Date): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) {
    const tags = match.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(validators.etag!);
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && Math.floor(modified.getTime() / 1000) * 1000 <= time;
}
