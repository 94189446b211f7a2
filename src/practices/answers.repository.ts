import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { impactAnswers, type ImpactAnswer, type ImpactReason } from './practices.table.js';

export type ImpactAnswerRow = typeof impactAnswers.$inferSelect;

export type ImpactAnswerInput = {
  practiceId: number;
  advisoryId: number;
  answer: ImpactAnswer;
  /** Only kept with `nicht_betroffen`. */
  reason?: ImpactReason | null;
  productId?: string | null;
  version?: string | null;
  /** The IT service firm answering for the practice. */
  firmId?: number | null;
};

/**
 * Records the practice's "Betrifft uns?" answer to an advisory. The last answer counts; the same answer again
 * changes nothing (the first `answeredAt` stays), so a second click or a reloaded form is harmless.
 */
export function recordImpactAnswer(db: Db, input: ImpactAnswerInput, now: Date): void {
  const reason = input.answer === 'nicht_betroffen' ? (input.reason ?? null) : null;
  const row = {
    practiceId: input.practiceId,
    advisoryId: input.advisoryId,
    answer: input.answer,
    reason,
    productId: reason ? (input.productId ?? null) : null,
    version: reason === 'aktualisiert' ? input.version?.trim() || null : null,
    firmId: input.firmId ?? null,
  };
  const existing = impactAnswerOf(db, input.practiceId, input.advisoryId);
  if (existing && sameAnswer(existing, row)) return;
  db.insert(impactAnswers)
    .values({ ...row, answeredAt: now })
    .onConflictDoUpdate({
      target: [impactAnswers.practiceId, impactAnswers.advisoryId],
      set: { answer: row.answer, reason: row.reason, productId: row.productId, version: row.version, firmId: row.firmId, answeredAt: now },
    })
    .run();
}

/** Same answer, reason, product and version: who gave it (practice or firm) does not make it a new answer. */
function sameAnswer(a: Pick<ImpactAnswerRow, 'answer' | 'reason' | 'productId' | 'version'>, b: Pick<ImpactAnswerRow, 'answer' | 'reason' | 'productId' | 'version'>): boolean {
  return a.answer === b.answer && a.reason === b.reason && a.productId === b.productId && a.version === b.version;
}

export function impactAnswerOf(db: Db, practiceId: number, advisoryId: number): ImpactAnswerRow | undefined {
  return db
    .select()
    .from(impactAnswers)
    .where(and(eq(impactAnswers.practiceId, practiceId), eq(impactAnswers.advisoryId, advisoryId)))
    .get();
}

/** The practice's answers to the given advisories, by advisory id. */
export function impactAnswersOf(db: Db, practiceId: number, advisoryIds: number[]): Map<number, ImpactAnswerRow> {
  if (advisoryIds.length === 0) return new Map();
  const rows = db
    .select()
    .from(impactAnswers)
    .where(and(eq(impactAnswers.practiceId, practiceId), inArray(impactAnswers.advisoryId, advisoryIds)))
    .all();
  return new Map(rows.map((r) => [r.advisoryId, r]));
}
