import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { getPractice } from '../practices/practices.repository.js';
import { signLinkToken } from '../practices/links.js';
import { loadAlertData } from './alert-data.js';
import { claimDelivery, markFailed, markSent, releaseDelivery } from './deliveries.repository.js';
import { MailError, type Mailer } from './mailer.js';
import { renderAlert } from './templates/alert.js';

export type SendDeps = { db: Db; mailer: Mailer; clock: () => Date; logger: Logger; publicUrl: string; linkSecret: string; operatorName: string };

export type SendResult = 'sent' | 'skipped' | 'failed';

/** Thrown for a failure worth retrying (4xx, connection lost); the delivery is handed back first. */
export class RetryableSendError extends Error {
  override name = 'RetryableSendError';
}

/**
 * Claims a delivery, renders its mail and hands it to the mailer, then marks it sent. A crash after the hand-over
 * and before the mark repeats the mail with the same Message-ID; it never loses one.
 */
export async function sendDelivery(deps: SendDeps, deliveryId: number): Promise<SendResult> {
  const { db, clock, logger } = deps;
  const delivery = claimDelivery(db, deliveryId, clock());
  if (!delivery) return 'skipped';
  const practice = getPractice(db, delivery.practiceId);
  if (!practice || practice.status !== 'active') {
    markFailed(db, delivery.id, 'Praxis ist nicht (mehr) angemeldet.');
    return 'failed';
  }
  const unsubscribeUrl = new URL(`/abmelden/${signLinkToken(deps.linkSecret, 'unsubscribe', practice.id)}`, deps.publicUrl).href;
  const data = delivery.advisoryId === null ? undefined : loadAlertData(db, delivery.advisoryId, practice, { unsubscribeUrl, operatorName: deps.operatorName });
  if (!data) {
    markFailed(db, delivery.id, 'Die Warnung betrifft die Praxis nicht mehr.');
    return 'failed';
  }
  const mail = renderAlert(data);
  try {
    await deps.mailer.send({
      to: practice.email,
      ...mail,
      messageId: delivery.messageId,
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof MailError && error.permanent) {
      markFailed(db, delivery.id, message);
      logger.warn({ deliveryId, practiceId: practice.id }, 'delivery failed permanently');
      return 'failed';
    }
    releaseDelivery(db, delivery.id, message);
    throw new RetryableSendError(message);
  }
  markSent(db, delivery.id, clock());
  logger.info({ deliveryId, practiceId: practice.id, advisoryId: delivery.advisoryId }, 'delivery sent');
  return 'sent';
}
