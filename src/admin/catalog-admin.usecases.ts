import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { productCategories, products, vendors } from '../catalog/catalog.table.js';
import { productProposals } from '../catalog/proposals.table.js';
import type { Db } from '../db/client.js';
import { writeAudit, type Actor } from './audit.repository.js';
import { CurationError } from './curation.errors.js';

const id = z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche');

export const acceptProposalSchema = z.object({
  productId: id,
  vendorId: id,
  name: z.string().trim().min(2).max(200),
  category: z.enum(productCategories),
  aliases: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
});

export function catalogOverview(db: Db) {
  const vendorRows = db.select().from(vendors).orderBy(asc(vendors.name)).all();
  const productRows = db.select().from(products).orderBy(asc(products.name)).all();
  return vendorRows.map((v) => ({ ...v, products: productRows.filter((p) => p.vendorId === v.id) }));
}

export function openProposals(db: Db) {
  return db.select().from(productProposals).where(eq(productProposals.status, 'open')).orderBy(desc(productProposals.seenCount), asc(productProposals.name)).all();
}

/**
 * Accepts a proposed name: creates the product in the database (editors can assign it at once) and closes the
 * proposal. The extractor's catalog is config/catalog.json; the product belongs there too, as the page says.
 */
export function acceptProposal(db: Db, actor: Actor, proposalId: number, input: unknown, now: Date): void {
  const data = acceptProposalSchema.parse(input);
  db.transaction((tx) => {
    const proposal = tx.select().from(productProposals).where(and(eq(productProposals.id, proposalId), eq(productProposals.status, 'open'))).get();
    if (!proposal) throw new CurationError('not_found', 'Diesen offenen Vorschlag gibt es nicht (mehr).');
    if (!tx.select().from(vendors).where(eq(vendors.id, data.vendorId)).get()) throw new CurationError('unknown_product', `Unbekannter Hersteller "${data.vendorId}".`);
    if (tx.select().from(products).where(eq(products.id, data.productId)).get()) throw new CurationError('invalid_target', `Es gibt bereits ein Produkt "${data.productId}".`);
    const aliases = [...new Set([proposal.name, ...data.aliases].filter((a) => a !== data.name))];
    tx.insert(products).values({ id: data.productId, vendorId: data.vendorId, name: data.name, category: data.category, aliases }).run();
    tx.update(productProposals).set({ status: 'accepted', decidedAt: now }).where(eq(productProposals.id, proposalId)).run();
    writeAudit(tx, actor, { action: 'proposal.accept', entity: 'product_proposal', entityId: proposalId, before: { name: proposal.name }, after: { ...data, aliases } }, now);
  });
}

export function dismissProposal(db: Db, actor: Actor, proposalId: number, now: Date): void {
  db.transaction((tx) => {
    const proposal = tx.select().from(productProposals).where(and(eq(productProposals.id, proposalId), eq(productProposals.status, 'open'))).get();
    if (!proposal) throw new CurationError('not_found', 'Diesen offenen Vorschlag gibt es nicht (mehr).');
    tx.update(productProposals).set({ status: 'dismissed', decidedAt: now }).where(eq(productProposals.id, proposalId)).run();
    writeAudit(tx, actor, { action: 'proposal.dismiss', entity: 'product_proposal', entityId: proposalId, before: { name: proposal.name, status: 'open' }, after: { status: 'dismissed' } }, now);
  });
}
