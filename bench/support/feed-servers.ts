import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// The publishers of the sweep benchmark: one HTTP server per host (127.0.0.2 …), all on one port, each answering
// after a fixed latency. They run in their own process, as remote servers would (and as the SMTP relay of the other
// benchmarks does): their CPU does not count against the process being measured, and a request's latency starts
// when it leaves the client, not when the client's event loop next lets an in-process server read it.

export type FeedServers = {
  addresses: string[];
  port: number;
  /** Publishes news: from now on, feed `n` of every host with n = round % 4 leads with one more new item. */
  nextRound(): Promise<void>;
  close(): Promise<void>;
};

/** One feed in this many of each host has news in a round. */
export const newsCycle = 4;

/** Forks the servers and waits until every host listens. */
export async function startFeedServers({ hosts, latencyMs }: { hosts: number; latencyMs: number }): Promise<FeedServers> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', String(hosts), String(latencyMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`feed servers exited (${code})`)));
  });
  let round = 0;
  return {
    addresses: Array.from({ length: hosts }, (_, i) => `127.0.0.${i + 2}`),
    port,
    nextRound: () =>
      new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send({ round: ++round });
      }),
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

/**
 * A feed of ten notices, as a publisher's RSS would look (about 6 KB). After `round` rounds of news, feed n has
 * had one new notice in every round r with r % 4 = n; the newest lead, and the oldest drop off the end.
 */
export function feed(host: number, n: number, round = 0): string {
  const news = Array.from({ length: round }, (_, r) => r + 1).filter((r) => r % newsCycle === n).reverse();
  const notices = [...news.map((r) => ({ id: `r${r}`, title: `Neuer Hinweis aus Runde ${r}`, version: `3.${r}` })), ...Array.from({ length: 10 }, (_, i) => ({ id: String(i), title: `Hinweis ${i + 1}`, version: `2.${i}` }))].slice(0, 10);
  const items = notices.map(({ id, title, version }) => `<item><title>${title} von Quelle ${host}.${n}</title><link>http://127.0.0.${host}/artikel/${n}/${id}</link><guid>q${host}-${n}-${id}</guid><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate><description>Der Hersteller empfiehlt, das Update auf Version ${version} einzuspielen. Betroffen sind Praxisverwaltungssysteme älterer Versionen; bitte prüfen Sie Ihre Installation gemeinsam mit Ihrem IT-Dienstleister.</description></item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Quelle ${host}.${n}</title><link>http://127.0.0.${host}/</link><description>Hinweise</description>${items}</channel></rss>`;
}

if (process.argv.includes('--serve') && process.send) {
  const [hosts, latencyMs] = process.argv.slice(process.argv.indexOf('--serve') + 1).map(Number) as [number, number];
  const servers: Server[] = [];
  let port = 0;
  let round = 0;
  for (let h = 2; h < hosts + 2; h++) {
    const server = createServer((req, res) => {
      const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(h, n, round)), latencyMs);
    });
    await new Promise<void>((resolve) => server.listen(port, `127.0.0.${h}`, resolve));
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  process.send({ port });
  process.on('message', (m) => {
    round = (m as { round: number }).round;
    process.send!({ round });
  });
  const stop = () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', () => process.exit(0));
}
