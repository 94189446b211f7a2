import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories, advisoryActions } from '../advisories/advisories.table.js';
import { acknowledgements, impactAnswers, type ImpactAnswer, type ImpactReason } from '../practices/practices.table.js';
import { firms } from './firms.table.js';

export type FirmNote =
  | { kind: 'tick'; at: Date; firmName: string; advisoryId: number; title: string; action: string | null }
  | { kind: 'answer'; at: Date; firmName: string; advisoryId: number; title: string; answer: ImpactAnswer; reason: ImpactReason | null };

/** What firms recorded for the practice (ticks and "Betrifft uns?" answers), newest first: shown on its manage page. */
export function firmNotes(db: Db, practiceId: number, limit = 20): FirmNote[] {
  const ticks = db
    .select({ at: acknowledgements.createdAt, firmName: firms.name, advisoryId: advisories.id, title: advisories.title, action: advisoryActions.text })
    .from(acknowledgements)
    .innerJoin(firms, eq(firms.id, acknowledgements.firmId))
    .innerJoin(advisories, eq(advisories.id, acknowledgements.advisoryId))
    .leftJoin(advisoryActions, and(eq(advisoryActions.advisoryId, acknowledgements.advisoryId), eq(advisoryActions.position, acknowledgements.actionPosition)))
    .where(and(eq(acknowledgements.practiceId, practiceId), isNotNull(acknowledgements.firmId)))
    .orderBy(desc(acknowledgements.createdAt))
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'tick' as const, ...r }));
  const answers = db
    .select({ at: impactAnswers.answeredAt, firmName: firms.name, advisoryId: advisories.id, title: advisories.title, answer: impactAnswers.answer, reason: impactAnswers.reason })
    .from(impactAnswers)
    .innerJoin(firms, eq(firms.id, impactAnswers.firmId))
    .innerJoin(advisories, eq(advisories.id, impactAnswers.advisoryId))
    .where(and(eq(impactAnswers.practiceId, practiceId), isNotNull(impactAnswers.firmId)))
    .orderBy(desc(impactAnswers.answeredAt))
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'answer' as const, ...r }));
  return [...ticks, ...answers].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
