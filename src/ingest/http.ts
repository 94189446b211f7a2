import { decodeBody } from './charset.js';
import { processHostLimiter, type HostLimiter } from './host-limiter.js';
import { requestOnce, type HopResult } from './http-request.js';
import { FetchError } from './ingest.errors.js';
import { checkUrl, hostKey, type FetchGuard } from './ssrf.js';

export { FetchError } from './ingest.errors.js';

export type HttpResponse =
  | { notModified: true; url: string }
  | { notModified: false; url: string; body: string; contentType: string; etag: string | null; lastModified: string | null };

export type HttpOptions = FetchGuard & {
  etag?: string | null;
  lastModified?: string | null;
  /** Deadline for the whole exchange (all redirect hops, body included). */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  accept?: string;
  limiter?: HostLimiter;
  /** Pause between two requests to the same host. */
  hostDelayMs?: number;
};

export const httpDefaults = {
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'praxiswarn/0.1 (Sicherheitshinweise für Arztpraxen; +https://github.com/praxiswarn)',
  accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/html;q=0.9, application/json;q=0.9, */*;q=0.5',
  hostDelayMs: 0,
};

/**
 * GET through the SSRF guard: every hop's URL and resolved address is checked, redirects are followed by hand
 * (hop limit, loop detection), one request at a time per host, conditional headers sent and 304 reported,
 * 429/503 turned into a FetchError that carries the server's Retry-After.
 */
export async function httpGet(url: string, options: HttpOptions = {}): Promise<HttpResponse> {
  const opts = { ...httpDefaults, ...options };
  const limiter = opts.limiter ?? processHostLimiter;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchError('scheme', `Keine gültige Adresse: ${url.slice(0, 200)}`);
  }
  const visited = new Set<string>();
  let deadline: number | undefined;
  for (let hop = 0; ; hop++) {
    checkUrl(current, opts);
    if (visited.has(current.href)) throw new FetchError('redirects', `Weiterleitungsschleife bei ${current.host}.`);
    visited.add(current.href);
    const host = hostKey(current);
    const pausedUntil = await limiter.pausedUntil(host);
    if (pausedUntil) {
      const seconds = Math.ceil((pausedUntil - Date.now()) / 1000);
      throw new FetchError('rate_limited', `Der Server ${current.host} hat um eine Pause gebeten (noch ${seconds} s).`, 429, seconds);
    }
    const target = current;
    const result: HopResult = await limiter.run(
      host,
      () => {
        deadline ??= Date.now() + opts.timeoutMs;
        return requestOnce(target, { headers: headersFor(opts), guard: opts, deadline, connectTimeoutMs: opts.connectTimeoutMs, maxBytes: opts.maxBytes });
      },
      { gapMs: opts.hostDelayMs },
    );
    const { status, headers } = result;
    if (status >= 300 && status < 400 && status !== 304) {
      const location = headers.location;
      if (!location) throw new FetchError('http_status', `Weiterleitung ohne Ziel von ${current.host}.`, status);
      if (hop >= opts.maxRedirects) throw new FetchError('redirects', `Mehr als ${opts.maxRedirects} Weiterleitungen ab ${new URL(url).host}.`);
      try {
        current = new URL(location, current);
      } catch {
        throw new FetchError('redirects', `Weiterleitung von ${current.host} auf eine ungültige Adresse.`, status);
      }
      continue;
    }
    if (status === 304) return { notModified: true, url: current.href };
    if (status === 429 || status === 503) {
      const seconds = parseRetryAfter(headers['retry-after']);
      if (seconds !== undefined) await limiter.pause(host, Date.now() + seconds * 1000);
      const wait = seconds !== undefined ? ` und bittet, frühestens in ${formatWait(seconds)} wieder anzufragen` : '';
      throw new FetchError(status === 429 ? 'rate_limited' : 'http_status', `Der Server ${current.host} antwortete mit HTTP ${status}${wait}.`, status, seconds);
    }
    if (status < 200 || status >= 300) {
      throw new FetchError('http_status', `Der Server ${current.host} antwortete mit HTTP ${status}.`, status);
    }
    const contentType = String(headers['content-type'] ?? '');
    return {
      notModified: false,
      url: current.href,
      body: decodeBody(result.body ?? Buffer.alloc(0), contentType),
      contentType,
      etag: typeof headers.etag === 'string' ? headers.etag : null,
      lastModified: typeof headers['last-modified'] === 'string' ? headers['last-modified'] : null,
    };
  }
}

function headersFor(opts: typeof httpDefaults & HttpOptions): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: opts.accept, 'accept-encoding': 'gzip, deflate, br' };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  return headers;
}

const maxRetryAfterSeconds = 7 * 24 * 3600;

/** Retry-After as delay seconds or an HTTP date; capped at a week so a typo cannot silence a source for years. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  let seconds: number;
  if (/^\d+$/.test(text)) seconds = Number(text);
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    seconds = Math.ceil((date - now) / 1000);
  }
  return Math.min(Math.max(seconds, 0), maxRetryAfterSeconds);
}

function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} Sekunden`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} Minuten`;
  return `${Math.round(seconds / 3600)} Stunden`;
}
