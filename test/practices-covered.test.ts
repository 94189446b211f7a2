import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openStore } from '../src/app/deps.js';
import type { Db } from '../src/db/client.js';
import { practices, products, scopeSubscriptions, subscriptions } from '../src/db/schema.js';
import { coveredProducts } from '../src/practices/preferences.repository.js';
import { testEnv } from './support/test-env.js';

let db: Db;
before(() => {
  db = openStore(testEnv()).db;
});
after(() => db.$client.close());

type Setup = { products?: [string, string?][]; vendors?: string[]; categories?: string[] };

let n = 0;
function practice(s: Setup): number {
  const now = new Date();
  const id = db.insert(practices).values({ name: `Praxis ${++n}`, email: `praxis${n}@covered.test`, status: 'active', origin: 'form', createdAt: now }).returning().get().id;
  for (const [productId, version] of s.products ?? []) db.insert(subscriptions).values({ practiceId: id, productId, version: version ?? null, createdAt: now }).run();
  for (const value of s.vendors ?? []) db.insert(scopeSubscriptions).values({ practiceId: id, scope: 'vendor', value, createdAt: now }).run();
  for (const value of s.categories ?? []) db.insert(scopeSubscriptions).values({ practiceId: id, scope: 'category', value, createdAt: now }).run();
  return id;
}

/** What the practice should hear about, worked out from the whole catalog: the definition the query must meet. */
function expected(s: Setup): Map<string, string | null> {
  const own = new Map((s.products ?? []).map(([id, version]) => [id, version ?? null]));
  const all = db.select().from(products).all();
  return new Map(
    all
      .filter((p) => own.has(p.id) || s.vendors?.includes(p.vendorId) || s.categories?.includes(p.category))
      .map((p) => [p.id, own.get(p.id) ?? null]),
  );
}

const sorted = (m: Map<string, string | null>) => [...m].sort(([a], [b]) => a.localeCompare(b));

test('a practice hears about its own products with their versions and everything of its vendors and categories, each once', () => {
  const setups: Setup[] = [
    { products: [['t2med', '24.3'], ['cgm-albis']] },
    { vendors: ['avm'] },
    { categories: ['ti'] },
    // The FRITZ!Box is chosen with its version and covered by the vendor and the category as well: the version stays.
    { products: [['avm-fritzbox', '7.57'], ['cgm-albis']], vendors: ['avm', 'cgm'], categories: ['router', 'pvs'] },
  ];
  const ids = setups.map(practice);
  setups.forEach((s, i) => assert.deepEqual(sorted(coveredProducts(db, ids[i]!)), sorted(expected(s)), `practice ${i + 1}`));

  const both = coveredProducts(db, ids[3]!);
  assert.equal(both.get('avm-fritzbox'), '7.57');
  assert.equal(both.get('cgm-albis'), null);
  assert.equal(both.get('telekom-speedport'), null);
  assert.equal(both.has('gematik-kim'), false);
  assert.deepEqual(sorted(coveredProducts(db, ids[0]!)), [['cgm-albis', null], ['t2med', '24.3']]);
});

test('another practice\'s subscriptions and scopes do not leak into the covered products', () => {
  const a = practice({ products: [['microsoft-windows-11', '23H2']], vendors: ['avm'], categories: ['remote'] });
  const b = practice({ products: [['t2med']] });
  assert.deepEqual(sorted(coveredProducts(db, b)), [['t2med', null]]);
  assert.equal(coveredProducts(db, a).get('microsoft-windows-11'), '23H2');
  assert.deepEqual(sorted(coveredProducts(db, practice({ vendors: ['gibt-es-nicht'] }))), []);
});

test('covered products follow changes to the subscriptions at once', () => {
  const id = practice({ products: [['t2med']] });
  assert.deepEqual(sorted(coveredProducts(db, id)), [['t2med', null]]);
  db.insert(scopeSubscriptions).values({ practiceId: id, scope: 'category', value: 'remote', createdAt: new Date() }).run();
  assert.deepEqual(sorted(coveredProducts(db, id)), sorted(expected({ products: [['t2med']], categories: ['remote'] })));
});
