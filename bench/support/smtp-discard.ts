import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

// The local relay of the benchmarks: accepts every mail, notes when, and discards it. It runs in its own process (as
// a real relay would), so its CPU and memory do not count against the process being measured.

export type DiscardSink = {
  url: string;
  port: number;
  count(): Promise<number>;
  /** When the mails with these indexes (0 = the first accepted) were accepted, in epoch ms. */
  acceptedAt(indexes: number[]): Promise<number[]>;
  close(): Promise<void>;
};

/** Forks the sink and waits until it listens. */
export async function startDiscardSink(): Promise<DiscardSink> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`SMTP sink exited (${code})`)));
  });
  let waiting: ((n: number) => void)[] = [];
  let times: ((t: number[]) => void)[] = [];
  child.on('message', (m) => {
    const at = (m as { acceptedAt?: number[] }).acceptedAt;
    if (at) return void times.shift()?.(at);
    const count = (m as { count?: number }).count;
    if (count === undefined) return;
    const w = waiting;
    waiting = [];
    for (const resolve of w) resolve(count);
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    count: () => new Promise<number>((resolve) => (waiting.push(resolve), child.send('count'))),
    acceptedAt: (indexes) => new Promise<number[]>((resolve) => (times.push(resolve), child.send({ acceptedAt: indexes }))),
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
  };
}

if (process.argv.includes('--serve') && process.send) {
  let accepted = 0;
  const acceptedAt: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        accepted++;
        acceptedAt.push(Date.now());
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.server.address() as AddressInfo).port }));
  process.on('message', (m: unknown) => {
    const indexes = (m as { acceptedAt?: number[] }).acceptedAt;
    process.send!(indexes ? { acceptedAt: indexes.map((i) => acceptedAt[i] ?? NaN) } : { count: accepted });
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));
}
