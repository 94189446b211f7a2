import { and, asc, countDistinct, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories, advisoryActions, advisoryProducts, type Severity } from '../advisories/advisories.table.js';
import { affectedProducts } from '../notify/alert-data.js';
import { coveredProducts } from './preferences.repository.js';
import { matches } from '../notify/deliveries.table.js';
import { acknowledgements } from './practices.table.js';

/** Position of the "alle Maßnahmen erledigt" acknowledgement. */
export const allActions = -1;

/**
 * Records that the practice finished one action (or all, position -1), with the name typed when ticking if any;
 * harmless twice: the first tick, its date and its name stay.
 */
export function recordAcknowledgement(db: Db, practiceId: number, advisoryId: number, position: number, now: Date, { doneBy = null }: { doneBy?: string | null } = {}): void {
  db.insert(acknowledgements).values({ practiceId, advisoryId, actionPosition: position, doneBy: cleanDoneBy(doneBy), createdAt: now }).onConflictDoNothing().run();
}

/** Longest name kept from "Erledigt von": enough for "Dr. med. Anna-Lena Müller-Lüdenscheidt (MFA)". */
export const doneByMaxLength = 80;

/** The typed name, trimmed, inner whitespace and control characters collapsed to one space, cut at 80; '' → null. */
export function cleanDoneBy(raw: string | null | undefined): string | null {
  const name = (raw ?? '').replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ').trim();
  return name === '' ? null : [...name].slice(0, doneByMaxLength).join('').trim();
}

export type MatchedAdvisory = {
  id: number;
  title: string;
  severity: Severity;
  status: string;
  /** When it matched the practice; for `known` ones, the advisory's own date (or when it was listed here). */
  matchedAt: Date;
  /** Known before the practice subscribed (or archived): on its products, but never mailed to it. */
  known?: boolean;
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
  return withActions(db, practiceId, rows);
}

/**
 * Public advisories (published or archived) on the practice's products that were never mailed to it: what was
 * already known when it subscribed, and the archive. Products it runs in a fixed version are left out, as in
 * matching; newest first by the advisory's own date.
 */
export function knownAdvisories(db: Db, practiceId: number, limit = 20): MatchedAdvisory[] {
  const covered = coveredProducts(db, practiceId);
  if (covered.size === 0) return [];
  const mailed = db.select({ id: matches.advisoryId }).from(matches).where(eq(matches.practiceId, practiceId));
  const candidates = db
    .select({ advisoryId: advisoryProducts.advisoryId, productId: advisoryProducts.productId, fixedVersion: advisoryProducts.fixedVersion })
    .from(advisoryProducts)
    .innerJoin(advisories, eq(advisories.id, advisoryProducts.advisoryId))
    .where(and(inArray(advisoryProducts.productId, [...covered.keys()]), inArray(advisories.status, ['published', 'archive']), eq(advisories.category, 'security'), notInArray(advisories.id, mailed)))
    .all();
  const ids = [...new Set(affectedProducts(candidates, covered).map((p) => p.advisoryId))];
  if (ids.length === 0) return [];
  const ownDate = sql<number>`coalesce(${advisories.publishedAt}, ${advisories.releasedAt}, ${advisories.createdAt})`;
  const rows = db
    .select({ id: advisories.id, title: advisories.title, severity: advisories.severity, status: advisories.status, matchedAt: sql<Date>`${ownDate}`.mapWith(advisories.createdAt) })
    .from(advisories)
    .where(inArray(advisories.id, ids))
    .orderBy(desc(ownDate), desc(advisories.id))
    .limit(limit)
    .all();
  return withActions(db, practiceId, rows).map((a) => ({ ...a, known: true }));
}

function withActions(db: Db, practiceId: number, rows: Omit<MatchedAdvisory, 'actions' | 'allDone'>[]): MatchedAdvisory[] {
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
    .select({ practiceId: acknowledgements.practiceId, all: sql<number>`max(case when ${acknowledgements.actionPosition} = -1 then 1 else 0 end)`, n: sql<number>`count(*)` })
    .from(acknowledgements)
    .where(eq(acknowledgements.advisoryId, advisoryId))
    .groupBy(acknowledgements.practiceId)
    .all();
  const allDone = perPractice.filter((p) => p.all === 1 || (actionCount > 0 && p.n >= actionCount)).length;
  return { matched, allDone, someDone: perPractice.length - allDone };
}
