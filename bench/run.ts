import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { BenchResult } from './support/bench.models.js';

// `npm run bench [-- --json] [name...]`: every bench/*.bench.ts, each in its own child process, one after the other
// (they would otherwise compete for the same two cores). Human lines go to stdout, or with --json one JSON object.

type Row = Required<Pick<BenchResult, 'value' | 'unit' | 'baseline' | 'ratio' | 'peakRssMb'>> & Pick<BenchResult, 'goal' | 'extra'>;
type Message = { ok: true; name: string; result: Row } | { ok: false; name: string; error: string };

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
// `--db postgres` runs them on PostgreSQL (PG_ADMIN_URL's server, a database of their own per benchmark).
const dbAt = args.indexOf('--db');
const db = dbAt >= 0 ? args[dbAt + 1] : 'sqlite';
if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--db ${db}: erwartet sqlite oder postgres`);
const only = args.filter((a, i) => !a.startsWith('--') && !(dbAt >= 0 && i === dbAt + 1));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')));

function runOne(file: string): Promise<Message> {
  return new Promise((resolve) => {
    // The child's own output goes to stderr, so that stdout stays one JSON object with --json.
    const child = fork(join(here, 'child.ts'), [join(here, file)], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, ...(db === 'postgres' ? { BENCH_DATABASE: 'postgres' } : {}) },
    });
    child.stdout!.pipe(process.stderr);
    let message: Message | undefined;
    let timer: NodeJS.Timeout | undefined;
    child.on('message', (m) => {
      message = m as Message;
      // A benchmark that leaves a handle open must not hold up the others.
      timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(message ?? { ok: false, name: file, error: `exited with ${code ?? signal} before reporting` });
    });
  });
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));
const results: Record<string, Row> = {};
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (!json) process.stdout.write(`${name}: running…\n`);
  const message = await runOne(file);
  if (!message.ok) {
    failed++;
    process.stderr.write(`${name}: FAILED\n${message.error}\n`);
    continue;
  }
  const r = message.result;
  results[name] = { value: r.value, unit: r.unit, baseline: r.baseline, ratio: r.ratio, peakRssMb: r.peakRssMb, ...(r.extra ?? {}), ...(r.goal ? { goal: r.goal } : {}) } as Row;
  if (!json) {
    const extra = Object.entries(r.extra ?? {}).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`).join(' ');
    process.stdout.write(
      `${name}: ${fmt(r.value)} ${r.unit} | baseline ${fmt(r.baseline)} ${r.unit} | ratio ${fmt(r.ratio)} | peak RSS ${fmt(r.peakRssMb)} MB${r.goal ? ` | goal: ${r.goal}` : ''}\n` +
        (extra ? `  ${extra}\n` : ''),
    );
  }
}
if (json) process.stdout.write(`${JSON.stringify(db === 'postgres' ? { database: 'postgres', ...results } : results, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
