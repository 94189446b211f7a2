/**
 * One process of test/shared-limits.test.ts: builds the app's dependencies as `praxiswarn work` does (so it uses the
 * limits deps.ts wires), says `ready`, waits for `go` on stdin (both processes start together), then either fetches a
 * URL `count` times at once or sends `count` mails at once (after one to warm up), printing one JSON line per result.
 *
 *   node --import tsx test/support/shared-limits-client.ts fetch URL COUNT [LEASE_MS]
 *   node --import tsx test/support/shared-limits-client.ts mail TAG COUNT
 */
import { createInterface } from 'node:readline';
import { createAppDeps } from '../../src/app/deps.js';
import { loadEnv } from '../../src/config/env.js';
import { FetchError, httpGet } from '../../src/ingest/http.js';
import { createRedisHostLimiter } from '../../src/ingest/redis-host-limiter.js';

const [mode, target, countArg, leaseArg] = process.argv.slice(2);
const count = Number(countArg);
const env = loadEnv(process.env);
const deps = await createAppDeps(env);
// Only the kill test shortens the lease, so that it need not wait the production lease out.
const http = leaseArg ? { ...deps.http, limiter: createRedisHostLimiter({ redis: deps.redis, prefix: env.QUEUE_PREFIX, leaseMs: Number(leaseArg) }) } : deps.http;
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const mail = (subject: string, i: number) =>
  deps.mailer.send({ to: `praxis-${i}@example.test`, subject, text: 'Test', html: '<p>Test</p>', messageId: `<${subject.replace(' ', '-')}-${i}@praxiswarn.test>` });
// One mail before `ready`: the relay connection is open and the code warm when the measured mails go.
if (mode === 'mail') await mail(`${target} warm-up`, 0);
say({ ready: true });
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
say({ started: true });

await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    try {
      if (mode === 'fetch') await httpGet(target!, http);
      else await mail(`${target} ${i}`, i);
      say({ ok: true });
    } catch (error) {
      say(error instanceof FetchError ? { error: error.code, retryAfterSeconds: error.retryAfterSeconds } : { error: String(error) });
    }
  }),
);
say({ done: true });
await deps.close();
process.exit(0);
