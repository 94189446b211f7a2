import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { recordHandwritten } from './support/drafts.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

// The editor's mail preview: for every draft, with or without recipients, and never with a practice's own links.

let deps: AppDeps;
let viewer: AdminClient;
let practiceId: number;
let withRecipients: number;
let withoutRecipients: number;
let withoutProduct: number;

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent') });
  practiceId = addPractice(deps.db, { name: 'Praxis Dr. Anders', email: 'anders@praxis.test', productIds: ['avm-fritzbox'] }, { now: new Date(), origin: 'cli' }).id;
  withRecipients = recordHandwritten(deps, { title: 'FRITZ!OS 8.02 schließt Sicherheitslücke', text: 'AVM hat eine Lücke in der FRITZ!Box geschlossen. Praxen sollten FRITZ!OS 8.02 zeitnah installieren.' });
  withoutRecipients = recordHandwritten(deps, { title: 'LCOS 10.80 RU3 schließt Sicherheitslücke', text: 'LANCOM hat eine Lücke in LANCOM Routern geschlossen. Praxen sollten LCOS 10.80 RU3 zeitnah installieren.' });
  withoutProduct = recordHandwritten(deps, { title: 'Phishing im Namen der KV', text: 'Derzeit kursieren gefälschte Mails im Namen der KV. Öffnen Sie keine Anhänge.' });
  await adminWithRole(deps.db, 'viewer', 'lesen@verband.test');
  viewer = new AdminClient(createWebApp(deps));
  await viewer.login('lesen@verband.test', testPassword);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

test('the editor and its preview open for a draft that reaches a practice, one that reaches none, and one without product', async () => {
  for (const id of [withRecipients, withoutRecipients, withoutProduct]) {
    const page = await viewer.get(`/admin/meldungen/${id}`);
    assert.equal(page.status, 200, `editor of #${id}`);
    const preview = await viewer.get(`/admin/meldungen/${id}/vorschau`);
    assert.ok(preview.status === 200 || (id === withoutProduct && preview.status === 404), `preview of #${id}: ${preview.status}`);
  }
  const sample = await (await viewer.get(`/admin/meldungen/${withoutRecipients}/vorschau`)).text();
  assert.match(sample, /Praxis Dr\. Muster \(Beispiel\)/);
  assert.match(sample, /LCOS 10\.80 RU3/);
});

test('a previewed mail carries no signed link of the practice it was rendered for', async () => {
  const mail = await (await viewer.get(`/admin/meldungen/${withRecipients}/vorschau`)).text();
  assert.match(mail, /Praxis Dr\. Anders/);
  const hrefs = cheerio.load(mail)('a[href]').toArray().map((a) => a.attribs.href!);
  assert.ok(hrefs.some((h) => h.endsWith('/verwalten/vorschau')), hrefs.join('\n'));
  for (const href of hrefs) assert.doesNotMatch(href, new RegExp(`\\.${practiceId}\\.`), `a practice link: ${href}`);
  const editorPage = await (await viewer.get(`/admin/meldungen/${withRecipients}`)).text();
  assert.doesNotMatch(cheerio.load(editorPage)('pre.mail-text').text(), /(manage|unsubscribe|ack)\.\d+\./);
  const followed = await viewer.get(new URL(hrefs.find((h) => h.endsWith('/verwalten/vorschau'))!).pathname);
  assert.ok(followed.status === 400 || followed.status === 404, String(followed.status));
  assert.match(await followed.text(), /ungültig|nicht gefunden/i);
});
