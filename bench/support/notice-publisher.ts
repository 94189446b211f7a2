import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { newNotice, oldNotices, rss, type FeedItem } from './digibox-notices.js';

// The publisher of the freshness benchmark: one RSS feed on 127.0.0.1, in a process of its own (as a remote server
// would be), with an ETag and 304s like most publishers, answering after a fixed latency. On request it adds a new
// notice and says when it started serving it: the moment the notice appeared at its source.

export type NoticePublisher = {
  url: string;
  /** Adds the n-th new notice to the top of the feed; resolves with when it appeared (epoch ms) and its guid. */
  publish(n: number): Promise<{ appearedAt: number; guid: string }>;
  /** Feed requests answered so far (200 and 304). */
  requests(): Promise<number>;
  close(): Promise<void>;
};

/** Forks the publisher and waits until it listens. */
export async function startNoticePublisher({ latencyMs }: { latencyMs: number }): Promise<NoticePublisher> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', String(latencyMs)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`notice publisher exited (${code})`)));
  });
  const ask = <T>(message: object) => new Promise<T>((resolve) => (child.once('message', (m) => resolve(m as T)), child.send(message)));
  return {
    url: `http://127.0.0.1:${port}/sicherheitshinweise.xml`,
    publish: (n) => ask({ publish: n }),
    requests: () => ask<{ requests: number }>({ requests: true }).then((m) => m.requests),
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

if (process.argv.includes('--serve') && process.send) {
  const latencyMs = Number(process.argv[process.argv.indexOf('--serve') + 1]);
  let base = '';
  let items: FeedItem[] = [];
  let body = '';
  let etag = '';
  let requests = 0;
  const render = () => {
    body = rss(items, base);
    etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  };
  const server = createServer((req, res) => {
    requests++;
    setTimeout(() => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
    }, latencyMs);
  });
  server.listen(0, '127.0.0.1', () => {
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    items = oldNotices(base);
    render();
    process.send!({ port: (server.address() as AddressInfo).port });
  });
  process.on('message', (m: { publish?: number; requests?: true }) => {
    if (m.requests) return void process.send!({ requests });
    const appearedAt = Date.now();
    const item = newNotice(m.publish!, new Date(appearedAt), base);
    // Newest first, ten at most, as publishers' feeds are.
    items = [item, ...items].slice(0, 10);
    render();
    process.send!({ appearedAt, guid: item.guid });
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));
}
