import { and, asc, countDistinct, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories, advisoryActions, type Severity } from '../advisories/advisories.table.js';
import { matches } from '../notify/deliveries.table.js';
import { acknowledgements } from './practices.table.js';

/** Position of the "alle Maßnahmen erledigt" acknowledgement. */
export const allActions = -1;

/** Records that the practice finished one action (or all, position -1); harmless twice. */
export function recordAcknowledgement(db: Db, practiceId: number, advisoryId: number, position: number, now: Date): void {
  db.insert(acknowledgements).values({ practiceId, advisoryId, actionPosition: position, createdAt: now }).onConflictDoNothing().run();
}

export type MatchedAdvisory = {
  id: number;
  title: string;
  severity: Severity;
  status: string;
  matchedAt: Date;
  actions: { position: number; text: string; done: boolean }[];
  allDone: boolean;
};

/** The advisories that matched the practice, newest first, each with its actions and which of them are done. */
export function matchedAdvisories(db: Db, practiceId: number, limit = 50): MatchedAdvisory[] {
  const rows = db
    .select({ id: advisories.id, title: advisories.title, severity: advisories.severity, status: advisories.status, matchedAt: matches.createdAt })
    .from(matches)
    .innerJoin(advisories, eq(advisories.id, matches.advisoryId))
    .where(eq(matches.practiceId, practiceId))
    .orderBy(desc(matches.createdAt), desc(advisories.id))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const actions = db.select().from(advisoryActions).where(inArray(advisoryActions.advisoryId, ids)).orderBy(asc(advisoryActions.position)).all();
  const acks = db
    .select()
    .from(acknowledgements)
    .where(and(eq(acknowledgements.practiceId, practiceId), inArray(acknowledgements.advisoryId, ids)))
    .all();
  return rows.map((r) => {
    const done = new Set(acks.filter((a) => a.advisoryId === r.id).map((a) => a.actionPosition));
    const allDone = done.has(allActions);
    return {
      ...r,
      allDone,
      actions: actions.filter((a) => a.advisoryId === r.id).map((a) => ({ position: a.position, text: a.text, done: allDone || done.has(a.position) })),
    };
  });
}

/**
 * For admins: how many practices an advisory matched and how many of them confirmed all actions (the "alle"
 * link, or every single action).
 */
export function acknowledgementSummary(db: Db, advisoryId: number): { matched: number; allDone: number; someDone: number } {
  const matched = db.select({ n: countDistinct(matches.practiceId) }).from(matches).where(eq(matches.advisoryId, advisoryId)).get()?.n ?? 0;
  const actionCount = db.select({ n: sql<number>`count(*)` }).from(advisoryActions).where(eq(advisoryActions.advisoryId, advisoryId)).get()?.n ?? 0;
  const perPractice = db
    .select({ practiceId: acknowledgements.practiceId, all: sql<number>`max(${acknowledgements.actionPosition} = -1)`, n: sql<number>`count(*)` })
    .from(acknowledgements)
    .where(eq(acknowledgements.advisoryId, advisoryId))
    .groupBy(acknowledgements.practiceId)
    .all();
  const allDone = perPractice.filter((p) => p.all === 1 || (actionCount > 0 && p.n >= actionCount)).length;
  return { matched, allDone, someDone: perPractice.length - allDone };
}
