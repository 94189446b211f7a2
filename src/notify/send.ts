import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { recordBounce } from './bounces.js';
import { composeContext, composers } from './compose.js';
import { withDeputyNote } from './absence-routing.js';
import { preloadAdvisories, preloadPractices, renderSession, type RenderSession } from './alert-cache.js';
import type { DeliverySettings } from './settings.js';
import { claimDelivery, markFailed, releaseDelivery, type Delivery } from './deliveries.repository.js';
import { groupStore, markHandedOver, practiceById, type Claimed, type HandedOver } from './send-store.js';
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

export type BatchResult = Record<SendResult, number>;

/** The advisories a mail renders from the alert cache: an alert's one, a digest's list. */
export function advisoriesOf(delivery: Delivery): number[] {
  if (delivery.kind === 'alert') return delivery.advisoryId === null ? [] : [delivery.advisoryId];
  return delivery.kind === 'digest' ? (delivery.advisoryIds ?? []) : [];
}

/**
 * Sends the deliveries of one send job, `inFlight` at a time: each group is claimed shortly before it goes out (at
 * most while the group before it is with the relay, so a crash leaves few claimed and unsent) and marked sent once
 * its mails are handed over (so a crash repeats at most the mails in flight, with their Message-IDs), together with
 * the claim of the next group (send-store.ts). One failing mail does not hold up the others: after the rest went
 * out, a retryable failure fails the job, BullMQ retries it with back-off, and the retry skips what was sent.
 */
export async function sendBatch(deps: SendDeps, deliveryIds: number[], { inFlight }: { inFlight: number }): Promise<BatchResult> {
  const result: BatchResult = { sent: 0, skipped: 0, failed: 0 };
  const errors: unknown[] = [];
  const step = Math.max(1, inFlight);
  const store = groupStore(deps);
  const groupAt = (from: number) => deliveryIds.slice(from, from + step);
  const claimedOf = (group: number[], claimed: Claimed[]) => {
    result.skipped += group.length - claimed.length;
    return claimed;
  };
  // A group is rendered in one go: its advisories are looked up once for all of its mails, and the products of its
  // practices in one read for all alerts and digests.
  const prepare = async (claimed: Claimed[]) => {
    const session = renderSession();
    await Promise.all([
      preloadPractices(deps.db, session, claimed.flatMap((c) => (c.practice && (c.delivery.kind === 'alert' || c.delivery.kind === 'digest') ? [{ id: c.practice.id, scoped: c.scoped }] : []))),
      preloadAdvisories(deps.db, session, claimed.flatMap((c) => advisoriesOf(c.delivery))),
    ]);
    return { claimed, session };
  };
  let group = await prepare(claimedOf(groupAt(0), await store.claim(groupAt(0))));
  for (let i = 0; i < deliveryIds.length; i += step) {
    const { claimed, session } = group;
    const handing = Promise.allSettled(claimed.map((c) => handOver(deps, c, session)));
    // While these mails are with the relay, a store that can claims the next group and it is read for rendering.
    const next = groupAt(i + step);
    const ahead = next.length ? store.claimAhead(next) : undefined;
    const preparedAhead = ahead?.then(prepare);
    preparedAhead?.catch(() => {}); // awaited below, after the mark; a failure meanwhile is not unhandled
    const handedOver: HandedOver[] = [];
    for (const outcome of await handing) {
      if (outcome.status === 'rejected') errors.push(outcome.reason);
      else if (outcome.value === 'failed') result.failed++;
      else handedOver.push(outcome.value);
    }
    const nextClaimed = claimedOf(next, await store.markAndClaim(handedOver, next, ahead));
    result.sent += handedOver.length;
    group = preparedAhead ? await preparedAhead : await prepare(nextClaimed);
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
