import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Env } from '../../src/config/env.js';

const bin = fileURLToPath(new URL('../../bin/praxiswarn.js', import.meta.url));

export type WorkerProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts `praxiswarn work` as a real child process on the test's data folder, queues and SMTP sink. */
export function startWorkerProcess(env: Env, queues: string[]): WorkerProcess {
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const child = spawn(process.execPath, [bin, 'work', '--queues', queues.join(',')], {
    env: { PATH: process.env.PATH, ...vars },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for `check`; on timeout the error carries the end of the worker's output, if one is given. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 60_000, what = 'condition', worker }: { timeoutMs?: number; what?: string; worker?: WorkerProcess } = {},
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${worker ? `; the worker's output ended with:\n${worker.output().slice(-3000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
