/** Why a fetch failed, with a German sentence for the admin and a stable code for logs and retries. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly code: 'timeout' | 'too_large' | 'http_status' | 'network' | 'redirects' | 'scheme',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
  /** 4xx other than 408/429 will not get better by retrying soon. */
  get permanent(): boolean {
    return this.code === 'scheme' || (this.code === 'http_status' && this.status !== undefined && this.status < 500 && this.status !== 408 && this.status !== 429);
  }
}

export type HttpResponse =
  | { notModified: true; url: string }
  | { notModified: false; url: string; body: string; contentType: string; etag: string | null; lastModified: string | null };

export type HttpOptions = {
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
};

const defaults = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'praxiswarn/0.1 (Sicherheitshinweise fuer Arztpraxen)',
};

/** GET with a hard timeout over the whole exchange, a body size cap, conditional headers and redirects followed one by one. */
export async function httpGet(url: string, options: HttpOptions = {}): Promise<HttpResponse> {
  const opts = { ...defaults, ...options };
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = new URL(url);
  for (let hop = 0; hop <= opts.maxRedirects; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new FetchError('scheme', `Nur http- und https-Adressen sind erlaubt (${current.protocol}).`);
    }
    const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: '*/*' };
    if (hop === 0 && opts.etag) headers['if-none-match'] = opts.etag;
    if (hop === 0 && opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    let response: Response;
    try {
      response = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (error) {
      throw toFetchError(error, current);
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new FetchError('http_status', `Weiterleitung ohne Ziel von ${current.host}.`, response.status);
      current = new URL(location, current);
      continue;
    }
    if (response.status === 304) return { notModified: true, url: current.href };
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchError('http_status', `Der Server ${current.host} antwortete mit HTTP ${response.status}.`, response.status);
    }
    const body = await readCapped(response, opts.maxBytes, current).catch((error: unknown) => {
      throw error instanceof FetchError ? error : toFetchError(error, current);
    });
    return {
      notModified: false,
      url: current.href,
      body,
      contentType: response.headers.get('content-type') ?? '',
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  }
  throw new FetchError('redirects', `Zu viele Weiterleitungen ab ${url}.`);
}

async function readCapped(response: Response, maxBytes: number, url: URL): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new FetchError('too_large', `Die Antwort von ${url.host} ist größer als ${Math.round(maxBytes / 1024)} KB.`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FetchError('too_large', `Die Antwort von ${url.host} ist größer als ${Math.round(maxBytes / 1024)} KB.`);
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function toFetchError(error: unknown, url: URL): FetchError {
  const e = error as Error & { cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new FetchError('timeout', `Zeitüberschreitung beim Abruf von ${url.host}.`);
  }
  const code = e.cause?.code ? ` (${e.cause.code})` : '';
  return new FetchError('network', `Der Server ${url.host} ist nicht erreichbar${code}.`);
}
