import { and, asc, between, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Extraction } from '../normalize/extract.js';
import { notices } from '../ingest/notices.table.js';
import { sources } from '../sources/sources.table.js';
import { advisories, advisoryActions, advisoryCves, advisoryProducts, advisoryRevisions, advisorySources, type AdvisoryStatus, type ExtractedDraft } from './advisories.table.js';
import { exploitedFromText } from '../normalize/exploited.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

export type AdvisoryDetails = typeof advisories.$inferSelect & {
  products: (typeof advisoryProducts.$inferSelect)[];
  actions: (typeof advisoryActions.$inferSelect)[];
  cves: string[];
  noticeIds: number[];
};

export function getAdvisory(db: Writer, id: number): AdvisoryDetails | undefined {
  const advisory = db.select().from(advisories).where(eq(advisories.id, id)).get();
  if (!advisory) return undefined;
  return {
    ...advisory,
    products: db.select().from(advisoryProducts).where(eq(advisoryProducts.advisoryId, id)).orderBy(asc(advisoryProducts.productId)).all(),
    actions: db.select().from(advisoryActions).where(eq(advisoryActions.advisoryId, id)).orderBy(asc(advisoryActions.position)).all(),
    cves: db.select().from(advisoryCves).where(eq(advisoryCves.advisoryId, id)).all().map((r) => r.cve),
    noticeIds: db.select().from(advisorySources).where(eq(advisorySources.advisoryId, id)).all().map((r) => r.noticeId),
  };
}

/** The notices an advisory was made from, with their publishers and own ids, in the order they were attached. */
export function advisorySourceList(db: Writer, advisoryId: number) {
  return db
    .select({ publisher: sources.publisher, title: notices.title, url: notices.url, externalId: notices.externalId, publishedAt: notices.publishedAt })
    .from(advisorySources)
    .innerJoin(notices, eq(notices.id, advisorySources.noticeId))
    .innerJoin(sources, eq(sources.id, notices.sourceId))
    .where(eq(advisorySources.advisoryId, advisoryId))
    .orderBy(asc(advisorySources.addedAt))
    .all();
}

export function advisoryIdForNotice(db: Writer, noticeId: number): number | undefined {
  return db.select({ id: advisorySources.advisoryId }).from(advisorySources).where(eq(advisorySources.noticeId, noticeId)).get()?.id;
}

/** Advisories still open for new reports (drafts and published ones) that name any of the products. */
export function openAdvisoriesForProducts(db: Writer, productIds: string[]): AdvisoryDetails[] {
  if (productIds.length === 0) return [];
  const ids = db
    .selectDistinct({ id: advisoryProducts.advisoryId })
    .from(advisoryProducts)
    .innerJoin(advisories, eq(advisories.id, advisoryProducts.advisoryId))
    .where(and(inArray(advisoryProducts.productId, productIds), inArray(advisories.status, ['draft', 'published', 'archive'])))
    .all();
  return ids.map((r) => getAdvisory(db, r.id)!);
}

/** Open advisories whose date (the publisher's, else when recorded) lies within `windowMs` of `when`. */
export function openAdvisoriesAround(db: Writer, when: Date, windowMs: number): AdvisoryDetails[] {
  const at = sql`coalesce(${advisories.publishedAt}, ${advisories.createdAt})`;
  const ids = db
    .select({ id: advisories.id })
    .from(advisories)
    .where(and(inArray(advisories.status, ['draft', 'published', 'archive']), between(at, when.getTime() - windowMs, when.getTime() + windowMs)))
    .orderBy(desc(advisories.id))
    .limit(500)
    .all();
  return ids.map((r) => getAdvisory(db, r.id)!);
}

export function insertAdvisory(
  tx: Tx,
  x: Extraction,
  { status, noticeId, now, archiveReason = null }: { status: AdvisoryStatus; noticeId: number; now: Date; archiveReason?: string | null },
): number {
  const row = tx
    .insert(advisories)
    .values({
      title: x.title,
      summary: x.summary,
      severity: x.severity,
      status,
      relevant: x.relevant,
      relevanceReason: x.relevanceReason,
      vendorId: x.vendorId,
      publishedAt: x.published ? new Date(x.published) : null,
      // An archived advisory is listed publicly from now on, under its own date.
      releasedAt: status === 'published' || status === 'archive' ? now : null,
      archiveReason,
      // "wird aktiv ausgenutzt" in the notice's words raises the urgency; the editor can clear or set it.
      exploited: exploitedFromText(extractionText(x)),
      extracted: extractedDraft(x),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: advisories.id })
    .get();
  writeContent(tx, row.id, contentOf(x));
  tx.insert(advisorySources).values({ advisoryId: row.id, noticeId, addedAt: now }).run();
  tx.insert(advisoryRevisions).values({ advisoryId: row.id, revision: 1, changedFields: [], material: false, noticeId, createdAt: now }).run();
  return row.id;
}

/** Everything an extraction quotes of its notice: title, summary, actions and the sentences behind each field. */
function extractionText(x: Extraction): string {
  return [x.title, x.summary, ...x.actions, ...x.evidence.map((e) => e.text)].join('\n');
}

/** The extractor's draft as the editor first sees it, kept beside what gets published (see `advisories.extracted`). */
export function extractedDraft(x: Extraction): ExtractedDraft {
  return {
    relevant: x.relevant,
    title: x.title,
    summary: x.summary,
    severity: x.severity,
    vendorId: x.vendorId,
    products: x.products.map((p) => ({ id: p.id, affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
    actions: [...x.actions],
    cves: [...x.cves],
    published: x.published,
  };
}

/** What an advisory says, apart from its status: the part that extraction, merging and editors change. */
export type AdvisoryContent = {
  products: Extraction['products'];
  actions: { text: string; evidence: string | null }[];
  cves: string[];
};

export function contentOf(x: Extraction): AdvisoryContent {
  const evidence = x.evidence.filter((e) => e.field === 'actions');
  return { products: x.products, actions: x.actions.map((text, i) => ({ text, evidence: evidence[i]?.text ?? null })), cves: x.cves };
}

/** Replaces products, actions and CVEs of an advisory. */
export function writeContent(tx: Tx, advisoryId: number, content: AdvisoryContent): void {
  tx.delete(advisoryProducts).where(eq(advisoryProducts.advisoryId, advisoryId)).run();
  tx.delete(advisoryActions).where(eq(advisoryActions.advisoryId, advisoryId)).run();
  tx.delete(advisoryCves).where(eq(advisoryCves.advisoryId, advisoryId)).run();
  for (const p of content.products) {
    tx.insert(advisoryProducts).values({ advisoryId, productId: p.id, affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion }).run();
  }
  content.actions.forEach((a, position) => {
    tx.insert(advisoryActions).values({ advisoryId, position, text: a.text, evidence: a.evidence }).run();
  });
  for (const cve of content.cves) tx.insert(advisoryCves).values({ advisoryId, cve }).onConflictDoNothing().run();
}

export function attachNotice(tx: Tx, advisoryId: number, noticeId: number, now: Date): void {
  tx.insert(advisorySources).values({ advisoryId, noticeId, addedAt: now }).onConflictDoNothing().run();
}

export function recordRevision(
  tx: Tx,
  advisoryId: number,
  { changedFields, material, noticeId, now, severity }: { changedFields: string[]; material: boolean; noticeId: number; now: Date; severity: Extraction['severity'] },
): number {
  const current = tx.select({ revision: advisories.revision }).from(advisories).where(eq(advisories.id, advisoryId)).get()!;
  const revision = current.revision + 1;
  tx.update(advisories).set({ revision, severity, updatedAt: now }).where(eq(advisories.id, advisoryId)).run();
  tx.insert(advisoryRevisions).values({ advisoryId, revision, changedFields, material, noticeId, createdAt: now }).run();
  return revision;
}

/** Published advisories whose deliveries were never written (their match job was lost). */
export function unmatchedPublishedIds(db: Writer): number[] {
  return db
    .select({ id: advisories.id })
    .from(advisories)
    .where(and(eq(advisories.status, 'published'), isNull(advisories.matchedAt)))
    .all()
    .map((r) => r.id);
}
