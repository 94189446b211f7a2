import { and, eq, gte, inArray, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories, advisoryActions } from '../advisories/advisories.table.js';
import { acknowledgements, impactAnswers, practices } from '../practices/practices.table.js';
import { deliveries, matches } from './deliveries.table.js';
import { messageIdFor } from './message-id.js';

const day = 86_400_000;
// Older advisories are not reminded of, e.g. right after an upgrade that introduced reminders.
const reminderWindowDays = 60;
// The deadline of "Zeitnah handeln" for a `mittel` (or unrated) advisory with actions; see urgency.ts.
const monthDays = 30;

/**
 * One reminder per practice and advisory with actions that is "Sofort handeln" or "Zeitnah handeln": `days` after
 * release for `kritisch`/`hoch` or an advisory being exploited (whatever its severity), `days` before the 30-day
 * deadline for a `mittel` or unrated one; "Zur Kenntnis" (`niedrig`) never. Only to practices that matched it, have
 * not confirmed ("erledigt") all its actions and have not answered "nicht betroffen". Returns the deliveries written.
 */
export function writeReminderDeliveries(db: Db, { now, days, mailDomain }: { now: Date; days: number; mailDomain: string }): number[] {
  if (days <= 0) return [];
  const due = db
    .select({ id: advisories.id })
    .from(advisories)
    .where(
      and(
        eq(advisories.status, 'published'),
        eq(advisories.category, 'security'), // TI outages are never reminded of
        or(
          // "Sofort" or "Zeitnah handeln" within a week: `days` after release.
          and(or(inArray(advisories.severity, ['kritisch', 'hoch']), eq(advisories.exploited, true)), lte(advisories.releasedAt, new Date(now.getTime() - days * day))),
          // "Zeitnah handeln" within 30 days (`mittel`, or unrated): `days` before that deadline.
          and(inArray(advisories.severity, ['mittel', 'unbekannt']), lte(advisories.releasedAt, new Date(now.getTime() - Math.max(days, monthDays - days) * day))),
        ),
        gte(advisories.releasedAt, new Date(now.getTime() - (days + reminderWindowDays) * day)),
        sql`exists (select 1 from ${advisoryActions} where ${advisoryActions.advisoryId} = ${advisories.id})`,
      ),
    )
    .all();
  const written: number[] = [];
  for (const { id: advisoryId } of due) {
    const open = db
      .select({ practiceId: matches.practiceId })
      .from(matches)
      .innerJoin(practices, eq(practices.id, matches.practiceId))
      .where(
        and(
          eq(matches.advisoryId, advisoryId),
          eq(practices.status, 'active'),
          isNull(practices.suppressedAt),
          notExists(
            db
              .select({ one: sql`1` })
              .from(acknowledgements)
              .where(and(eq(acknowledgements.practiceId, matches.practiceId), eq(acknowledgements.advisoryId, advisoryId), eq(acknowledgements.actionPosition, -1))),
          ),
          // "Nicht betroffen, …": nothing to remind of.
          notExists(
            db
              .select({ one: sql`1` })
              .from(impactAnswers)
              .where(and(eq(impactAnswers.practiceId, matches.practiceId), eq(impactAnswers.advisoryId, advisoryId), eq(impactAnswers.answer, 'nicht_betroffen'))),
          ),
          // Confirming every action one by one counts as done, too.
          sql`(select count(*) from ${acknowledgements} where ${acknowledgements.practiceId} = ${matches.practiceId} and ${acknowledgements.advisoryId} = ${advisoryId} and ${acknowledgements.actionPosition} >= 0)
            < (select count(*) from ${advisoryActions} where ${advisoryActions.advisoryId} = ${advisoryId})`,
        ),
      )
      .all();
    db.transaction((tx) => {
      for (const { practiceId } of open) {
        const dedupeKey = `reminder:${advisoryId}:${practiceId}`;
        const row = tx
          .insert(deliveries)
          .values({ practiceId, advisoryId, kind: 'reminder', dedupeKey, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now })
          .onConflictDoNothing({ target: deliveries.dedupeKey })
          .returning({ id: deliveries.id })
          .get();
        if (row) written.push(row.id);
      }
    });
  }
  return written;
}
