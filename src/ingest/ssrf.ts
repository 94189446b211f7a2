import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { FetchError } from './ingest.errors.js';
import { formatIPv4, parseIp } from './ip-address.js';

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

// [first address, prefix length, why it is refused]
const blockedV4: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspezifizierte Adresse'],
  ['10.0.0.0', 8, 'privates Netz (RFC 1918)'],
  ['100.64.0.0', 10, 'Carrier-Grade-NAT (RFC 6598)'],
  ['127.0.0.0', 8, 'Loopback-Adresse'],
  ['169.254.0.0', 16, 'Link-Local-Adresse'],
  ['172.16.0.0', 12, 'privates Netz (RFC 1918)'],
  ['192.0.0.0', 24, 'reserviertes Netz (IETF)'],
  ['192.0.2.0', 24, 'Dokumentationsnetz'],
  ['192.88.99.0', 24, 'reserviertes Netz (6to4-Relay)'],
  ['192.168.0.0', 16, 'privates Netz (RFC 1918)'],
  ['198.18.0.0', 15, 'Testnetz (RFC 2544)'],
  ['198.51.100.0', 24, 'Dokumentationsnetz'],
  ['203.0.113.0', 24, 'Dokumentationsnetz'],
  ['224.0.0.0', 4, 'Multicast-Adresse'],
  ['240.0.0.0', 4, 'reserviertes Netz'],
];

function inV4(value: number, first: string, prefix: number): boolean {
  const base = parseIp(first) as { value: number };
  const size = 2 ** (32 - prefix);
  return value >= base.value && value < base.value + size;
}

function classifyV4(value: number): AddressVerdict {
  const hit = blockedV4.find(([first, prefix]) => inV4(value, first, prefix));
  return hit ? { allowed: false, reason: hit[2] } : { allowed: true };
}

function classifyV6(g: number[]): AddressVerdict {
  const v4At = (i: number) => g[i]! * 65536 + g[i + 1]!;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return { allowed: false, reason: 'unspezifizierte Adresse' };
  if (zeroUpTo(7) && g[7] === 1) return { allowed: false, reason: 'Loopback-Adresse' };
  if (zeroUpTo(5) && g[5] === 0xffff) return { allowed: false, reason: `IPv4-gemappte IPv6-Adresse (${formatIPv4(v4At(6))})` };
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return { allowed: false, reason: 'IPv4-übersetzte IPv6-Adresse' };
  if (zeroUpTo(6)) return { allowed: false, reason: `IPv4-kompatible IPv6-Adresse (${formatIPv4(v4At(6))})` };
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return { allowed: false, reason: 'Unique-Local-Adresse (fc00::/7)' };
  if ((first & 0xffc0) === 0xfe80) return { allowed: false, reason: 'Link-Local-Adresse' };
  if ((first & 0xffc0) === 0xfec0) return { allowed: false, reason: 'Site-Local-Adresse' };
  if ((first & 0xff00) === 0xff00) return { allowed: false, reason: 'Multicast-Adresse' };
  if (first === 0x2001 && g[1] === 0x0db8) return { allowed: false, reason: 'Dokumentationsnetz' };
  if (first === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return { allowed: false, reason: 'Discard-Präfix' };
  // Prefixes that carry an IPv4 address inside: NAT64 and 6to4 reach whatever the embedded address reaches.
  if (first === 0x0064 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(v4At(6));
  if (first === 0x2002) return embedded(g[1]! * 65536 + g[2]!);
  return { allowed: true };
}

function embedded(v4: number): AddressVerdict {
  const inner = classifyV4(v4);
  return inner.allowed ? inner : { allowed: false, reason: `${inner.reason} in IPv6 eingebettet (${formatIPv4(v4)})` };
}

/**
 * Says whether an IP address may be fetched from: only public unicast addresses may. Accepts every spelling a
 * URL or resolver could produce (`127.1`, `0x7f.0.0.1`, `2130706433`, `[::ffff:7f00:1]`); null when `host` is a name.
 */
export function classifyAddress(host: string): AddressVerdict | null {
  const ip = parseIp(host);
  if (!ip) return null;
  return ip.family === 4 ? classifyV4(ip.value) : classifyV6(ip.groups);
}

/** `host:port` as FETCH_ALLOW_HOSTS lists it; the port is always written out. */
export function hostKey(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname.toLowerCase()}:${port}`;
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export type FetchGuard = {
  /** Exact `host:port` entries that may be fetched although their address is not public (tests, a local mirror). */
  allowHosts?: ReadonlySet<string>;
  /** DNS resolution; tests pass their own to make a name point at a forbidden address. */
  resolve?: Resolver;
};

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function refused(url: URL, address: string, reason: string): FetchError {
  return new FetchError(
    'blocked',
    `Die Adresse ${url.host} ist nicht erlaubt: ${reason} (${address}). Abgerufen werden nur öffentliche Server; Ausnahmen nur über FETCH_ALLOW_HOSTS.`,
  );
}

/** Refuses a URL before any connection: wrong scheme, credentials, or an IP literal that is not public. */
export function checkUrl(url: URL, guard: FetchGuard): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('scheme', `Nur http- und https-Adressen sind erlaubt (${url.protocol.replace(/:$/, '')}).`);
  }
  if (url.username || url.password) throw new FetchError('scheme', 'Adressen mit Zugangsdaten (user:pass@) sind nicht erlaubt.');
  if (guard.allowHosts?.has(hostKey(url))) return;
  const verdict = classifyAddress(url.hostname);
  if (verdict && !verdict.allowed) throw refused(url, url.hostname.replace(/^\[|\]$/g, ''), verdict.reason);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: resolves the name, refuses it if any of its addresses is not public, and hands
 * exactly the checked addresses to the socket, so the connection goes where the check said (no DNS rebinding).
 */
export function guardedLookup(url: URL, guard: FetchGuard) {
  const allowed = guard.allowHosts?.has(hostKey(url)) ?? false;
  const resolve = guard.resolve ?? systemResolver;
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
        if (!allowed) {
          for (const a of addresses) {
            const verdict = classifyAddress(a.address);
            if (!verdict || !verdict.allowed) return callback(refused(url, a.address, verdict?.reason ?? 'keine IP-Adresse') as NodeJS.ErrnoException, []);
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

/**
 * For the form where an admin adds a source: the same checks a fetch would make (scheme, credentials, every
 * address the name resolves to), without sending a request. Returns the German reason when refused.
 */
export async function checkSourceUrl(input: string, guard: FetchGuard): Promise<{ ok: true } | { ok: false; message: string }> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: 'Das ist keine gültige Adresse.' };
  }
  try {
    checkUrl(url, guard);
    if (classifyAddress(url.hostname) === null && !guard.allowHosts?.has(hostKey(url))) {
      await new Promise<void>((resolve, reject) =>
        guardedLookup(url, guard)(url.hostname, { all: true }, (error) => (error ? reject(error) : resolve())),
      );
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `Der Name ${url.hostname} lässt sich nicht auflösen${code ? ` (${code})` : ''}.` };
  }
}
