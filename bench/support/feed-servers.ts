import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// The publishers of the sweep benchmark: one HTTP server per host (127.0.0.2 …), all on one port, each answering
// after a fixed latency. They run in their own process, as remote servers would (and as the SMTP relay of the other
// benchmarks does): their CPU does not count against the process being measured, and a request's latency starts
// when it leaves the client, not when the client's event loop next lets an in-process server read it.

export type FeedServers = { addresses: string[]; port: number; close(): Promise<void> };

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
  return {
    addresses: Array.from({ length: hosts }, (_, i) => `127.0.0.${i + 2}`),
    port,
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

/** A feed of ten notices, as a publisher's RSS would look (about 6 KB). */
export function feed(host: number, n: number): string {
  const items = Array.from({ length: 10 }, (_, i) => `<item><title>Hinweis ${i + 1} von Quelle ${host}.${n}</title><link>http://127.0.0.${host}/artikel/${n}/${i}</link><guid>q${host}-${n}-${i}</guid><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate><description>Der Hersteller empfiehlt, das Update auf Version 2.${i} einzuspielen. Betroffen sind Praxisverwaltungssysteme älterer Versionen; bitte prüfen Sie Ihre Installation gemeinsam mit Ihrem IT-Dienstleister.</description></item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Quelle ${host}.${n}</title><link>http://127.0.0.${host}/</link><description>Hinweise</description>${items}</channel></rss>`;
}

if (process.argv.includes('--serve') && process.send) {
  const [hosts, latencyMs] = process.argv.slice(process.argv.indexOf('--serve') + 1).map(Number) as [number, number];
  const servers: Server[] = [];
  let port = 0;
  for (let h = 2; h < hosts + 2; h++) {
    const server = createServer((req, res) => {
      const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(h, n)), latencyMs);
    });
    await new Promise<void>((resolve) => server.listen(port, `127.0.0.${h}`, resolve));
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  process.send({ port });
  const stop = () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', () => process.exit(0));
}
