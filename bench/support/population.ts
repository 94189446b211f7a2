import type { Db } from '../../src/db/client.js';
import { bulkInsert } from './bulk.js';

/** Products a large share of practices use (the "a few products used by a third of practices"). */
export const hotProducts: [productId: string, share: number][] = [
  ['microsoft-windows-11', 0.34],
  ['avm-fritzbox', 0.3],
  ['gematik-kartenterminal', 0.32],
];

/** A small deterministic PRNG, so every run subscribes the same practices to the same products. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Population = { practices: number; subscriptions: number; tail: string[] };

const seedChunk = 2000;

/**
 * Writes `count` active practices with `perPractice` product subscriptions each, in one transaction through bare
 * multi-row statements (this is set-up, not what is measured). Each hot product is taken with its share; the remaining slots
 * follow a Zipf–Mandelbrot law over the rest of the catalog (weight 1/(rank+10)), so the most used tail product
 * reaches about 10 % of practices and most products only a few dozen. Returns the tail in rank order.
 */
export function seedPractices(
  db: Db,
  productIds: string[],
  { count, perPractice = 7, seed = 42, always = [], cadence = () => 'immediate', createdAt = new Date(Date.now() - 30 * 86_400_000) }:
    { count: number; perPractice?: number; seed?: number; always?: string[]; cadence?: (i: number) => 'immediate' | 'daily' | 'weekly'; createdAt?: Date },
): Population {
  const random = mulberry32(seed);
  const hot = new Set(hotProducts.map(([id]) => id));
  const tail = productIds.filter((id) => !hot.has(id));
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 0; rank < tail.length; rank++) cumulative.push((sum += 1 / (rank + 11)));
  const pick = () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return tail[lo]!;
  };
  const at = createdAt.getTime();
  let subscriptions = 0;
  // Chunk by chunk, so that the rows of 100,000 practices and 700,000 subscriptions are never all in memory at once
  // (the benchmarks report their peak RSS, set-up included).
  db.$client.transaction(() => {
    for (let from = 0; from < count; from += seedChunk) {
      const practiceRows: unknown[][] = [];
      const chosenPerPractice: Set<string>[] = [];
      for (let i = from; i < Math.min(count, from + seedChunk); i++) {
        practiceRows.push([`Praxis Dr. Müller-Lüdenscheidt Nr. ${i + 1}`, `praxis${i + 1}@bench.test`, 'active', cadence(i), 'niedrig', 'import', at, at]);
        const chosen = new Set<string>(always);
        for (const [productId, share] of hotProducts) if (random() < share) chosen.add(productId);
        while (chosen.size < perPractice) chosen.add(pick());
        chosenPerPractice.push(chosen);
      }
      const ids = bulkInsert(db, 'practices', ['name', 'email', 'status', 'cadence', 'min_severity', 'origin', 'created_at', 'confirmed_at'], practiceRows, { returning: true });
      const rows = ids.flatMap((id, i) => [...chosenPerPractice[i]!].map((productId) => [id, productId, at]));
      bulkInsert(db, 'subscriptions', ['practice_id', 'product_id', 'created_at'], rows);
      subscriptions += rows.length;
    }
  })();
  return { practices: count, subscriptions, tail };
}

/** A published advisory as an editor releases it, written straight into the tables. */
export function publish(
  db: Db,
  { title, severity = 'hoch', products, actions = [], summary = 'Der Hersteller hat eine Sicherheitslücke geschlossen.', now = new Date() }:
    { title: string; severity?: string; products: { id: string; fixedVersion?: string }[]; actions?: string[]; summary?: string; now?: Date },
): number {
  const sqlite = db.$client;
  const t = now.getTime();
  const { id } = sqlite
    .prepare(
      `insert into advisories (title, summary, severity, status, relevant, relevance_reason, released_at, created_at, updated_at) values (?, ?, ?, 'published', 1, 'Benchmark', ?, ?, ?) returning id`,
    )
    .get(title, summary, severity, t, t, t) as { id: number };
  for (const p of products) sqlite.prepare('insert into advisory_products (advisory_id, product_id, fixed_version) values (?, ?, ?)').run(id, p.id, p.fixedVersion ?? null);
  actions.forEach((text, position) => sqlite.prepare('insert into advisory_actions (advisory_id, position, text) values (?, ?, ?)').run(id, position, text));
  return id;
}

/** A source and one notice of it as the advisory's evidence, so that alert mails list a real-looking source. */
export function attachSource(db: Db, advisoryId: number, sourceId: string, now = new Date()): void {
  const sqlite = db.$client;
  const { id: noticeId } = sqlite
    .prepare(`insert into notices (source_id, external_id, url, title, published_at, text, content_hash, fetched_at) values (?, ?, ?, ?, ?, ?, 'x', ?) returning id`)
    .get(sourceId, `bench-${advisoryId}`, `https://www.bsi.bund.de/warnung/${advisoryId}`, 'Sicherheitshinweis des Herstellers', now.getTime(), 'Text', now.getTime()) as { id: number };
  sqlite.prepare('insert into advisory_sources (advisory_id, notice_id, added_at) values (?, ?, ?)').run(advisoryId, noticeId, now.getTime());
}

/** The source `attachSource` refers to, for `benchEnv({ sources })`. */
export const benchSource = {
  id: 'bsi-warnungen',
  name: 'BSI Warnungen',
  publisher: 'Bundesamt für Sicherheit in der Informationstechnik',
  kind: 'rss' as const,
  url: 'https://wid.cert-bund.de/feed.xml',
  trust: 'auto' as const,
  intervalMinutes: 60,
  enabled: true,
};
