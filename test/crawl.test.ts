import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { after, before, test, type TestContext } from 'node:test';
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { advisories } from '../src/db/schema.js';
import { pino } from 'pino';
import { crawl, routeOf, type CrawlResult } from './support/crawler.js';
import { brokenFeedPath, brokenFeedRoute, seedDay, seedEveryState, type EveryState } from './support/every-state.js';
import { csafPages, sitePages, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';

let site: FixtureServer;
// Warnings and errors of the app (and Hono's own console.error for an uncaught error), to name a 5xx's cause.
const log: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => void log.push(line) });

before(async () => {
  site = await startFixtureServer({ ...sitePages, ...csafPages, [brokenFeedPath]: brokenFeedRoute });
});
after(async () => {
  await site.close();
});

// Which forms go first: the login, then searches, then saves and tests; what changes a state (approve, archive,
// send, import) later, what ends something (reject, merge, delete, unsubscribe, revoke) later still, and the
// logout last of all, so that every page is seen before a form removes it.
const formOrder: [RegExp, number][] = [
  [/^POST \/admin\/anmelden\b/, 0],
  [/^POST \/admin\/abmelden\b/, 9],
  [/^GET /, 1],
  [/\/(ablehnen|zusammenfuehren|loeschen|widerrufen)\b|^POST \/abmelden\//, 5],
  [/op=(approve|import|remove-)|\/(aktivieren|deaktivieren|wieder-oeffnen|annehmen|verwerfen|archivieren|senden)\b/, 4],
];
const rank = (description: string) => formOrder.find(([re]) => re.test(description))?.[1] ?? 2;

const importCsv = 'name,email,products\nPraxis Dr. Import,import@praxis.test,cgm-albis\n';

type Role = 'editor' | 'viewer' | 'practice';

async function crawlAs(t: TestContext, role: Role): Promise<{ world: EveryState; result: CrawlResult }> {
  const world = await seedEveryState(site, { logger });
  const account = role === 'practice' ? undefined : world[role];
  let n = 0;
  // A German value for each kind of field a form may need; addresses and URLs stay on this machine.
  const fill = ({ name, type }: { name: string; type: string }) => {
    if (type === 'password') return account?.password ?? 'kein-Passwort-bekannt';
    if (name === 'email') return account?.email ?? `crawler-${++n}@praxis.test`;
    if (type === 'email' || /email/i.test(name)) return 'it-dienstleister@beispiel.test';
    if (type === 'url' || name === 'url') return `${site.url}/dgn/unternehmen/category/news/`;
    if (type === 'number') return '60';
    if (type === 'date') return seedDay.toISOString().slice(0, 10);
    if (name.startsWith('version')) return '1.0';
    if (name === 'id' || name === 'productId') return 'crawler-eintrag';
    if (name === 'csv') return importCsv;
    if (name === 'reason') return 'Vom Crawl-Test geprüft: betrifft keine Praxis.';
    if (type === 'textarea') return 'Vom Crawl-Test eingetragen.';
    return 'Praxis Dr. Crawler';
  };
  // A previewed mail's own links point to placeholders (never to a practice's signed pages).
  const previewLink = /^\/(erledigt|betrifft|verwalten|abmelden)\/vorschau$/;
  // A draft's mail preview links to the advisory's public page, which exists once it is published.
  const notPublicYet = (url: string) => {
    const id = /^\/warnungen\/(\d+)$/.exec(url)?.[1];
    const status = id ? world.deps.db.select({ status: advisories.status }).from(advisories).where(eq(advisories.id, Number(id))).get()?.status : undefined;
    return status !== undefined && status !== 'published' && status !== 'archive';
  };
  const ended = new Set(world.mailLinks.filter((l) => l.practice === 'unsubscribed').map((l) => l.url));
  const consoleError = console.error;
  console.error = (...args: unknown[]) => void log.push(format(...args));
  log.length = 0;
  try {
    const result = await crawl({
      app: world.app,
      starts: role === 'practice' ? ['/', '/abonnieren', '/warnungen', '/warnungen.atom', ...world.mailLinks.map((l) => l.url)] : ['/admin/anmelden'],
      ownOrigins: [new URL(world.deps.publicUrl).origin],
      maxRequests: 2500,
      rank,
      fill,
      file: () => new File([importCsv], 'praxen.csv', { type: 'text/csv' }),
      // The old mails of a practice that unsubscribed lead to a page saying so, not to its data.
      expectedGet4xx: (url, status) => ((status === 400 && previewLink.test(url)) || (status === 404 && (previewLink.test(url) || notPublicYet(url)))) || (status === 410 && ended.has(url)),
      foreignUi: (url) => url.startsWith('/admin/queues'),
      takeLog: () => log.splice(0),
    });
    summarize(t, role, result);
    // CRAWL_DUMP=/tmp/crawl writes every request per role, to see where a form led.
    if (process.env.CRAWL_DUMP) writeFileSync(`${process.env.CRAWL_DUMP}-${role}.json`, JSON.stringify(result.visits, null, 1));
    return { world, result };
  } finally {
    console.error = consoleError;
    await removeQueues(world.deps.queues);
    const limits = await world.deps.redis.keys(`${world.deps.env.QUEUE_PREFIX}:ratelimit:*`);
    if (limits.length) await world.deps.redis.del(...limits);
    await world.close();
  }
}

/** Distinct GET URLs that answered with an HTML page: what a person can look at. */
const pagesOf = (result: CrawlResult) => new Set(result.visits.filter((v) => v.method === 'GET' && v.type === 'text/html').map((v) => v.url));

function summarize(t: TestContext, role: Role, result: CrawlResult) {
  const pages = pagesOf(result);
  const routes = new Set([...pages].map(routeOf));
  const statuses = new Map<string, number>();
  for (const v of result.visits) statuses.set(`${v.method} ${v.status}`, (statuses.get(`${v.method} ${v.status}`) ?? 0) + 1);
  const appMs = Math.round(result.visits.reduce((sum, v) => sum + v.ms, 0));
  t.diagnostic(`${role}: ${pages.size} distinct pages on ${routes.size} routes, ${result.submitted} form submissions, ${result.visits.length} requests (${appMs} ms in the app)`);
  t.diagnostic(`${role} statuses: ${[...statuses].map(([k, c]) => `${k}×${c}`).join(', ')}`);
  const slowest = [...result.visits].sort((a, b) => b.ms - a.ms).slice(0, 5);
  t.diagnostic(`${role} slowest: ${slowest.map((v) => `${v.method} ${routeOf(v.url)} ${Math.round(v.ms)} ms`).join(', ')}`);
  t.diagnostic(`${role} routes: ${[...routes].sort().join(' ')}`);
}

function assertClean(result: CrawlResult, { minPages }: { minPages: number }) {
  assert.equal(result.exhausted, false, `the crawl stopped at its bound of requests: find the link explosion or raise the bound`);
  if (result.problems.length) assert.fail(`${result.problems.length} problem(s):\n${result.problems.join('\n')}\n`);
  assert.ok(pagesOf(result).size >= minPages, `only ${pagesOf(result).size} distinct pages found, expected at least ${minPages}`);
}

/** The seeded states the crawl must have reached through links: each advisory's editor page. */
function assertReached(world: EveryState, result: CrawlResult) {
  const pages = pagesOf(result);
  const editorOf = (id: number) => [...pages].some((p) => p.split('?')[0] === `/admin/meldungen/${id}`);
  const missing = Object.entries(world.advisoryIds).flatMap(([state, ids]) => ids.filter((id) => !editorOf(id)).map((id) => `#${id} (${state})`));
  if (missing.length) assert.fail(`no link leads to the editor of ${missing.join(', ')}`);
}

test('as editor, every admin page and form answers in German, without a server error', async (t) => {
  const { world, result } = await crawlAs(t, 'editor');
  assertClean(result, { minPages: 40 });
  assertReached(world, result);
});

test('as viewer, every admin page answers in German and every write is refused in German', async (t) => {
  const { world, result } = await crawlAs(t, 'viewer');
  assertClean(result, { minPages: 40 });
  assertReached(world, result);
  // A viewer may end the session, manage its own API tokens and change its own password; nothing else in /admin.
  const writes = result.visits.filter((v) => v.method === 'POST' && v.url.startsWith('/admin') && !/^\/admin\/(anmelden|abmelden|tokens|konto)\b/.test(v.url));
  assert.ok(writes.length > 0 && writes.every((v) => v.status === 403), `a viewer's write was not refused: ${writes.filter((v) => v.status !== 403).map((v) => `${v.url} → ${v.status}`).join(', ')}`);
});

test('as a practice, the public pages and the links of its mails answer in German, without a server error', async (t) => {
  const { result } = await crawlAs(t, 'practice');
  assertClean(result, { minPages: 15 });
});

test('the crawler itself names a server error with its log line, English text, a dead link and where each was found', async () => {
  const app = new Hono();
  const page = (body: string) => `<!doctype html><html lang="de"><head><title>Test</title></head><body>${body}</body></html>`;
  const errors: string[] = [];
  app.onError((error, c) => {
    errors.push(error.stack ?? String(error));
    return c.text('Internal Server Error', 500);
  });
  app.get('/', (c) => c.html(page('<a href="/kaputt">Kaputt</a> <a href="/englisch">Englisch</a> <a href="#oben">Oben</a> <form method="post" action="/speichern"><input type="hidden" name="x" value="1"><button>Speichern</button></form>')));
  app.get('/kaputt', () => {
    throw new TypeError('Cannot read properties of undefined');
  });
  app.get('/englisch', (c) => c.html(page('Alles gut. <a href="/meldungen/undefined">Meldung</a>')));
  app.post('/speichern', async (c) => c.redirect((await c.req.parseBody()).x === '1' ? '/gespeichert' : '/falsch', 303));
  app.get('/gespeichert', (c) => c.html(page('Gespeichert.')));
  const result = await crawl({ app, starts: ['/'], ownOrigins: [], maxRequests: 50, rank: () => 0, fill: () => 'x', file: () => new File([''], 'leer.csv'), takeLog: () => errors.splice(0) });
  const report = result.problems.join('\n');
  assert.match(report, /GET \/kaputt → 500 \(gefunden auf \/\): Serverfehler.*\n\s+Log: TypeError: Cannot read properties of undefined/);
  assert.match(report, /GET \/englisch → 200 \(gefunden auf \/\): englischer Fehlertext \(\\bundefined\\b\)/);
  assert.match(report, /GET \/meldungen\/undefined → 404 \(gefunden auf \/englisch\): toter Link/);
  assert.deepEqual(result.visits.filter((v) => v.via).map((v) => `${v.method} ${v.url} ${v.status}`), ['POST /speichern 303', 'GET /gespeichert 200']);
  assert.equal(result.submitted, 1);
});
