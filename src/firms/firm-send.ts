import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { MailError } from '../notify/mailer.js';
import { sendJobs, type OwedDelivery } from '../notify/send-jobs.js';
import type { SendDeps } from '../notify/send.js';
import { enqueue, type Queues } from '../queues/queues.js';
import { firmComposers } from './firm-compose.js';
import type { FirmDelivery } from './firm-outbox.js';
import { getFirm } from './firms.repository.js';
import { firmDeliveries } from './firms.table.js';
import { firmLinks } from './links.js';

export type FirmSendDeps = Pick<SendDeps, 'db' | 'mailer' | 'clock' | 'logger' | 'publicUrl' | 'linkSecret' | 'mailDomain' | 'delivery'>;
export type FirmSendResult = { sent: number; skipped: number; failed: number };

/**
 * Sends the firms' outbox rows of one job, one after another (a firm gets one mail per advisory, not one per
 * practice, so there are few). Each is claimed first (only one worker wins), marked sent after the hand-over; a
 * temporary failure hands it back and fails the job for BullMQ to retry, a permanent one marks it failed.
 */
export async function sendFirmDeliveries(deps: FirmSendDeps, ids: number[]): Promise<FirmSendResult> {
  const result: FirmSendResult = { sent: 0, skipped: 0, failed: 0 };
  const errors: string[] = [];
  for (const id of ids) {
    const delivery = claim(deps.db, id, deps.clock(), deps.delivery.claimTimeoutMs);
    if (!delivery) {
      result.skipped++;
      continue;
    }
    const outcome = await handOver(deps, delivery);
    if (outcome === 'retry') errors.push(delivery.lastError ?? 'Versand fehlgeschlagen');
    else result[outcome]++;
  }
  if (errors.length) throw new Error(`${errors.length} von ${ids.length} E-Mails an Dienstleister nicht versandt, erneuter Versuch folgt`);
  deps.logger.info({ ...result, deliveries: ids.length }, 'firm send batch done');
  return result;
}

async function handOver(deps: FirmSendDeps, delivery: FirmDelivery): Promise<'sent' | 'failed' | 'retry'> {
  const { db, clock, logger } = deps;
  if (delivery.attempts > deps.delivery.maxAttempts) return fail(db, delivery.id, `Nach ${deps.delivery.maxAttempts} Versuchen aufgegeben: ${delivery.lastError ?? 'unbekannter Fehler'}`);
  const firm = getFirm(db, delivery.firmId);
  // A confirmation goes to a pending firm only, an invitation to a pending or active one, the rest to active ones.
  const reachable = delivery.kind === 'firm_confirm' ? firm?.status === 'pending' : delivery.kind === 'firm_invited' ? firm?.status !== 'unsubscribed' : firm?.status === 'active';
  if (!firm || !reachable) return fail(db, delivery.id, 'Dienstleister ist nicht (mehr) angemeldet.');
  const mail = firmComposers[delivery.kind]({ db, delivery, firm, publicUrl: deps.publicUrl, linkSecret: deps.linkSecret, operator: deps.delivery.operator });
  if (!mail) return fail(db, delivery.id, 'Die Nachricht betrifft keine Praxis des Dienstleisters mehr.');
  const { unsubscribeUrl } = firmLinks(deps.publicUrl, deps.linkSecret, firm.id);
  const headers: Record<string, string> =
    delivery.kind === 'firm_confirm'
      ? {}
      : { 'List-Id': `Warnungen für IT-Dienstleister <dienstleister.${deps.mailDomain}>`, 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  try {
    await deps.mailer.send({ to: firm.email, ...mail, messageId: delivery.messageId, headers });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof MailError && error.permanent) {
      logger.warn({ firmDeliveryId: delivery.id, firmId: firm.id }, 'firm delivery failed permanently');
      return fail(db, delivery.id, message);
    }
    db.update(firmDeliveries).set({ status: 'pending', lastError: message, claimedAt: null }).where(eq(firmDeliveries.id, delivery.id)).run();
    delivery.lastError = message;
    return 'retry';
  }
  db.update(firmDeliveries).set({ status: 'sent', sentAt: clock(), lastError: null }).where(eq(firmDeliveries.id, delivery.id)).run();
  logger.debug({ firmDeliveryId: delivery.id, firmId: firm.id, advisoryId: delivery.advisoryId }, 'firm delivery sent');
  return 'sent';
}

function fail(db: Db, id: number, error: string): 'failed' {
  db.update(firmDeliveries).set({ status: 'failed', lastError: error }).where(eq(firmDeliveries.id, id)).run();
  return 'failed';
}

/** Pending, or claimed by a worker that has gone quiet: like claimDelivery for the practices' outbox. */
function claim(db: Db, id: number, now: Date, claimTimeoutMs: number): FirmDelivery | undefined {
  const claimable = or(eq(firmDeliveries.status, 'pending'), and(eq(firmDeliveries.status, 'sending'), lt(firmDeliveries.claimedAt, new Date(now.getTime() - claimTimeoutMs))));
  return db
    .update(firmDeliveries)
    .set({ status: 'sending', attempts: sql`${firmDeliveries.attempts} + 1`, claimedAt: now })
    .where(and(eq(firmDeliveries.id, id), claimable))
    .returning()
    .get();
}

/** The firms' mails still owed, for the sweep (a lost job or Redis is not a lost mail). */
export function owedFirmDeliveries(db: Db, now: Date, claimTimeoutMs: number): OwedDelivery[] {
  return db
    .select({ id: firmDeliveries.id, attempts: firmDeliveries.attempts })
    .from(firmDeliveries)
    .where(or(eq(firmDeliveries.status, 'pending'), and(eq(firmDeliveries.status, 'sending'), lt(firmDeliveries.claimedAt, new Date(now.getTime() - claimTimeoutMs)))))
    .orderBy(asc(firmDeliveries.id))
    .limit(5000)
    .all();
}

/** Hands firm mails to the `firm-send` queue, grouped and with job ids like the practices' sends (see sendJobs). */
export async function enqueueFirmSends(queues: Queues, owed: OwedDelivery[], batchSize = 100): Promise<void> {
  await enqueue(queues, 'firm-send', sendJobs(owed, batchSize).map((j) => ({ jobId: `firm-${j.jobId}`, data: { firmDeliveryIds: j.data.deliveryIds } })));
}
