import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = {
  file?: string;
  body?: string;
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  /** Full control for servers that misbehave on purpose (trickle, bombs, loops); `base` is the server's address. */
  handle?: (req: IncomingMessage, res: ServerResponse, base: string) => void;
};

const fixtures = new URL('../fixtures/', import.meta.url);

/** The publishers' sites as the tests see them: recorded-shape pages under test/fixtures, on a real HTTP server. */
export const sitePages: Record<string, Route> = {
  '/dgn/unternehmen/category/news/': { file: 'sites/dgn/news.html' },
  '/dgn/unternehmen/datenleck-in-digitalisierungsboxen-der-telekom-hinweise-fuer-nutzer/': { file: 'sites/dgn/datenleck-digitalisierungsbox.html' },
  '/dgn/unternehmen/dgn-auf-der-medica-2019/': { file: 'sites/dgn/medica-2019.html' },
  '/dgn/unternehmen/neue-preise-fuer-kv-safenet-zugaenge/': { file: 'sites/dgn/preise-kv-safenet.html' },
  // '/dgn/unternehmen/wartungsarbeiten-am-dgn-portal/' is missing on purpose: an article that answers 404 is skipped and retried later.
  '/medatixx/thema/detail/cyberangriff-auf-medatixx/': { file: 'sites/medatixx/cyberangriff.html' },
  '/feeds/praxis-it.xml': { file: 'feeds/praxis-it.rss.xml', contentType: 'application/rss+xml; charset=utf-8' },
};

/**
 * The shipped sources (config/sources.json) as the tests see them: each publisher's origin becomes a path prefix
 * on the fixture server (https://www.kbv.de/x → /kbv/x), so a config entry is tested as it ships.
 */
export const publisherPrefixes: Record<string, string> = {
  'https://www.telekom.de': '/telekom',
  'https://www.medatixx.de': '/medatixx',
  'https://www.dgn.de': '/dgn',
  'https://www.kbv.de': '/kbv',
  'https://www.gematik.de': '/gematik',
  'https://www.heise.de': '/heise',
  'https://www.aerzteblatt.de': '/aerzteblatt',
  'https://wid.cert-bund.de': '/wid',
};

const kbvNews = '/kbv/praxis/tools-und-services/praxisnachrichten';
const csaf = '/wid/.well-known/csaf';
const json = 'application/json';

/** BSI CERT-Bund WID as a CSAF trusted provider: metadata, the TLP:WHITE ROLIE feed, changes.csv and three documents. */
export const csafPages: Record<string, Route> = {
  [`${csaf}/provider-metadata.json`]: { file: 'csaf/provider-metadata.json', contentType: json },
  [`${csaf}/white/bsi-wid-white.json`]: { file: 'csaf/white/bsi-wid-white.json', contentType: json },
  [`${csaf}/white/changes.csv`]: { file: 'csaf/white/changes.csv', contentType: 'text/csv' },
  ...Object.fromEntries(
    ['wid-sec-w-2026-2871', 'wid-sec-w-2026-2940', 'wid-sec-w-2026-2977'].map((name) => [
      `${csaf}/white/2026/${name}.json`,
      { file: `csaf/white/2026/${name}.json`, contentType: json },
    ]),
  ),
};

export const publisherPages: Record<string, Route> = {
  ...sitePages,
  '/telekom/hilfe/geraete-zubehoer/router/digitalisierungsbox/sicherheitshinweise': { file: 'sites/telekom/digitalisierungsbox-sicherheitshinweise.html' },
  '/medatixx/aktuelles/': { file: 'sites/medatixx/aktuelles.html' },
  '/medatixx/thema/detail/quartalsupdate-1-2022/': { file: 'sites/medatixx/quartalsupdate.html' },
  [`${kbvNews}/`]: { file: 'sites/kbv/praxisnachrichten.html' },
  [`${kbvNews}/2021/12-16/log4j-update-fuer-pruefmodule/`]: { file: 'sites/kbv/log4j-pruefmodule.html' },
  [`${kbvNews}/2025/09-25/it-sicherheitsrichtlinie-neue-anforderungen-ab-oktober/`]: { file: 'sites/kbv/it-sicherheitsrichtlinie.html' },
  '/gematik/newsroom': { file: 'sites/gematik/newsroom.html' },
  '/gematik/newsroom/news-detail/konnektoren-und-kartenterminals-mit-nicht-mehr-zugelassener-software': { file: 'sites/gematik/nicht-zugelassene-software.html' },
  '/gematik/newsroom/news-detail/ti-messenger-in-der-praxis': { file: 'sites/gematik/ti-messenger.html' },
  '/heise/security/rss/news-atom.xml': { file: 'feeds/heise-security.atom.xml', contentType: 'application/atom+xml' },
  // No charset in the header: the client must find ISO-8859-1 in the XML declaration.
  '/aerzteblatt/rss/news.asp': { file: 'feeds/aerzteblatt-news.rss.xml', contentType: 'application/rss+xml' },
  ...csafPages,
};

/** A publisher URL from config/sources.json, pointed at the fixture server. */
export function onFixtureServer(url: string, base: string): string {
  const origin = new URL(url).origin;
  const prefix = publisherPrefixes[origin];
  if (prefix === undefined) throw new Error(`no fixture prefix for ${origin}`);
  return base + prefix + url.slice(origin.length);
}

export type FixtureServer = {
  url: string;
  /** Requests per path, to prove a second run really fetched again. */
  hits: Map<string, number>;
  /** The request headers of the last request per path (User-Agent, conditional headers). */
  lastHeaders: Map<string, IncomingHttpHeaders>;
  setRoute(path: string, route: Route): void;
  close(): Promise<void>;
};

/** Serves routes on 127.0.0.1 at a free port; `{{BASE_URL}}` in a file becomes the server's own address. */
export async function startFixtureServer(routes: Record<string, Route> = sitePages): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const lastHeaders = new Map<string, IncomingHttpHeaders>();
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    lastHeaders.set(path, req.headers);
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.handle) return route.handle(req, res, base);
    // Files are served byte for byte (some imitate ISO-8859-1 feeds); latin1 maps bytes 1:1, so the ASCII
    // placeholder can be replaced without touching the encoding.
    const body =
      route.body !== undefined
        ? Buffer.from(route.body.replaceAll('{{BASE_URL}}', base))
        : Buffer.from(readFileSync(new URL(route.file!, fixtures)).toString('latin1').replaceAll('{{BASE_URL}}', base), 'latin1');
    res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'text/html; charset=utf-8', ...route.headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits,
    lastHeaders,
    setRoute: (path, route) => void table.set(path, route),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // a trickling response must not keep the test process alive
        server.close(() => resolve());
      }),
  };
}
