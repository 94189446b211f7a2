import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../advisories/advisories.repository.js';
import type { Db } from '../db/client.js';
import { productProposals } from './proposals.table.js';

export type ProposalInput = { name: string; evidence: string };

/** Trimmed, single spaces: the same name seen twice is one proposal. */
export function normalizeProposalName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * Records names the extractor proposes for the catalog: a new name becomes an open proposal with its first
 * evidence; a name seen again in another notice counts up (the same notice normalized again does not).
 */
export function recordProposals(db: Db | Tx, proposals: ProposalInput[], { noticeId, vendorId, now }: { noticeId: number; vendorId: string | null; now: Date }): void {
  for (const p of proposals) {
    const name = normalizeProposalName(p.name);
    const existing = db.select({ id: productProposals.id, noticeId: productProposals.noticeId }).from(productProposals).where(eq(productProposals.name, name)).get();
    if (!existing) {
      db.insert(productProposals).values({ name, vendorId, evidence: p.evidence, noticeId, createdAt: now }).onConflictDoNothing().run();
    } else if (existing.noticeId !== noticeId) {
      db.update(productProposals).set({ seenCount: sql`${productProposals.seenCount} + 1` }).where(eq(productProposals.id, existing.id)).run();
    }
  }
}

export function listProposals(db: Db | Tx) {
  return db.select().from(productProposals).orderBy(sql`${productProposals.seenCount} desc`, productProposals.name).all();
}
