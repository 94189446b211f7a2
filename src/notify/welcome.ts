import type { Db } from '../db/client.js';
import { knownAdvisories } from '../practices/acknowledgements.repository.js';
import { loadAdvisoryView } from './advisory-view.js';
import { deliveries } from './deliveries.table.js';
import { messageIdFor } from './message-id.js';
import type { OpenAdvisory } from './templates/welcome.js';

const day = 86_400_000;

/**
 * The welcome mail of a practice that just confirmed its sign-up (`now`: the confirmation time). One per
 * confirmation: the key names it, so a repeat is a no-op, and a practice that unsubscribed and signed up again is
 * welcomed again. Returns the delivery to enqueue.
 */
export function writeWelcomeDelivery(db: Db, practiceId: number, { now, mailDomain }: { now: Date; mailDomain: string }): { deliveryId: number; attempts: number } | null {
  const dedupeKey = `welcome:${practiceId}:${now.getTime()}`;
  const row = db
    .insert(deliveries)
    .values({ practiceId, kind: 'welcome', dedupeKey, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now })
    .onConflictDoNothing({ target: deliveries.dedupeKey })
    .returning({ id: deliveries.id, attempts: deliveries.attempts })
    .get();
  return row ? { deliveryId: row.id, attempts: row.attempts } : null;
}

/**
 * The advisories on the practice's products that it never got a mail about and has not ticked off: those an editor
 * keeps published, and archived ones whose own date lies within ALERT_MAX_AGE_DAYS (older ones are history). Each
 * with the actions as the acknowledgements know them, so "done" and the links line up.
 */
export function openAdvisories(
  db: Db,
  practiceId: number,
  { now, alertMaxAgeDays, publicUrl, ackUrl }: { now: Date; alertMaxAgeDays: number; publicUrl: string; ackUrl: (advisoryId: number) => (position: number) => string },
): OpenAdvisory[] {
  const oldest = now.getTime() - alertMaxAgeDays * day;
  const open: OpenAdvisory[] = [];
  for (const known of knownAdvisories(db, practiceId)) {
    const ticked = known.allDone || (known.actions.length > 0 && known.actions.every((a) => a.done));
    if (ticked || (known.status !== 'published' && known.matchedAt.getTime() < oldest)) continue;
    const advisory = loadAdvisoryView(db, known.id, practiceId, publicUrl, ['published', 'archive']);
    if (!advisory) continue;
    const link = ackUrl(known.id);
    open.push({
      advisory: { ...advisory, actions: known.actions.map((a) => a.text), actionPositions: known.actions.map((a) => a.position) },
      done: known.actions.map((a) => a.done),
      ackUrls: { actions: known.actions.map((a) => link(a.position)), all: link(-1) },
    });
  }
  return open;
}
