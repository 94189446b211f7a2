import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories, type Severity } from '../advisories/advisories.table.js';
import { messageIdFor } from './message-id.js';
import { routeForAbsences } from './absence-routing.js';
import { writeOutageDeliveries } from './outage.js';
import { writeFirmAlerts } from '../firms/firm-fanout.js';

// `unbekannt` counts as `mittel`: a practice that only wants serious warnings should not miss an unrated one that is.
const rank: Record<Severity, number> = { niedrig: 1, unbekannt: 2, mittel: 2, hoch: 3, kritisch: 4 };

/**
 * Compares dotted versions segment by segment, numbers as numbers (leading zeros do not count, so 11.1.2.102
 * equals 11.01.02.102) and missing segments as 0. Returns null when either side is not a version we can read
 * (then the practice is alerted: better one mail too many than a missed one).
 */
export function compareVersions(a: string, b: string): number | null {
  const parse = (v: string) => {
    const parts = v.trim().replace(/^v(ersion)?\s*/i, '').split('.');
    return parts.every((p) => /^\d+[a-z]?$/i.test(p)) ? parts.map((p) => ({ n: Number.parseInt(p, 10), s: p.replace(/^\d+/, '').toLowerCase() })) : null;
  };
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? { n: 0, s: '' };
    const q = y[i] ?? { n: 0, s: '' };
    if (p.n !== q.n) return p.n < q.n ? -1 : 1;
    if (p.s !== q.s) return p.s < q.s ? -1 : 1;
  }
  return 0;
}

const prepared = new WeakMap<Database.Database, { matches: Database.Statement; alerts: Database.Statement }>();

/** SQL functions and statements, once per connection: matching runs entirely inside SQLite. */
function statements(client: Database.Database) {
  let s = prepared.get(client);
  if (s) return s;
  client.function('praxiswarn_version_at_least', { deterministic: true }, (have: unknown, fixed: unknown) =>
    typeof have === 'string' && typeof fixed === 'string' && (compareVersions(have, fixed) ?? -1) >= 0 ? 1 : 0,
  );
  client.function('praxiswarn_message_id', { deterministic: true }, (key: unknown, domain: unknown) => messageIdFor(String(key), String(domain)));
  s = {
    // Every (practice, product) pair the advisory touches: direct subscriptions plus vendor and category scopes.
    // A pair drops out when the practice told us its version and it is at or beyond the fixed version.
    matches: client.prepare(`
      WITH ap AS (SELECT product_id, fixed_version FROM advisory_products WHERE advisory_id = @advisoryId),
      pairs AS (
        SELECT s.practice_id, s.product_id FROM subscriptions s JOIN ap ON ap.product_id = s.product_id
        UNION
        SELECT ss.practice_id, p.id FROM ap JOIN products p ON p.id = ap.product_id
          JOIN scope_subscriptions ss ON ss.scope = 'vendor' AND ss.value = p.vendor_id
        UNION
        SELECT ss.practice_id, p.id FROM ap JOIN products p ON p.id = ap.product_id
          JOIN scope_subscriptions ss ON ss.scope = 'category' AND ss.value = p.category
      )
      INSERT INTO matches (practice_id, advisory_id, created_at)
      SELECT DISTINCT pairs.practice_id, @advisoryId, @now
      FROM pairs
      JOIN practices pr ON pr.id = pairs.practice_id
      JOIN ap ON ap.product_id = pairs.product_id
      LEFT JOIN subscriptions s ON s.practice_id = pairs.practice_id AND s.product_id = pairs.product_id
      WHERE pr.status = 'active'
        AND (CASE pr.min_severity WHEN 'niedrig' THEN 1 WHEN 'mittel' THEN 2 WHEN 'unbekannt' THEN 2 WHEN 'hoch' THEN 3 ELSE 4 END) <= @rank
        AND NOT (s.version IS NOT NULL AND ap.fixed_version IS NOT NULL AND praxiswarn_version_at_least(s.version, ap.fixed_version))
      ON CONFLICT DO NOTHING`),
    // Practices on a digest cadence read their matches later, except for `kritisch`.
    alerts: client.prepare(`
      INSERT INTO deliveries (practice_id, advisory_id, kind, dedupe_key, message_id, status, attempts, created_at)
      SELECT m.practice_id, m.advisory_id, 'alert', 'alert:' || m.advisory_id || ':' || m.practice_id,
             praxiswarn_message_id('alert:' || m.advisory_id || ':' || m.practice_id, @mailDomain), 'pending', 0, @now
      FROM matches m JOIN practices pr ON pr.id = m.practice_id
      WHERE m.advisory_id = @advisoryId AND pr.status = 'active' AND (pr.cadence = 'immediate' OR @critical = 1)
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id`),
  };
  prepared.set(client, s);
  return s;
}

/**
 * Matches a published advisory against every active practice in one transaction and two set-based statements:
 * one `matches` row per concerned practice (whatever its cadence; digests and the manage page read them) and one
 * alert delivery per practice on the immediate cadence (any cadence for `kritisch`). Matching again adds nothing:
 * both tables have unique keys. Returns the ids of the deliveries written by this call.
 */
export function matchAdvisory(db: Db, advisoryId: number, { now, mailDomain }: { now: Date; mailDomain: string }): number[] {
  const s = statements(db.$client);
  return db.transaction((tx) => {
    const advisory = tx.select().from(advisories).where(eq(advisories.id, advisoryId)).get();
    if (!advisory || advisory.status !== 'published') return [];
    tx.update(advisories).set({ matchedAt: now }).where(eq(advisories.id, advisoryId)).run();
    // A TI outage goes to the practices that opted in, not to those whose products it names.
    if (advisory.category === 'ti_outage') return writeOutageDeliveries(tx, advisory, { now, mailDomain });
    const params = { advisoryId, now: now.getTime(), rank: rank[advisory.severity], critical: advisory.severity === 'kritisch' ? 1 : 0, mailDomain };
    s.matches.run({ advisoryId, now: params.now, rank: params.rank });
    const written = (s.alerts.all({ advisoryId, now: params.now, critical: params.critical, mailDomain }) as { id: number }[]).map((r) => r.id);
    // Practices closed today with a confirmed deputy: to the deputy or held, before any send job sees them.
    routeForAbsences(db, { now, mailDomain });
    // The IT service firms' mails in the same commit as the matches they list: a worker killed right after matching
    // cannot lose them (the sweep sends what is owed).
    writeFirmAlerts(db, advisoryId, { now, mailDomain });
    return written;
  });
}
