import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { approveAdvisory, editAdvisory, rejectAdvisory } from '../src/admin/curation.usecases.js';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { exportCorpus } from '../src/curation/corpus-export.js';
import { correctionRates } from '../src/curation/corrections.js';
import { loadCorpus } from '../src/normalize/quality.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { recordHandwritten } from './support/drafts.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

// Each advisory keeps the extractor's draft; what editors change in it shows where the extractor needs work, and
// the decided advisories become corpus cases.

let deps: AppDeps;
let editorId: number;
const now = new Date('2026-12-04T10:00:00Z');

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent'), clock: () => now });
  editorId = (await adminWithRole(deps.db, 'editor')).id;
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

test('an editor’s corrections are counted per field against the draft the extractor made', async () => {
  const actor = { adminId: editorId, name: 'editor@verband.test' };
  const box = recordHandwritten(deps, {
    title: 'Sicherheitslücke in der FRITZ!Box: Update auf FRITZ!OS 8.02',
    text: 'AVM hat eine Sicherheitslücke in der FRITZ!Box geschlossen. Praxen sollten FRITZ!OS 8.02 zeitnah installieren.',
  });
  const draft = getAdvisory(deps.db, box)!;
  assert.equal(draft.extracted?.title, draft.title, 'the draft is kept as the extractor made it');
  await editAdvisory(deps, actor, box, {
    title: draft.title,
    summary: draft.summary,
    severity: 'hoch',
    products: draft.products.map((p) => ({ productId: p.productId, affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
    actions: [{ text: 'FRITZ!OS auf Version 8.02 aktualisieren' }, { text: 'Fernzugriff über das Internet abschalten' }],
    cves: [],
  });
  await approveAdvisory(deps, actor, box);
  const spam = recordHandwritten(deps, { title: 'Sicherheitsupdate für TeamViewer 15.51', text: 'TeamViewer schließt eine Lücke. Bitte aktualisieren Sie auf Version 15.51.' });
  rejectAdvisory(deps, actor, spam, { reason: 'Betrifft nur Privatkunden.' });

  const rates = Object.fromEntries(correctionRates(deps.db, now).map((r) => [r.field, r]));
  assert.deepEqual(rates.relevance!.all, { changed: 1, of: 2 });
  assert.deepEqual(rates.severity!.recent, { changed: 1, of: 1 });
  assert.deepEqual(rates.actions!.all, { changed: 1, of: 1 });
  assert.deepEqual(rates.title!.all, { changed: 0, of: 1 });
  assert.deepEqual(correctionRates(deps.db, new Date(now.getTime() + 40 * 86_400_000)).find((r) => r.field === 'actions')!.recent, { changed: 0, of: 0 });

  const client = new AdminClient(createWebApp(deps));
  await client.login('editor@verband.test', testPassword);
  const $ = cheerio.load(await (await client.get('/admin/extraktion')).text());
  const rows = $('tbody tr').toArray().map((tr) => $(tr).text().replace(/\s+/g, ' ').trim());
  assert.ok(rows.includes('Maßnahmen 100 % (1 von 1) 100 % (1 von 1)'), rows.join('\n'));
  assert.ok(rows.includes('Relevanz (freigegeben oder abgelehnt) 50 % (1 von 2) 50 % (1 von 2)'), rows.join('\n'));
});

test('corpus export writes the decided advisories as cases the quality script reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'praxiswarn-corpus-'));
  assert.equal(exportCorpus(deps.db, dir).written, 2);
  const cases = loadCorpus(dir);
  assert.equal(cases.length, 2);
  const box = cases.find((c) => c.content.startsWith('Sicherheitslücke in der FRITZ!Box'))!;
  assert.deepEqual(box.expected[0]!.actions, ['FRITZ!OS auf Version 8.02 aktualisieren', 'Fernzugriff über das Internet abschalten']);
  assert.equal(box.expected[0]!.severity, 'hoch');
  assert.deepEqual(box.expected[0]!.products.map((p) => p.id), ['avm-fritzbox']);
  const rejected = cases.find((c) => c.content.startsWith('Sicherheitsupdate für TeamViewer'))!;
  assert.equal(rejected.expected[0]!.relevant, false);
  assert.ok(readdirSync(dir).some((f) => f.endsWith('.source.md') && /Redaktion/.test(readFileSync(join(dir, f), 'utf8'))));
});
