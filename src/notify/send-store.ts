import type { Logger } from 'pino';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { asyncFaceOf, type AsyncDb } from '../db/async-db.js';
import { preparedPerDb } from '../db/prepared.js';
import { idGroupPlaceholders, idGroups } from '../db/id-groups.js';
import { practices } from '../practices/practices.table.js';
import { deliveries } from './deliveries.table.js';
import type { Practice } from '../practices/practices.repository.js';
import { clearBounces } from './bounces.js';
import { stampHeldMembers } from './absence-routing.js';
import { claimDeliveries, claimDeliveriesAsync, markSent, markSentAsync, releaseDelivery, type Delivery } from './deliveries.repository.js';

// What a send job writes and reads around its mails: claiming a group before it goes out, marking it sent after.
// On SQLite both happen on the connection, the mark of one group and the claim of the next in one commit. On
// PostgreSQL they go over the asynchronous face (src/db/async-db.ts), each statement its own commit, so that the
// process's other send jobs render and talk SMTP while PostgreSQL works; waiting with the event loop blocked held
// sending there to a quarter of a bare pool (docs/scaling.md).

/** A delivery handed to the relay, with the practice it went to. */
export type HandedOver = { delivery: Delivery; practice: Practice };

/**
 * A claimed delivery and its practice as read right after the claim (undefined: the practice is gone), with whether
 * that practice has vendor or category scopes.
 */
export type Claimed = { delivery: Delivery; practice: Practice | undefined; scoped?: boolean };

export type StoreDeps = { db: Db; clock: () => Date; logger: Logger; delivery: { claimTimeoutMs: number } };

export type GroupStore = {
  /** Claims what of `ids` is still owed, with its practices. */
  claim(ids: number[]): Promise<Claimed[]>;
  /**
   * Called when a group's mails go to the relay, with the group after it: a store that can claims it meanwhile (on
   * PostgreSQL the claim then costs the job no time); one that cannot returns undefined and claims it with the mark.
   */
  claimAhead(next: number[]): Promise<Claimed[]> | undefined;
  /**
   * Marks `handedOver` sent and returns the claim of `next` (`next` empty: claims nothing): `ahead`, what claimAhead
   * returned for it, or claimed now.
   */
  markAndClaim(handedOver: HandedOver[], next: number[], ahead: Promise<Claimed[]> | undefined): Promise<Claimed[]>;
};

/** The store for `deps.db`: on the connection for SQLite, on the asynchronous face for PostgreSQL. */
export function groupStore(deps: StoreDeps): GroupStore {
  const face = asyncFaceOf(deps.db);
  return face ? asyncStore(deps, face) : connectionStore(deps);
}

function connectionStore(deps: StoreDeps): GroupStore {
  const { db, clock } = deps;
  const transaction = <T>(work: () => T) => db.$client.transaction(work)();
  const claimGroup = (ids: number[]): Claimed[] => {
    const claimed = claimDeliveries(db, ids, clock(), deps.delivery.claimTimeoutMs);
    return withPractices(claimed, claimed.length ? practicesByIds(db, claimed.map((d) => d.practiceId)) : new Map());
  };
  return {
    claim: async (ids) => transaction(() => claimGroup(ids)),
    claimAhead: () => undefined,
    // One commit marks a group sent and claims the next (half the commits of doing each on its own).
    markAndClaim: async (handedOver, next) =>
      transaction(() => {
        markHandedOver(deps, handedOver);
        return next.length ? claimGroup(next) : [];
      }),
  };
}

function asyncStore(deps: StoreDeps, face: AsyncDb): GroupStore {
  const { db, clock } = deps;
  const claimGroup = async (ids: number[]): Promise<Claimed[]> => {
    if (ids.length === 0) return [];
    // The practices are read by the deliveries' ids beside the claim, not after it: one round trip instead of two.
    const [claimed, practicesOf] = await Promise.all([claimDeliveriesAsync(face, ids, clock(), deps.delivery.claimTimeoutMs), practicesOfDeliveriesAsync(face, ids)]);
    return withPractices(claimed, practicesOf);
  };
  const mark = async (handedOver: HandedOver[]): Promise<void> => {
    if (handedOver.length === 0) return;
    // Clearing a practice's refusals or stamping a closed practice's held mails belongs in the commit of the mark:
    // rare, so those groups take the connection's transaction.
    if (handedOver.some(needsMoreThanMark)) return db.$client.transaction(() => markHandedOver(deps, handedOver))();
    await markSentAsync(face, handedOver.map(({ delivery }) => delivery.id), clock());
    logSent(deps.logger, handedOver);
  };
  return {
    claim: claimGroup,
    claimAhead: (next) => {
      const ahead = claimGroup(next);
      // Awaited by markAndClaim; a failure meanwhile is not an unhandled rejection.
      ahead.catch(() => {});
      return ahead;
    },
    // The mark and the next claim are two commits, the claim usually done by the time the mark starts.
    async markAndClaim(handedOver, next, ahead) {
      const [marked, claimed] = await Promise.allSettled([mark(handedOver), ahead ?? claimGroup(next)]);
      if (marked.status === 'fulfilled' && claimed.status === 'fulfilled') return claimed.value;
      // Nothing of the next group goes out in this job now: what it claimed is handed back at once instead of
      // waiting for its claim to go stale. The mails already handed over repeat with their Message-IDs on retry.
      if (claimed.status === 'fulfilled') for (const { delivery } of claimed.value) releaseDelivery(db, delivery.id, 'Vorige Gruppe nicht als versandt vermerkt.');
      throw marked.status === 'rejected' ? marked.reason : (claimed as PromiseRejectedResult).reason;
    },
  };
}

function needsMoreThanMark({ delivery, practice }: HandedOver): boolean {
  return (practice.bounceCount > 0 && !delivery.recipient) || delivery.kind === 'held';
}

/** Marks handed-over deliveries sent; the caller holds the transaction. */
export function markHandedOver({ db, clock, logger }: StoreDeps, handedOver: HandedOver[]): void {
  markSent(db, handedOver.map(({ delivery }) => delivery.id), clock());
  for (const { delivery, practice } of handedOver) {
    // Only a practice with refusals on record has anything to clear: no write per mail for all the others.
    if (practice.bounceCount > 0 && !delivery.recipient) clearBounces(db, practice.id);
    if (delivery.kind === 'held') stampHeldMembers(db, delivery, clock());
  }
  logSent(logger, handedOver);
}

function logSent(logger: Logger, handedOver: HandedOver[]): void {
  for (const { delivery, practice } of handedOver) logger.debug({ deliveryId: delivery.id, practiceId: practice.id, advisoryId: delivery.advisoryId }, 'delivery sent');
}

function withPractices(claimed: Delivery[], practicesOf: Map<number, { practice: Practice; scoped: boolean }>): Claimed[] {
  return claimed.map((delivery) => {
    const found = practicesOf.get(delivery.practiceId);
    return { delivery, practice: found?.practice, scoped: found?.scoped };
  });
}

// A practice with whether it has vendor or category scopes, as both faces read it: rendering then reads scopes only
// for those (most practices choose products one by one; on PostgreSQL each statement is a round trip).
const practiceWithScope = { practice: practices, scoped: sql<number>`exists (select 1 from scope_subscriptions ss where ss.practice_id = ${practices.id})` };

// Read for every mail: prepared once per database instead of built and compiled each time; a send job's group reads
// its practices in one statement.
function preparePracticeQueries(db: Db) {
  return {
    one: db.select().from(practices).where(eq(practices.id, sql.placeholder('id'))).prepare(),
    group: db
      .select(practiceWithScope)
      .from(practices)
      .where(inArray(practices.id, idGroupPlaceholders))
      .prepare(),
  };
}
const practiceQueries = preparedPerDb((db: Db) => preparePracticeQueries(db));
const asyncPracticeQueries = preparedPerDb((db: AsyncDb) => ({
  ofDeliveries: db
    .select(practiceWithScope)
    .from(practices)
    .where(inArray(practices.id, db.select({ id: deliveries.practiceId }).from(deliveries).where(inArray(deliveries.id, idGroupPlaceholders))))
    .prepare(),
}));

export function practiceById(db: Db, id: number): Practice | undefined {
  return practiceQueries(db).one.get({ id });
}

function practicesByIds(db: Db, ids: number[]): Map<number, { practice: Practice; scoped: boolean }> {
  return byPractice(idGroups(ids).flatMap((group) => practiceQueries(db).group.all(group)));
}

/** The practices the deliveries `ids` go to, whether claimable or not (a claim does not change them). */
async function practicesOfDeliveriesAsync(face: AsyncDb, ids: number[]): Promise<Map<number, { practice: Practice; scoped: boolean }>> {
  return byPractice((await Promise.all(idGroups(ids).map((group) => asyncPracticeQueries(face).ofDeliveries.all(group)))).flat());
}

function byPractice(rows: { practice: Practice; scoped: number }[]): Map<number, { practice: Practice; scoped: boolean }> {
  return new Map(rows.map(({ practice, scoped }) => [practice.id, { practice, scoped: Boolean(scoped) }]));
}
