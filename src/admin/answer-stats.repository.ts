import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { matches } from '../notify/deliveries.table.js';
import { impactAnswers, practices, type ImpactAnswer, type ImpactReason } from '../practices/practices.table.js';

/**
 * "Betrifft uns?" for one advisory: how many practices answered each way, and how many of the practices it matched
 * (still subscribed) gave no answer.
 */
export type AnswerCounts = { betroffen: number; nicht_betroffen: number; unklar: number; keine: number };

export function answerCounts(db: Db, advisoryId: number): AnswerCounts {
  const counts: AnswerCounts = { betroffen: 0, nicht_betroffen: 0, unklar: 0, keine: 0 };
  const rows = db
    .select({ answer: impactAnswers.answer, n: sql<number>`count(*)` })
    .from(impactAnswers)
    .where(eq(impactAnswers.advisoryId, advisoryId))
    .groupBy(impactAnswers.answer)
    .all();
  for (const r of rows) counts[r.answer] = r.n;
  counts.keine = unansweredQuery(db, advisoryId).all().length;
  return counts;
}

function unansweredQuery(db: Db, advisoryId: number) {
  return db
    .selectDistinct({ id: practices.id, name: practices.name, email: practices.email, status: practices.status })
    .from(matches)
    .innerJoin(practices, eq(practices.id, matches.practiceId))
    .leftJoin(impactAnswers, and(eq(impactAnswers.practiceId, matches.practiceId), eq(impactAnswers.advisoryId, advisoryId)))
    // A practice that unsubscribed since can no longer answer.
    .where(and(eq(matches.advisoryId, advisoryId), isNull(impactAnswers.practiceId), ne(practices.status, 'unsubscribed')))
    .orderBy(asc(practices.name), asc(practices.id));
}

export type PracticeRef = { id: number; name: string; email: string; status: string };
export type AnsweredPractice = PracticeRef & { answer: ImpactAnswer; reason: ImpactReason | null; version: string | null; answeredAt: Date; byFirm: boolean };

/** The matched practices that have not answered, by name. */
export function unansweredPractices(db: Db, advisoryId: number): PracticeRef[] {
  return unansweredQuery(db, advisoryId).all();
}

/** Every answer to the advisory with its practice, by name. */
export function answeredPractices(db: Db, advisoryId: number): AnsweredPractice[] {
  return db
    .select({
      id: practices.id,
      name: practices.name,
      email: practices.email,
      status: practices.status,
      answer: impactAnswers.answer,
      reason: impactAnswers.reason,
      version: impactAnswers.version,
      answeredAt: impactAnswers.answeredAt,
      firmId: impactAnswers.firmId,
    })
    .from(impactAnswers)
    .innerJoin(practices, eq(practices.id, impactAnswers.practiceId))
    .where(eq(impactAnswers.advisoryId, advisoryId))
    .orderBy(asc(practices.name), asc(practices.id))
    .all()
    .map(({ firmId, ...r }) => ({ ...r, byFirm: firmId !== null }));
}
