import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { advisoryActions } from '../advisories/advisories.table.js';
import { matches } from '../notify/deliveries.table.js';
import { allActions, recordAcknowledgement } from '../practices/acknowledgements.repository.js';
import { recordImpactAnswer } from '../practices/answers.repository.js';
import { acknowledgements, impactAnswerValues, impactReasons } from '../practices/practices.table.js';
import { firmHasAccess, type Firm } from './firms.repository.js';

const id = z.coerce.number().int().positive();

/** The firm's "erledigt" form: one action (position ≥ 0) or all of them (-1) of an advisory, for one practice. */
export const tickForm = z.object({ practiceId: id, advisoryId: id, position: z.coerce.number().int().min(allActions) });

/** The firm's "Betrifft uns?" form; a reason only with "nicht betroffen". */
export const answerForm = z.object({
  practiceId: id,
  advisoryId: id,
  answer: z.enum(impactAnswerValues),
  reason: z.union([z.literal('').transform(() => null), z.enum(impactReasons)]).optional(),
});

export type FirmActionResult = 'recorded' | 'forbidden' | 'unknown';

/** The practice let the firm in (now) and the advisory concerns it: anything else is refused. */
function allowed(db: Db, firmId: number, practiceId: number, advisoryId: number): FirmActionResult | null {
  if (!firmHasAccess(db, firmId, practiceId)) return 'forbidden';
  const matched = db.select().from(matches).where(and(eq(matches.practiceId, practiceId), eq(matches.advisoryId, advisoryId))).get();
  return matched ? null : 'unknown';
}

/**
 * Ticks an action for the practice, recorded as done by the firm (its id, and its name as "by whom"). A tick that
 * exists already, the practice's own included, stays as it is: ticking twice changes nothing.
 */
export function tickForPractice(db: Db, firm: Firm, input: z.infer<typeof tickForm>, now: Date): FirmActionResult {
  const refused = allowed(db, firm.id, input.practiceId, input.advisoryId);
  if (refused) return refused;
  if (input.position !== allActions) {
    const action = db.select().from(advisoryActions).where(and(eq(advisoryActions.advisoryId, input.advisoryId), eq(advisoryActions.position, input.position))).get();
    if (!action) return 'unknown';
  }
  // The connection's own transaction, so that recordAcknowledgement writes with the same handle.
  db.$client.transaction(() => {
    const key = and(eq(acknowledgements.practiceId, input.practiceId), eq(acknowledgements.advisoryId, input.advisoryId), eq(acknowledgements.actionPosition, input.position));
    const before = db.select().from(acknowledgements).where(key).get();
    if (before) return;
    recordAcknowledgement(db, input.practiceId, input.advisoryId, input.position, now, { doneBy: firm.name });
    db.update(acknowledgements).set({ firmId: firm.id }).where(and(key, isNull(acknowledgements.firmId))).run();
  })();
  return 'recorded';
}

/** Answers "Betrifft uns?" for the practice, recorded with the firm's id (the last answer counts, as for the practice). */
export function answerForPractice(db: Db, firm: Firm, input: z.infer<typeof answerForm>, now: Date): FirmActionResult {
  const refused = allowed(db, firm.id, input.practiceId, input.advisoryId);
  if (refused) return refused;
  recordImpactAnswer(db, { practiceId: input.practiceId, advisoryId: input.advisoryId, answer: input.answer, reason: input.reason ?? null, firmId: firm.id }, now);
  return 'recorded';
}
