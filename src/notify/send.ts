import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { preparedPerDb } from '../db/prepared.js';
import { idGroupPlaceholders, idGroups } from '../db/id-groups.js';
import { eq, inArray, sql } from 'drizzle-orm';
import { practices } from '../practices/practices.table.js';
import type { Practice } from '../practices/practices.repository.js';
import { clearBounces, recordBounce } from './bounces.js';
import { composeContext, composers } from './compose.js';
import { stampHeldMembers, withDeputyNote } from './absence-routing.js';
import { preloadPractices, renderSession, type RenderSession } from './alert-cache.js';
import type { DeliverySettings } from './settings.js';
import { claimDeliveries, claimDelivery, markFailed, markSent, releaseDelivery, type Delivery } from './deliveries.repository.js';
import { MailError, type Mailer } from './mailer.js';

export type SendDeps = {
  db: Db;
  mailer: Mailer;
  clock: () => Date;
  logger: Logger;
  publicUrl: string;
  linkSecret: string;
  operatorName: string;
  mailDomain: string;
  delivery: DeliverySettings;
};

export type SendResult = 'sent' | 'skipped' | 'failed';

/** The error of a mail not tried because its address is suppressed; /metrics counts these as `suppressed`. */
export const suppressedAddressError = 'Adresse gesperrt: Der Mailserver der Praxis hat wiederholt dauerhaft abgelehnt.';

/** Thrown for a failure worth retrying (4xx, connection lost); the delivery is handed back first. */
export class RetryableSendError extends Error {
  override name = 'RetryableSendError';
}

/**
 * Claims a delivery, renders its mail and hands it to the mailer, then marks it sent. A crash after the hand-over
 * and before the mark repeats the mail with the same Message-ID; it never loses one.
 */
export async function sendDelivery(deps: SendDeps, deliveryId: number): Promise<SendResult> {
  const delivery = claimDelivery(deps.db, deliveryId, deps.clock(), deps.delivery.claimTimeoutMs);
  if (!delivery) return 'skipped';
  const outcome = await handOver(deps, { delivery, practice: practiceById(deps.db, delivery.practiceId) });
  if (outcome === 'failed') return 'failed';
  recordSent(deps, [outcome]);
  return 'sent';
}

type HandedOver = { delivery: Delivery; practice: Practice };

/**
 * A claimed delivery and its practice as read right after the claim (undefined: the practice is gone), with whether
 * that practice has vendor or category scopes.
 */
type Claimed = { delivery: Delivery; practice: Practice | undefined; scoped?: boolean };

/**
 * Renders a claimed delivery and hands it to the mailer. Returns what to mark sent, or 'failed' when the mail cannot
 * go out (already marked failed); throws RetryableSendError for a temporary failure (the delivery is handed back).
 */
async function handOver(deps: SendDeps, { delivery, practice }: Claimed, session?: RenderSession): Promise<HandedOver | 'failed'> {
  const { db, clock, logger } = deps;
  const deliveryId = delivery.id;
  if (delivery.attempts > deps.delivery.maxAttempts) {
    markFailed(db, delivery.id, `Nach ${deps.delivery.maxAttempts} Versuchen aufgegeben: ${delivery.lastError ?? 'unbekannter Fehler'}`);
    logger.warn({ deliveryId, practiceId: delivery.practiceId }, 'delivery given up');
    return 'failed';
  }
  // A confirmation goes to a practice that is still pending; everything else only to active ones.
  const reachable = delivery.kind === 'confirm' ? practice?.status === 'pending' : practice?.status === 'active';
  if (!practice || !reachable) {
    markFailed(db, delivery.id, 'Praxis ist nicht (mehr) angemeldet.');
    return 'failed';
  }
  // A deputy's address (recipient) is not the practice's: the practice's refusals do not stop mail to it.
  if (practice.suppressedAt && !delivery.recipient) {
    markFailed(db, delivery.id, suppressedAddressError);
    return 'failed';
  }
  const compose = composers[delivery.kind];
  if (!compose) {
    markFailed(db, delivery.id, `Für E-Mails der Art "${delivery.kind}" gibt es keine Vorlage.`);
    return 'failed';
  }
  const context = composeContext(deps, delivery, practice, clock(), session);
  const composed = compose(context);
  // To the deputy of a closed practice: the mail says for whom (see absence-routing.ts).
  const mail = composed && withDeputyNote(db, delivery, practice, composed);
  if (!mail) {
    markFailed(db, delivery.id, 'Die Nachricht betrifft die Praxis nicht mehr.');
    return 'failed';
  }
  const listHeaders: Record<string, string> =
    // A deputy is on no list: its mail client's one-click unsubscribe must not end the practice's subscription.
    delivery.kind === 'confirm' || delivery.recipient
      ? {}
      : {
          'List-Id': `Sicherheitswarnungen <warnungen.${deps.mailDomain}>`,
          'List-Unsubscribe': `<${context.links.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        };
  try {
    // The IT service partner gets warnings as Cc (one mail, one Message-ID, one delivery to track); see docs/practices.md.
    // Also while a deputy stands in (recipient): the partner keeps the practice's IT up to date whether it is open or not.
    const cc = practice.partnerEmail && practice.partnerEmail !== delivery.recipient && ['alert', 'update', 'digest', 'held'].includes(delivery.kind) ? practice.partnerEmail : undefined;
    await deps.mailer.send({ to: delivery.recipient ?? practice.email, cc, ...mail, messageId: delivery.messageId, headers: listHeaders });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof MailError && error.permanent) {
      markFailed(db, delivery.id, message);
      // A deputy's refusal says nothing about the practice's own address.
      const suppressed = delivery.recipient ? false : recordBounce(db, practice.id, { now: clock(), limit: deps.delivery.bounceLimit });
      logger.warn({ deliveryId, practiceId: practice.id, suppressed }, 'delivery failed permanently');
      return 'failed';
    }
    releaseDelivery(db, delivery.id, message);
    throw new RetryableSendError(message);
  }
  return { delivery, practice };
}

/** Marks handed-over deliveries sent, in one commit. */
function recordSent(deps: SendDeps, handedOver: HandedOver[]): void {
  deps.db.$client.transaction(() => markHandedOver(deps, handedOver))();
}

/** Marks handed-over deliveries sent; the caller holds the transaction. */
function markHandedOver({ db, clock, logger }: SendDeps, handedOver: HandedOver[]): void {
  markSent(db, handedOver.map(({ delivery }) => delivery.id), clock());
  for (const { delivery, practice } of handedOver) {
    // Only a practice with refusals on record has anything to clear: no write per mail for all the others.
    if (practice.bounceCount > 0 && !delivery.recipient) clearBounces(db, practice.id);
    if (delivery.kind === 'held') stampHeldMembers(db, delivery, clock());
    logger.debug({ deliveryId: delivery.id, practiceId: practice.id, advisoryId: delivery.advisoryId }, 'delivery sent');
  }
}

export type BatchResult = Record<SendResult, number>;

/**
 * Sends the deliveries of one send job, `inFlight` at a time: each group is claimed just before it goes out (so a
 * crash leaves few claimed and unsent) and marked sent once its mails are handed over (so a crash repeats at most
 * the mails in flight, with their Message-IDs), in the same commit that claims the next group. One failing mail
 * does not hold up the others: after the rest went out, a retryable failure fails the job, BullMQ retries it with
 * back-off, and the retry skips what was sent.
 */
export async function sendBatch(deps: SendDeps, deliveryIds: number[], { inFlight }: { inFlight: number }): Promise<BatchResult> {
  const result: BatchResult = { sent: 0, skipped: 0, failed: 0 };
  const errors: unknown[] = [];
  const step = Math.max(1, inFlight);
  const transaction = <T>(work: () => T) => deps.db.$client.transaction(work)();
  // Claims a group and reads its practices (a few statements for the whole group); the caller holds the transaction.
  const claimGroup = (from: number): Claimed[] => {
    const group = deliveryIds.slice(from, from + step);
    const claimed = claimDeliveries(deps.db, group, deps.clock(), deps.delivery.claimTimeoutMs);
    result.skipped += group.length - claimed.length;
    const practicesOf = practicesByIds(deps.db, claimed.map((d) => d.practiceId));
    return claimed.map((delivery) => {
      const found = practicesOf.get(delivery.practiceId);
      return { delivery, practice: found?.practice, scoped: found?.scoped };
    });
  };
  let claimed = transaction(() => claimGroup(0));
  for (let i = 0; i < deliveryIds.length; i += step) {
    // A group is rendered in one go: its advisories are looked up once for all of its mails, and the products of
    // its practices in one read for all alerts and digests.
    const session = renderSession();
    preloadPractices(deps.db, session, claimed.flatMap((c) => (c.practice && (c.delivery.kind === 'alert' || c.delivery.kind === 'digest') ? [{ id: c.practice.id, scoped: c.scoped }] : [])));
    const outcomes = await Promise.allSettled(claimed.map((c) => handOver(deps, c, session)));
    const handedOver: HandedOver[] = [];
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') errors.push(outcome.reason);
      else if (outcome.value === 'failed') result.failed++;
      else handedOver.push(outcome.value);
    }
    // One commit marks this group sent and claims the next (half the commits of doing each on its own).
    claimed = transaction(() => {
      markHandedOver(deps, handedOver);
      return i + step < deliveryIds.length ? claimGroup(i + step) : [];
    });
    result.sent += handedOver.length;
  }
  if (errors.length > 0) {
    const first = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
    const message = `${errors.length} von ${deliveryIds.length} E-Mails nicht versandt, erneuter Versuch folgt: ${first}`;
    // An unexpected error (not a relay's temporary refusal) keeps its kind, so it is logged as what it is.
    if (errors.every((e) => e instanceof RetryableSendError)) throw new RetryableSendError(message);
    throw new Error(message, { cause: errors.find((e) => !(e instanceof RetryableSendError)) });
  }
  deps.logger.info({ ...result, deliveries: deliveryIds.length }, 'send batch done');
  return result;
}

// Read for every mail: prepared once per database instead of built and compiled each time; a send job's group
// reads its practices in one statement, which also tells which of them have vendor or category scopes, so that
// rendering reads scopes only for those (most practices choose products one by one; on PostgreSQL each statement is
// a round trip).
const practiceQueries = preparedPerDb((db) => ({
  one: db.select().from(practices).where(eq(practices.id, sql.placeholder('id'))).prepare(),
  group: db
    .select({ practice: practices, scoped: sql<number>`exists (select 1 from scope_subscriptions ss where ss.practice_id = ${practices.id})` })
    .from(practices)
    .where(inArray(practices.id, idGroupPlaceholders))
    .prepare(),
}));

function practiceById(db: Db, id: number): Practice | undefined {
  return practiceQueries(db).one.get({ id });
}

function practicesByIds(db: Db, ids: number[]): Map<number, { practice: Practice; scoped: boolean }> {
  const found = new Map<number, { practice: Practice; scoped: boolean }>();
  for (const group of idGroups(ids)) {
    for (const { practice, scoped } of practiceQueries(db).group.all(group)) found.set(practice.id, { practice, scoped: Boolean(scoped) });
  }
  return found;
}
