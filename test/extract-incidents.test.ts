import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { recordNotice } from '../src/advisories/record-notice.js';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { advisories, advisoryRevisions } from '../src/advisories/advisories.table.js';
import { listProposals } from '../src/catalog/proposals.repository.js';
import type { Db } from '../src/db/client.js';
import { storeNotices } from '../src/ingest/notices.repository.js';
import { plainText } from '../src/normalize/document.js';
import { readPage } from '../src/normalize/page.js';
import { compileCatalog, type Matcher } from '../src/normalize/products.js';
import type { SourceConfig } from '../src/sources/sources.models.js';
import { testEnv } from './support/test-env.js';

const source = (id: string, trust: 'auto' | 'review'): SourceConfig => ({
  id, name: id, publisher: id, kind: 'rss', url: `https://${id}.example/feed.xml`, trust, intervalMinutes: 60, enabled: true,
});

let db: Db;
let matcher: Matcher;
const now = new Date('2021-11-10T12:00:00Z');
const deps = () => ({ db, matcher, clock: () => now, logger: createLogger('silent'), delivery: { alertMaxAgeDays: 30 } });

before(() => {
  const store = openStore(testEnv({ sources: [source('vendor', 'auto'), source('kv', 'review'), source('press', 'review')] }));
  db = store.db;
  matcher = compileCatalog(store.catalog);
});
after(() => db.$client.close());

function corpusNotice(file: string): { title: string; text: string; publishedAt: Date | null } {
  const content = readFileSync(new URL(`fixtures/corpus/${file}`, import.meta.url), 'utf8');
  if (file.endsWith('.html')) return readPage(content);
  const [title = '', ...rest] = content.split('\n');
  return { title, text: plainText(rest.join('\n')), publishedAt: null };
}

function store(sourceId: string, externalId: string, notice: { title: string; text: string; publishedAt: Date | null }): number {
  const result = storeNotices(db, sourceId, [{ externalId, url: null, ...notice }], now);
  return [...result.created, ...result.changed][0]!;
}

test('the vendor, a KV and the press reporting the medatixx attack become one advisory with three sources', () => {
  const vendor = recordNotice(deps(), store('vendor', 'medatixx-1', corpusNotice('medatixx-cyberangriff.html')));
  const kv = recordNotice(deps(), store('kv', 'kvwl-1', corpusNotice('kvwl-medatixx.txt')));
  const press = recordNotice(deps(), store('press', 'aerzteblatt-1', corpusNotice('aerzteblatt-medatixx.html')));
  assert.equal(vendor.outcome, 'created');
  assert.equal(kv.advisoryId, vendor.advisoryId);
  assert.equal(press.advisoryId, vendor.advisoryId);
  assert.equal(getAdvisory(db, vendor.advisoryId!)!.noticeIds.length, 3);
});

test('the Ärzteblatt feed item on the medatixx attack, which names no product, joins that advisory; the vendor’s webinar and another vendor’s attack do not', () => {
  const [medatixx] = db.select({ id: advisories.id }).from(advisories).where(eq(advisories.vendorId, 'medatixx')).all();
  assert.ok(medatixx, 'the first test recorded the medatixx advisory');
  // The feed carries only the teaser: no x.isynet, no x.concept, only the vendor in the title.
  const teaser = {
    title: 'Cyberattacke auf medatixx: Ärzte sollen Passwörter ändern',
    text: 'Nach einem Angriff auf den Praxissoftware-Hersteller empfehlen Hersteller und gematik Praxen, Passwörter zu ändern und auf gefälschte E-Mails zu achten.',
    publishedAt: new Date('2021-11-09T15:02:00Z'),
  };
  const press = recordNotice(deps(), store('press', 'aerzteblatt-rss-128901', teaser));
  assert.equal(press.advisoryId, medatixx.id, `joined instead of a "kein Produkt" draft (${press.outcome})`);
  assert.equal(getAdvisory(db, medatixx.id)!.noticeIds.length, 4);

  const webinar = recordNotice(deps(), store('vendor', 'medatixx-webinar', {
    title: 'medatixx-Webinar: So schützen Sie Ihre Praxis vor Cyberangriffen',
    text: 'In unserem kostenlosen Webinar zeigen wir Praxen, wie sie ihre IT-Sicherheit verbessern. Melden Sie sich jetzt an und prüfen Sie danach Ihre Firewall und Ihre Passwörter.',
    publishedAt: new Date('2021-11-12T09:00:00Z'),
  }));
  assert.equal(webinar.outcome, 'created', 'the vendor’s marketing is not the incident, though it speaks of attacks and passwords');
  assert.equal(getAdvisory(db, webinar.advisoryId!)!.products.length, 0, 'a report without product, like the teaser');
  const other = recordNotice(deps(), store('press', 'cgm-angriff', {
    title: 'Cyberattacke auf CGM: Ärzte sollen Passwörter ändern',
    text: 'Nach einem Angriff auf den Praxissoftware-Hersteller CGM empfehlen Fachleute den Praxen, Passwörter zu ändern und auf gefälschte E-Mails zu achten.',
    publishedAt: new Date('2021-11-11T09:00:00Z'),
  }));
  assert.equal(other.outcome, 'created', 'the same words about another vendor are another incident');
  assert.equal(getAdvisory(db, other.advisoryId!)!.products.length, 0);
});

test('another release for the same product is another incident', () => {
  const first = recordNotice(deps(), store('vendor', 'fritz-757', { ...corpusNotice('avm-fritzos-757.txt'), publishedAt: new Date('2023-09-05T10:00:00Z') }));
  const later = recordNotice(deps(), store('press', 'fritz-758', {
    title: 'FRITZ!OS 7.58 schließt Sicherheitslücke',
    text: 'AVM hat FRITZ!OS 7.58 für die FRITZ!Box veröffentlicht. Das Update schließt eine Sicherheitslücke im Gastzugang.\nBitte installieren Sie FRITZ!OS 7.58 zeitnah.',
    publishedAt: new Date('2023-10-02T10:00:00Z'),
  }));
  assert.equal(first.outcome, 'created');
  assert.equal(later.outcome, 'created');
  assert.notEqual(later.advisoryId, first.advisoryId);
});

test('a changed notice records a revision with its fields; only products, versions, actions and severity are material', () => {
  const original = corpusNotice('telekom-digitalisierungsbox-firmware.html');
  const id = store('vendor', 'digibox-fw', original);
  const created = recordNotice(deps(), id);
  const advisoryId = created.advisoryId!;

  store('vendor', 'digibox-fw', { ...original, text: original.text.replaceAll('11.1.2.102', '11.1.2.104') });
  assert.equal(recordNotice(deps(), id).outcome, 'revised');
  store('vendor', 'digibox-fw', { ...original, text: original.text.replaceAll('11.1.2.102', '11.1.2.104').replace('In bestimmten Konfigurationen', 'In einigen Konfigurationen').replace('in bestimmten Konfigurationen', 'in einigen Konfigurationen') });
  recordNotice(deps(), id);

  const revisions = db.select().from(advisoryRevisions).where(eq(advisoryRevisions.advisoryId, advisoryId)).all().sort((a, b) => a.revision - b.revision);
  assert.deepEqual(revisions.map((r) => [r.revision, r.changedFields, r.material]), [
    [1, [], false],
    [2, ['fixedVersion', 'actions', 'summary'], true],
    [3, ['summary'], false],
  ]);
  assert.ok(getAdvisory(db, advisoryId)!.products.every((p) => p.fixedVersion === '11.1.2.104'));
});

test('a stored CSAF document is mapped field by field on the normal notice path, and joins the incident it reports', () => {
  const wid = readFileSync(new URL('fixtures/corpus/wid-digitalisierungsbox.csaf.json', import.meta.url), 'utf8');
  const result = recordNotice(deps(), store('press', 'WID-SEC-W-2019-1234', { title: 'WID-SEC-W-2019-1234', text: wid, publishedAt: null }));
  const advisory = getAdvisory(db, result.advisoryId!)!;
  assert.equal(advisory.title, 'Telekom Digitalisierungsbox: Schwachstelle ermöglicht Zugriff auf interne Dienste');
  assert.equal(advisory.severity, 'hoch');
  assert.deepEqual(
    advisory.products.map((p) => [p.productId, p.affectedVersions, p.fixedVersion]),
    [
      ['bintec-elmeg-be-ip', '<10.2.5', '10.2.5'],
      ['telekom-digitalisierungsbox-premium', '<11.01.02.102', '11.01.02.102'],
      ['telekom-digitalisierungsbox-smart', '<11.01.02.102', '11.01.02.102'],
    ],
  );
  // The BSI's document on FRITZ!OS 7.57 reports the release AVM announced: one incident, two sources.
  const fritz = readFileSync(new URL('fixtures/corpus/wid-fritzbox.csaf.json', import.meta.url), 'utf8');
  const joined = recordNotice(deps(), store('press', 'WID-SEC-W-2023-2270', { title: 'WID-SEC-W-2023-2270', text: fritz, publishedAt: null }));
  assert.equal(joined.outcome === 'attached' || joined.outcome === 'revised', true);
  assert.match(getAdvisory(db, joined.advisoryId!)!.title, /FRITZ!OS 7\.57/);
});

test('a product name the catalog does not know is proposed once and counted per notice', () => {
  const text = 'Die Praxissoftware MediPlus Version 4.2 enthält eine Sicherheitslücke.\nBitte aktualisieren Sie MediPlus auf Version 4.3.';
  const a = store('kv', 'mediplus-1', { title: 'Sicherheitslücke in MediPlus', text, publishedAt: null });
  recordNotice(deps(), a);
  recordNotice(deps(), a);
  recordNotice(deps(), store('press', 'mediplus-2', { title: 'MediPlus: Update schließt Lücke', text, publishedAt: null }));
  const proposal = listProposals(db).find((p) => p.name === 'MediPlus');
  assert.ok(proposal, JSON.stringify(listProposals(db)));
  assert.equal(proposal.seenCount, 2);
  assert.match(proposal.evidence, /MediPlus Version 4\.2/);
});
