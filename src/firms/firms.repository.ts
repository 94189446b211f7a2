import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { OwedDelivery } from '../notify/send-jobs.js';
import { practices } from '../practices/practices.table.js';
import { firmConsentVersion } from './firm-consent.js';
import { hourBucket, writeFirmDelivery } from './firm-outbox.js';
import { firmPractices, firms } from './firms.table.js';

export type Firm = typeof firms.$inferSelect;
type MailOptions = { now: Date; mailDomain: string };

export function getFirm(db: Db, id: number): Firm | undefined {
  return db.select().from(firms).where(eq(firms.id, id)).get();
}

/**
 * Records a firm's sign-up without telling the caller anything it could show (no enumeration): a new, pending or
 * unsubscribed address becomes `pending` and gets the confirmation mail, an active one keeps everything and gets
 * the link to its page instead; each at most once per hour. Returns the mail to enqueue, if any.
 */
export function recordFirmSignup(db: Db, input: { name: string; email: string }, { now, mailDomain }: MailOptions): OwedDelivery | null {
  return db.transaction((tx) => {
    const known = tx.select().from(firms).where(eq(firms.email, input.email)).get();
    if (known?.status === 'active') {
      return writeFirmDelivery(tx, { firmId: known.id, kind: 'firm_access', dedupeKey: `firm_access:${known.id}:${hourBucket(now)}` }, { now, mailDomain });
    }
    // createdAt restarts: the confirmation link is valid for 7 days from the latest sign-up.
    const fields = { name: input.name, status: 'pending' as const, consentVersion: firmConsentVersion, consentAt: now, createdAt: now, confirmedAt: null, unsubscribedAt: null };
    const firm = known
      ? tx.update(firms).set(fields).where(eq(firms.id, known.id)).returning().get()
      : tx.insert(firms).values({ ...fields, email: input.email }).returning().get();
    return writeFirmDelivery(tx, { firmId: firm.id, kind: 'firm_confirm', dedupeKey: `firm_confirm:${firm.id}:${hourBucket(now)}` }, { now, mailDomain });
  });
}

/**
 * Activates a pending firm that signed up itself (the click on its confirmation link); harmless twice. From then on
 * it sees every practice that invited it and has not revoked the invitation.
 */
export function confirmFirm(db: Db, firmId: number, now: Date): 'confirmed' | 'already' | 'gone' {
  const updated = db
    .update(firms)
    .set({ status: 'active', confirmedAt: now })
    .where(and(eq(firms.id, firmId), eq(firms.status, 'pending')))
    .run().changes;
  if (updated > 0) return 'confirmed';
  return getFirm(db, firmId)?.status === 'active' ? 'already' : 'gone';
}

/** Ends the firm's subscription and all of its access at once: every practice has to invite it again. */
export function unsubscribeFirm(db: Db, firmId: number, now: Date): void {
  db.transaction((tx) => {
    tx.update(firms).set({ status: 'unsubscribed', unsubscribedAt: now }).where(and(eq(firms.id, firmId), ne(firms.status, 'unsubscribed'))).run();
    tx.update(firmPractices).set({ revokedAt: now }).where(and(eq(firmPractices.firmId, firmId), isNull(firmPractices.revokedAt))).run();
  });
}

export type Invitation = { firm: Firm; result: 'invited' | 'already' | 'optedOut'; mail: OwedDelivery | null };

/**
 * A practice invites a firm by its address. An unknown address becomes a pending firm (it signs up through the
 * invitation mail; access starts when it confirms). A firm that unsubscribed is not mailed; the invitation waits
 * until it signs up again. Inviting again while the invitation stands changes nothing.
 */
export function inviteFirm(db: Db, practiceId: number, email: string, { now, mailDomain }: MailOptions): Invitation {
  return db.transaction((tx) => {
    const firm =
      tx.select().from(firms).where(eq(firms.email, email)).get() ??
      // The name is unknown until the firm signs up; the address stands in for it.
      tx.insert(firms).values({ name: email, email, status: 'pending', createdAt: now }).returning().get();
    const link = tx.select().from(firmPractices).where(and(eq(firmPractices.firmId, firm.id), eq(firmPractices.practiceId, practiceId))).get();
    if (link && link.revokedAt === null) return { firm, result: 'already' as const, mail: null };
    tx.insert(firmPractices)
      .values({ firmId: firm.id, practiceId, invitedAt: now })
      .onConflictDoUpdate({ target: [firmPractices.firmId, firmPractices.practiceId], set: { invitedAt: now, revokedAt: null } })
      .run();
    if (firm.status === 'unsubscribed') return { firm, result: 'optedOut' as const, mail: null };
    const mail = writeFirmDelivery(
      tx,
      { firmId: firm.id, kind: 'firm_invited', dedupeKey: `firm_invited:${firm.id}:${practiceId}:${now.getTime()}`, practiceIds: [practiceId] },
      { now, mailDomain },
    );
    return { firm, result: 'invited' as const, mail };
  });
}

/** Ends a firm's access to the practice at once; harmless twice. */
export function revokeFirm(db: Db, practiceId: number, firmId: number, now: Date): void {
  db.update(firmPractices)
    .set({ revokedAt: now })
    .where(and(eq(firmPractices.firmId, firmId), eq(firmPractices.practiceId, practiceId), isNull(firmPractices.revokedAt)))
    .run();
}

/** The firms a practice has invited and not revoked, with their state (pending ones do not see anything yet). */
export function firmsOfPractice(db: Db, practiceId: number): { id: number; name: string; email: string; status: Firm['status']; invitedAt: Date }[] {
  return db
    .select({ id: firms.id, name: firms.name, email: firms.email, status: firms.status, invitedAt: firmPractices.invitedAt })
    .from(firmPractices)
    .innerJoin(firms, eq(firms.id, firmPractices.firmId))
    .where(and(eq(firmPractices.practiceId, practiceId), isNull(firmPractices.revokedAt)))
    .orderBy(asc(firmPractices.invitedAt))
    .all();
}

/** The active practices an active firm looks after right now (invited, not revoked), by name (German collation: Ä with A). */
export function practicesOfFirm(db: Db, firmId: number): { id: number; name: string }[] {
  const rows = db
    .select({ id: practices.id, name: practices.name })
    .from(firmPractices)
    .innerJoin(practices, eq(practices.id, firmPractices.practiceId))
    .innerJoin(firms, eq(firms.id, firmPractices.firmId))
    .where(and(eq(firmPractices.firmId, firmId), isNull(firmPractices.revokedAt), eq(practices.status, 'active'), eq(firms.status, 'active')))
    .all();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id - b.id);
}

/** Whether the firm may act for the practice now: checked on every request, so a revocation takes effect at once. */
export function firmHasAccess(db: Db, firmId: number, practiceId: number): boolean {
  return practicesOfFirm(db, firmId).some((p) => p.id === practiceId);
}
