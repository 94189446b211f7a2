import type { Db } from '../../src/db/client.js';
import { advisories, advisoryActions, advisoryProducts, type Severity } from '../../src/db/schema.js';

/** A published advisory as an editor would release it, written straight into the tables. */
export function publishAdvisory(
  db: Db,
  a: { title: string; severity: Severity; products: { id: string; fixedVersion?: string }[]; actions?: string[]; releasedAt?: Date; summary?: string },
): number {
  const now = a.releasedAt ?? new Date();
  const id = db
    .insert(advisories)
    .values({
      title: a.title,
      summary: a.summary ?? 'Der Hersteller hat eine Sicherheitslücke geschlossen.',
      severity: a.severity,
      status: 'published',
      relevant: true,
      relevanceReason: 'Testfall',
      releasedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get().id;
  for (const p of a.products) db.insert(advisoryProducts).values({ advisoryId: id, productId: p.id, fixedVersion: p.fixedVersion ?? null }).run();
  (a.actions ?? []).forEach((text, position) => db.insert(advisoryActions).values({ advisoryId: id, position, text }).run());
  return id;
}
