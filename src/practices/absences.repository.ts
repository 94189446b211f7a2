import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { deliveries } from '../notify/deliveries.table.js';
import { messageIdFor } from '../notify/message-id.js';
import { berlinDay } from './absence-days.js';
import type { AbsenceInput } from './absence.models.js';
import { absences } from './practices.table.js';
import type { QueuedMail } from './signup.usecases.js';

export type Absence = typeof absences.$inferSelect;

/** The dedupe key of the one `held` mail of a closing period, and the mark of the alerts folded into it. */
export const heldKey = (absenceId: number) => `held:${absenceId}`;

const notCancelled = isNull(absences.cancelledAt);

/** The practice's closing period that is running or still to come on `today`, if any (the latest one set). */
export function currentAbsence(db: Db, practiceId: number, today: string): Absence | undefined {
  return db
    .select()
    .from(absences)
    .where(and(eq(absences.practiceId, practiceId), notCancelled, gte(absences.lastDay, today)))
    .orderBy(desc(absences.id))
    .get();
}

export function absenceById(db: Db, id: number): Absence | undefined {
  return db.select().from(absences).where(eq(absences.id, id)).get();
}

/** Confirmed, not cancelled periods covering `day`, by practice: while these run, mails go to the deputy or wait. */
export function confirmedAbsencesOn(db: Db, day: string): Map<number, Absence> {
  const rows = db
    .select()
    .from(absences)
    .where(and(notCancelled, isNotNull(absences.deputyConfirmedAt), lte(absences.firstDay, day), gte(absences.lastDay, day)))
    .orderBy(absences.id)
    .all();
  return new Map(rows.map((a) => [a.practiceId, a]));
}

/** SQL: the practice (`practiceId`, a column) is closed on `day` with a confirmed deputy. Digests skip such practices. */
export function closedOn(practiceId: SQLWrapper, day: string): SQL {
  return sql`exists (select 1 from ${absences} where ${absences.practiceId} = ${practiceId} and ${absences.cancelledAt} is null
    and ${absences.deputyConfirmedAt} is not null and ${absences.firstDay} <= ${day} and ${absences.lastDay} >= ${day})`;
}

/**
 * Sets the practice's closing period and deputy (replacing a running or future one: one at a time) and writes the
 * deputy's confirmation mail, in one transaction. Nothing is redirected until the deputy confirms.
 */
export function setAbsence(db: Db, practiceId: number, input: AbsenceInput, { now, mailDomain }: { now: Date; mailDomain: string }): { absence: Absence; mail: QueuedMail } {
  // better-sqlite3 is synchronous: statements on `db` inside the callback belong to the transaction.
  return db.transaction(() => {
    cancelRunning(db, practiceId, now);
    const absence = db.insert(absences).values({ practiceId, ...input, createdAt: now }).returning().get();
    const dedupeKey = `deputy_confirm:${absence.id}`;
    const row = db
      .insert(deliveries)
      .values({ practiceId, kind: 'deputy_confirm', dedupeKey, recipient: input.deputyEmail, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now })
      .returning({ id: deliveries.id, attempts: deliveries.attempts })
      .get();
    return { absence, mail: { deliveryId: row.id, attempts: row.attempts } };
  });
}

/** Ends the practice's running or future closing period at once. Harmless twice. Returns whether there was one. */
export function cancelAbsence(db: Db, practiceId: number, now: Date): boolean {
  return db.transaction(() => cancelRunning(db, practiceId, now));
}

/**
 * Cancels the running or future periods; what waited goes out now (the held mail) and what was routed to the deputy
 * but not yet sent goes to the practice again. The caller holds the transaction.
 */
function cancelRunning(db: Db, practiceId: number, now: Date): boolean {
  const running = db
    .update(absences)
    .set({ cancelledAt: now })
    .where(and(eq(absences.practiceId, practiceId), notCancelled, gte(absences.lastDay, berlinDay(now))))
    .returning()
    .all();
  if (running.length === 0) return false;
  db.update(deliveries)
    .set({ notBefore: now })
    .where(and(inArray(deliveries.dedupeKey, running.map((a) => heldKey(a.id))), eq(deliveries.status, 'pending')))
    .run();
  db.update(deliveries)
    .set({ recipient: null })
    .where(
      and(
        eq(deliveries.practiceId, practiceId),
        eq(deliveries.status, 'pending'),
        inArray(deliveries.kind, ['alert', 'update', 'reminder']),
        inArray(deliveries.recipient, running.map((a) => a.deputyEmail)),
      ),
    )
    .run();
  return true;
}

/** How many deputies the practice asked since `since`: each request mails an address the practice typed in. */
export function deputyRequestsSince(db: Db, practiceId: number, since: Date): number {
  return db
    .select({ id: absences.id })
    .from(absences)
    .where(and(eq(absences.practiceId, practiceId), gte(absences.createdAt, since)))
    .all().length;
}

export type ConfirmDeputyResult = 'confirmed' | 'already' | 'gone';

/** The deputy's "yes" (idempotent): 'gone' when the practice cancelled the period or it is over. */
export function confirmDeputy(db: Db, absenceId: number, now: Date): ConfirmDeputyResult {
  const absence = absenceById(db, absenceId);
  if (!absence || absence.cancelledAt || absence.lastDay < berlinDay(now)) return 'gone';
  if (absence.deputyConfirmedAt) return 'already';
  db.update(absences).set({ deputyConfirmedAt: now }).where(and(eq(absences.id, absenceId), isNull(absences.deputyConfirmedAt))).run();
  return 'confirmed';
}

/** The period a deputy mail was sent for: the practice's latest period with that deputy (for the line "für die Praxis …"). */
export function absenceForDeputy(db: Db, practiceId: number, deputyEmail: string): Absence | undefined {
  return db
    .select()
    .from(absences)
    .where(and(eq(absences.practiceId, practiceId), eq(absences.deputyEmail, deputyEmail)))
    .orderBy(desc(absences.id))
    .get();
}
