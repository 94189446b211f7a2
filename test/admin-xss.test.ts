import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { recordHandwritten } from './support/drafts.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let editor: AdminClient;
let id: number;

// A notice as a hostile or broken page might deliver it: markup in the title, the text and the link.
const hostile = {
  title: 'Sicherheitslücke in CGM ALBIS <script>alert("titel")</script>',
  text: [
    'In CGM ALBIS wurde eine Sicherheitslücke gefunden <img src=x onerror=alert("img")>.',
    'Installieren Sie das Update auf Version 24.10 <svg onload=alert("svg")></svg>.',
    'Mehr dazu <a href="javascript:alert(\'link\')">hier</a> und "><script>alert("attr")</script>.',
  ].join('\n'),
  url: 'javascript:alert("url")',
};

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent') });
  addPractice(deps.db, { name: 'Praxis <b>Fett</b> & Co', email: 'fett@praxis.test', productIds: ['cgm-albis'] }, { now: new Date(), origin: 'cli' });
  id = recordHandwritten(deps, hostile);
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  editor = new AdminClient(createWebApp(deps));
  await editor.login('redaktion@verband.test', testPassword);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

/** No element or attribute that could run code: no script/svg/img/iframe other than the sandboxed preview, no on* attributes, no javascript: URLs. */
function assertInert(page: string, where: string) {
  const $ = cheerio.load(page);
  assert.equal($('script, svg, img, object, embed').length, 0, `${where}: no active elements`);
  $('*').each((_, el) => {
    for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      assert.ok(!/^on/i.test(name), `${where}: event handler attribute ${name}`);
      assert.ok(!/^\s*javascript:/i.test(value), `${where}: javascript: URL in ${name}`);
    }
  });
  $('iframe').each((_, el) => assert.equal($(el).attr('sandbox'), '', `${where}: frames are sandboxed`));
}

test('a notice with <script>, onerror=, javascript: links and <svg onload> renders inert in the queue', async () => {
  const page = await (await editor.get('/admin')).text();
  assert.match(page, /Sicherheitslücke in CGM ALBIS &lt;script&gt;alert\(&quot;titel&quot;\)&lt;\/script&gt;/, 'shown as text');
  assertInert(page, 'queue');
});

test('... and in the editor, where the text with its highlighted evidence stays text', async () => {
  const page = await (await editor.get(`/admin/meldungen/${id}`)).text();
  assert.match(page, /&lt;img src=x onerror=alert\(&quot;img&quot;\)&gt;/);
  assert.match(page, /&lt;svg onload=alert\(&quot;svg&quot;\)&gt;/);
  assert.match(page, /<mark id="ev-[a-z0-9]+">Installieren Sie das Update auf Version 24.10 &lt;svg/, "the evidence is highlighted, as text");
  assert.doesNotMatch(page, /Original öffnen/, 'a javascript: source link is not offered');
  assertInert(page, 'editor');
});

test('... and in the mail preview, which is also sandboxed and script-free by its own policy', async () => {
  const res = await editor.get(`/admin/meldungen/${id}/vorschau`);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /\bsandbox\b/);
  assert.doesNotMatch(csp, /script-src/);
  const mail = await res.text();
  assert.match(mail, /Praxis &lt;b&gt;Fett&lt;\/b&gt; &amp; Co/);
  assertInert(mail, 'preview');
});

test('the published list, audit log and practice pages escape what they show', async () => {
  const token = await editor.csrf(`/admin/meldungen/${id}`);
  const res = await editor.post(`/admin/meldungen/${id}`, {
    _csrf: token, title: hostile.title, summary: '<iframe src="javascript:alert(1)"></iframe>', severity: 'hoch',
    product_id: ['cgm-albis'], product_affected: ['<b>alle</b>'], product_fixed: ['24.10'], action_text: ['<svg onload=alert(2)> sofort aktualisieren'], action_id: [''], cves: '', op: 'approve',
  });
  assert.equal(res.status, 303);
  assert.equal(getAdvisory(deps.db, id)!.status, 'published', 'the hostile edit was saved and approved');
  for (const path of ['/admin/veroeffentlicht', '/admin/protokoll', `/admin/meldungen/${id}`, '/admin/praxen', `/admin/meldungen/${id}/vorschau`]) {
    assertInert(await (await editor.get(path)).text(), path);
  }
});
