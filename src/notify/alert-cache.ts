import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { getAdvisory, type AdvisoryDetails } from '../advisories/advisories.repository.js';
import { advisorySources } from '../advisories/advisories.table.js';
import { products } from '../catalog/catalog.table.js';
import { notices } from '../ingest/notices.table.js';
import type { Practice } from '../practices/practices.repository.js';
import { sources } from '../sources/sources.table.js';
import { renderAlert, type AlertData, type RenderedMail } from './templates/alert.js';
import { escapeHtml } from './templates/html.js';
import type { AdvisoryView } from './advisory-view.js';

// A fan-out sends the same advisory to thousands of practices. The advisory, its sources and the catalog names
// are read once per process and version of the advisory, and the mail is rendered once per set of affected
// products with markers where the practice's own parts go; each mail then only fills in those parts. The markers
// carry a per-process nonce and a NUL, which no practice name (validated) or escaped text can contain.

const nonce = randomBytes(8).toString('hex');
const marker = { practiceName: `\u0000${nonce}:name\u0000`, subscribed: `\u0000${nonce}:subs\u0000`, unsubscribeUrl: `\u0000${nonce}:unsub\u0000` };

type AdvisoryEntry = { advisory: AdvisoryDetails; sources: AlertData['sources']; names: Map<string, string>; mails: Map<string, RenderedMail> };

const maxEntries = 64;
const entries = new Map<string, AdvisoryEntry>();

// The two reads every mail makes, prepared once per database (bare statements: the query builder cost more than the
// queries themselves at thousands of mails per second). Same order as subscribedProductIds: by product id.
const statements = new WeakMap<Db, { version: Statement; subscribed: Statement }>();

function queries(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      version: db.$client.prepare('select revision, updated_at as updatedAt from advisories where id = ?'),
      subscribed: db.$client.prepare('select product_id from subscriptions where practice_id = ? order by product_id').pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

/** The advisory as the alert needs it, cached per id, revision and last change (an edit without a revision counts). */
function advisoryEntry(db: Db, advisoryId: number): AdvisoryEntry | undefined {
  const version = queries(db).version.get(advisoryId) as { revision: number; updatedAt: number } | undefined;
  if (!version) return undefined;
  const key = `${advisoryId}:${version.revision}:${version.updatedAt}`;
  const cached = entries.get(key);
  if (cached) return cached;
  const advisory = getAdvisory(db, advisoryId)!;
  const sourceRows = db
    .select({ publisher: sources.publisher, title: notices.title, url: notices.url, publishedAt: notices.publishedAt })
    .from(advisorySources)
    .innerJoin(notices, eq(notices.id, advisorySources.noticeId))
    .innerJoin(sources, eq(sources.id, notices.sourceId))
    .where(eq(advisorySources.advisoryId, advisoryId))
    .orderBy(asc(advisorySources.addedAt))
    .all();
  const names = new Map(db.select({ id: products.id, name: products.name }).from(products).all().map((p) => [p.id, p.name]));
  const entry = { advisory, sources: sourceRows, names, mails: new Map<string, RenderedMail>() };
  // Oldest first out: a process that lives for months sees many advisories, but only a few at a time.
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  entries.set(key, entry);
  return entry;
}

/**
 * The alert mail of one practice, the same as `renderAlert(loadAlertData(...))` would give, or undefined when the
 * advisory no longer names any of the practice's products.
 */
export function renderAlertFor(db: Db, advisoryId: number, practice: Practice, links: { unsubscribeUrl: string; operatorName: string }): RenderedMail | undefined {
  const entry = advisoryEntry(db, advisoryId);
  if (!entry) return undefined;
  const subscribed = queries(db).subscribed.all(practice.id) as string[];
  const mine = new Set(subscribed);
  const affected = entry.advisory.products.filter((p) => mine.has(p.productId));
  if (affected.length === 0) return undefined;
  const key = `${affected.map((p) => p.productId).join('\n')}\n${links.operatorName}`;
  let template = entry.mails.get(key);
  if (!template) {
    const a = entry.advisory;
    template = renderAlert({
      practiceName: marker.practiceName,
      title: a.title,
      summary: a.summary,
      severity: a.severity,
      publishedAt: a.publishedAt,
      products: affected.map((p) => ({ name: entry.names.get(p.productId) ?? p.productId, fixedVersion: p.fixedVersion })),
      actions: a.actions.map((x) => x.text),
      sources: entry.sources,
      subscribedProducts: [marker.subscribed],
      unsubscribeUrl: marker.unsubscribeUrl,
      operatorName: links.operatorName,
    });
    entry.mails.set(key, template);
  }
  const parts: [string, string][] = [
    [marker.practiceName, practice.name],
    [marker.subscribed, subscribed.map((id) => entry.names.get(id) ?? id).join(', ')],
    [marker.unsubscribeUrl, links.unsubscribeUrl],
  ];
  let { text, html } = template;
  for (const [m, value] of parts) {
    text = text.replaceAll(m, value);
    html = html.replaceAll(m, escapeHtml(value));
  }
  return { subject: template.subject, text, html };
}

/** The product ids a practice subscribed to, in product id order. */
export function subscribedIds(db: Db, practiceId: number): string[] {
  return queries(db).subscribed.all(practiceId) as string[];
}

/**
 * What `loadAdvisoryView` gives, from the per-process cache: digests list the same few advisories for thousands of
 * practices. `subscribed` are the practice's product ids (see `subscribedIds`).
 */
export function cachedAdvisoryView(db: Db, advisoryId: number, subscribed: Set<string>, publicUrl: string): AdvisoryView | undefined {
  const entry = advisoryEntry(db, advisoryId);
  if (!entry || entry.advisory.status !== 'published') return undefined;
  const a = entry.advisory;
  const affected = a.products.filter((p) => subscribed.has(p.productId));
  const shown = affected.length > 0 ? affected : a.products;
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    severity: a.severity,
    products: shown.map((p) => ({ name: entry.names.get(p.productId) ?? p.productId, fixedVersion: p.fixedVersion })),
    actions: a.actions.map((x) => x.text),
    url: new URL(`/warnungen/${a.id}`, publicUrl).href,
  };
}
