import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// The publishers of the sweep-real benchmark, at the scale praxiswarn meets: 500 RSS feeds on 150 hosts (127.0.0.2 …,
// all on one port), 20–50 items each, gzipped, 30–300 ms before each answer. Feeds with an even number send an ETag
// and answer 304 while unchanged; the others answer in full every time, as many publishers do. Every simulated hour
// one feed in ten leads with a new notice. They run in a process of their own, as remote servers would.

export const realScale = { sources: 500, hosts: 150, minItems: 20, maxItems: 50, minLatencyMs: 30, maxLatencyMs: 300, newsEvery: 10 };

export type RealFeeds = {
  port: number;
  addresses: string[];
  /** The URL of feed `i` (0 … 499), on host 127.0.0.(2 + i % 150). */
  url(i: number): string;
  /** Moves the feeds to simulated hour `hour`: from hour 1 on, one feed in ten has one more notice than the hour before. */
  setHour(hour: number): Promise<void>;
  /** Requests answered so far, and how many of them with 304. */
  counts(): Promise<{ requests: number; notModified: number }>;
  close(): Promise<void>;
};

/** A small seeded generator (mulberry32): every run builds the same feeds. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const itemCount = (i: number) => realScale.minItems + Math.floor(seeded(i + 1)() * (realScale.maxItems - realScale.minItems + 1));
// Feeds 2k and 2k + 1 have news in the same hours: one of them sends an ETag, the other does not.
const newsHours = (i: number, hour: number) => Array.from({ length: hour }, (_, h) => h + 1).filter((h) => (Math.floor(i / 2) + h) % realScale.newsEvery === 0);

/** Feed `i` as it reads in simulated hour `hour`: its news first, then its older notices, `itemCount(i)` in all. */
export function realFeed(i: number, hour: number): string {
  const host = 2 + (i % realScale.hosts);
  const news = newsHours(i, hour).reverse().map((h) => ({ id: `n${h}`, title: `Sicherheitsupdate ${h}`, day: 10 + (h % 18) }));
  const old = Array.from({ length: itemCount(i) }, (_, k) => ({ id: String(k), title: `Hinweis ${k + 1}`, day: 1 + (k % 9) }));
  const items = [...news, ...old].slice(0, itemCount(i)).map(
    ({ id, title, day }) =>
      `<item><title>${title} für Praxissoftware ${i}</title><link>https://publisher-${host}.example/nachrichten/${i}/${id}</link>` +
      `<guid isPermaLink="false">feed-${i}-${id}</guid><pubDate>Tue, ${String(day).padStart(2, '0')} Nov 2026 09:00:00 +0100</pubDate>` +
      `<description><![CDATA[<p>Der Hersteller empfiehlt, das Update auf Version ${i}.${id} einzuspielen. Betroffen sind <strong>Praxisverwaltungssysteme</strong> älterer Versionen.</p><p>Bitte prüfen Sie Ihre Installation gemeinsam mit Ihrem IT-Dienstleister.</p>]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Herausgeber ${host}, Feed ${i}</title><link>https://publisher-${host}.example/</link><description>Hinweise</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

/** Forks the servers and waits until every host listens. */
export async function startRealFeeds(): Promise<RealFeeds> {
  const file = fileURLToPath(import.meta.url);
  const execArgv = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child: ChildProcess = fork(file, ['--serve'], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send(message);
    });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`feed servers exited (${code})`)));
  });
  const addresses = Array.from({ length: realScale.hosts }, (_, h) => `127.0.0.${h + 2}`);
  return {
    port,
    addresses,
    url: (i) => `http://${addresses[i % realScale.hosts]}:${port}/feed/${i}.xml`,
    setHour: (hour) => ask({ hour }),
    counts: () => ask({ counts: true }),
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

if (process.argv.includes('--serve') && process.send) {
  const random = seeded(42);
  let bodies = new Map<number, { gzip: Buffer; plain: string; etag: string | null }>();
  const build = (hour: number) => {
    bodies = new Map();
    for (let i = 0; i < realScale.sources; i++) {
      const plain = realFeed(i, hour);
      bodies.set(i, { plain, gzip: gzipSync(plain), etag: i % 2 === 0 ? `"feed-${i}-${newsHours(i, hour).length}"` : null });
    }
  };
  build(0);
  const counts = { requests: 0, notModified: 0 };
  const servers: Server[] = [];
  let port = 0;
  for (let h = 0; h < realScale.hosts; h++) {
    const server = createServer((req, res) => {
      counts.requests++;
      const latency = realScale.minLatencyMs + random() * (realScale.maxLatencyMs - realScale.minLatencyMs);
      const body = bodies.get(Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1));
      setTimeout(() => {
        if (!body) return res.writeHead(404).end();
        const headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8' };
        if (body.etag) headers.etag = body.etag;
        if (body.etag && req.headers['if-none-match'] === body.etag) {
          counts.notModified++;
          return res.writeHead(304, headers).end();
        }
        if (/gzip/.test(String(req.headers['accept-encoding'] ?? ''))) res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(body.gzip);
        else res.writeHead(200, headers).end(body.plain);
      }, latency);
    });
    await new Promise<void>((resolve) => server.listen(port, `127.0.0.${h + 2}`, resolve));
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  process.send({ port });
  process.on('message', (m: { hour?: number; counts?: boolean }) => {
    if (m.counts) return process.send!({ ...counts });
    build(m.hour!);
    process.send!({ hour: m.hour });
  });
  const stop = () => Promise.all(servers.map((s) => new Promise((resolve) => (s.close(resolve), s.closeAllConnections())))).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', () => process.exit(0));
}
