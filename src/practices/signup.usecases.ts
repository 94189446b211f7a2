import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { deliveries } from '../notify/deliveries.table.js';
import { messageIdFor } from '../notify/message-id.js';
import { consentVersion } from './consent.js';
import type { SubscribeInput } from './preferences.models.js';
import { replaceSubscriptions } from './preferences.repository.js';
import { practices } from './practices.table.js';

/** A pending address that signs up again gets its confirmation again, but at most this often. */
export const confirmResendMs = 3600 * 1000;

export type QueuedMail = { deliveryId: number; attempts: number };

/**
 * Records a sign-up from the form and decides which mail it owes, without telling the caller anything it could
 * show (no enumeration): a new, pending or unsubscribed address becomes `pending` with the chosen products and
 * gets the confirmation mail (again at most once per hour); an active address keeps its settings and gets a
 * mail with its manage link instead (at most once per hour). Returns the mail to enqueue, if any.
 */
export function recordSignup(
  db: Db,
  input: SubscribeInput,
  { now, ip, mailDomain, origin = 'form' }: { now: Date; ip: string; mailDomain: string; /** `form`, or `import` for a CSV onboarding */ origin?: string },
): QueuedMail | null {
  return db.transaction((tx) => {
    const known = tx.select().from(practices).where(eq(practices.email, input.email)).get();
    if (known?.status === 'active') {
      const dedupeKey = `access:${known.id}:${now.toISOString().slice(0, 13)}`;
      const row = tx
        .insert(deliveries)
        .values({ practiceId: known.id, kind: 'access', dedupeKey, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now })
        .onConflictDoNothing({ target: deliveries.dedupeKey })
        .returning({ id: deliveries.id, attempts: deliveries.attempts })
        .get();
      return row ? { deliveryId: row.id, attempts: row.attempts } : null;
    }
    const fields = {
      name: input.name,
      cadence: input.cadence,
      minSeverity: input.minSeverity,
      partnerEmail: input.partnerEmail,
      tiOutages: input.tiOutages,
      status: 'pending' as const,
      origin,
      consentVersion,
      consentAt: now,
      consentIp: ip,
      createdAt: now,
      confirmedAt: null,
      unsubscribedAt: null,
    };
    const practice = known
      ? tx.update(practices).set(fields).where(eq(practices.id, known.id)).returning().get()
      : tx.insert(practices).values({ ...fields, email: input.email }).returning().get();
    replaceSubscriptions(tx, practice.id, input, now);

    const dedupeKey = `confirm:${practice.id}`;
    const previous = tx.select().from(deliveries).where(eq(deliveries.dedupeKey, dedupeKey)).get();
    if (!previous) {
      const row = tx
        .insert(deliveries)
        .values({ practiceId: practice.id, kind: 'confirm', dedupeKey, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now })
        .returning()
        .get();
      return { deliveryId: row.id, attempts: row.attempts };
    }
    const lastSent = previous.sentAt ?? previous.createdAt;
    const settled = previous.status === 'sent' || previous.status === 'failed';
    if (!settled || now.getTime() - lastSent.getTime() < confirmResendMs) return null;
    // The same row goes out again with a fresh Message-ID; its attempt count keeps the next send job id new.
    const row = tx
      .update(deliveries)
      .set({ status: 'pending', createdAt: now, sentAt: null, claimedAt: null, lastError: null, messageId: messageIdFor(`${dedupeKey}:${now.getTime()}`, mailDomain) })
      .where(eq(deliveries.id, previous.id))
      .returning()
      .get();
    return { deliveryId: row.id, attempts: row.attempts };
  });
}

export type ConfirmResult = 'confirmed' | 'already' | 'gone';

/** Activates a pending practice (the click on the confirmation link); harmless twice. */
export function confirmSignup(db: Db, practiceId: number, now: Date): ConfirmResult {
  const updated = db
    .update(practices)
    .set({ status: 'active', confirmedAt: now })
    .where(and(eq(practices.id, practiceId), eq(practices.status, 'pending')))
    .run().changes;
  if (updated > 0) return 'confirmed';
  const practice = db.select({ status: practices.status }).from(practices).where(eq(practices.id, practiceId)).get();
  return practice?.status === 'active' ? 'already' : 'gone';
}
