import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { getAdvisory } from '../advisories/advisories.repository.js';
import { berlinDay, firstDayBackAt, germanDay } from '../practices/absence-days.js';
import { absenceForDeputy, confirmedAbsencesOn, heldKey, type Absence } from '../practices/absences.repository.js';
import type { Practice } from '../practices/practices.repository.js';
import { deliveries } from './deliveries.table.js';
import type { Delivery } from './deliveries.repository.js';
import { messageIdFor } from './message-id.js';
import type { RenderedMail } from './templates/alert.js';
import { practiceWords } from './templates/document.js';
import { html } from './templates/html.js';
import { advisoryUrgency, type Urgency } from './urgency.js';

// "Urlaubsvertretung": while a practice is closed and its deputy has confirmed, its warnings that ask for action go
// to the deputy, and those for information only wait for one mail on the first day back. Decided per delivery when
// it is still pending, so alerts, updates and reminders written by any stage are covered, whenever they were written.

/** Kinds of mail that may go to the deputy; confirmations, welcome and digests are the practice's own business. */
const routedKinds = ['alert', 'update', 'reminder'] as const;

/**
 * Routes the pending alert, update and reminder deliveries of practices closed today (Berlin) with a confirmed
 * deputy: "Sofort" and "Zeitnah handeln" to the deputy (`recipient`), "Zur Kenntnis" into the period's one `held`
 * mail, sent at 07:00 on the first day back (`not_before`). Reminders exist only for urgent advisories and go to the
 * deputy. Routing again changes nothing: routed deliveries carry a recipient or are no longer pending. Call it inside
 * the transaction that wrote the deliveries where there is one (matching), and before the sweep hands out sends.
 */
export function routeForAbsences(db: Db, { now, mailDomain }: { now: Date; mailDomain: string }): { toDeputy: number; held: number } {
  const closed = confirmedAbsencesOn(db, berlinDay(now));
  if (closed.size === 0) return { toDeputy: 0, held: 0 };
  const pending = db
    .select({ id: deliveries.id, practiceId: deliveries.practiceId, advisoryId: deliveries.advisoryId, kind: deliveries.kind })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.practiceId, [...closed.keys()]),
        eq(deliveries.status, 'pending'),
        inArray(deliveries.kind, [...routedKinds]),
        isNull(deliveries.recipient),
        isNull(deliveries.notBefore),
      ),
    )
    .all();
  const urgencies = new Map<number, Urgency | undefined>();
  const urgencyOfAdvisory = (advisoryId: number) => {
    if (!urgencies.has(advisoryId)) urgencies.set(advisoryId, urgencyOfAdvisoryId(db, advisoryId));
    return urgencies.get(advisoryId);
  };
  let toDeputy = 0;
  let held = 0;
  for (const d of pending) {
    const absence = closed.get(d.practiceId)!;
    const urgency = d.advisoryId === null ? undefined : urgencyOfAdvisory(d.advisoryId);
    if (d.kind !== 'reminder' && d.advisoryId !== null && urgency?.level === 'kenntnis') {
      if (hold(db, absence, d.id, d.advisoryId, { now, mailDomain })) held++;
      continue;
    }
    db.update(deliveries).set({ recipient: absence.deputyEmail }).where(eq(deliveries.id, d.id)).run();
    toDeputy++;
  }
  return { toDeputy, held };
}

/** The urgency words of an advisory, from what it says (the mail shows the same words). */
function urgencyOfAdvisoryId(db: Db, advisoryId: number): Urgency | undefined {
  const advisory = getAdvisory(db, advisoryId);
  return advisory && advisoryUrgency(advisory);
}

/**
 * Adds the advisory to the period's `held` mail (written with the first one) and takes the delivery out of the
 * outbox: it is marked sent and tagged with the held mail's key, whose sending stamps its `sent_at`. False when the
 * held mail is no longer pending (it failed): then the delivery goes to the practice as usual.
 */
function hold(db: Db, absence: Absence, deliveryId: number, advisoryId: number, { now, mailDomain }: { now: Date; mailDomain: string }): boolean {
  const key = heldKey(absence.id);
  const existing = db.select().from(deliveries).where(eq(deliveries.dedupeKey, key)).get();
  if (existing && existing.status !== 'pending') return false;
  if (existing) {
    const ids = existing.advisoryIds ?? [];
    if (!ids.includes(advisoryId)) db.update(deliveries).set({ advisoryIds: [...ids, advisoryId] }).where(eq(deliveries.id, existing.id)).run();
  } else {
    db.insert(deliveries)
      .values({
        practiceId: absence.practiceId,
        kind: 'held',
        dedupeKey: key,
        advisoryIds: [advisoryId],
        notBefore: firstDayBackAt(absence.lastDay),
        messageId: messageIdFor(key, mailDomain),
        createdAt: now,
      })
      .run();
  }
  db.update(deliveries).set({ status: 'sent', period: key, lastError: null }).where(eq(deliveries.id, deliveryId)).run();
  return true;
}

/** Once the held mail went out, the deliveries folded into it get its send time. */
export function stampHeldMembers(db: Db, held: Delivery, sentAt: Date): void {
  if (held.kind !== 'held') return;
  db.update(deliveries)
    .set({ sentAt })
    .where(and(eq(deliveries.practiceId, held.practiceId), eq(deliveries.period, held.dedupeKey), isNull(deliveries.sentAt)))
    .run();
}

/**
 * A mail to the deputy instead of the practice starts with whom it is for and until when the practice is closed.
 * The body is encoded again from the changed text (the alert cache's pre-encoded pieces no longer fit).
 */
export function withDeputyNote(db: Db, delivery: Delivery, practice: Practice, mail: RenderedMail): RenderedMail {
  if (!delivery.recipient || !(routedKinds as readonly string[]).includes(delivery.kind)) return mail;
  const absence = absenceForDeputy(db, practice.id, delivery.recipient);
  const what = delivery.kind === 'reminder' ? 'Erinnerung' : 'Warnung';
  const until = absence ? `, die bis ${germanDay(absence.lastDay)} geschlossen ist` : '';
  const note = `Diese ${what} erhalten Sie als Urlaubsvertretung für die Praxis ${practiceWords(practice.name)}${until}.`;
  const links = 'Mit den Links „Betrifft uns?“ und „erledigt“ antworten Sie für die Praxis. Ihre Einstellungen bleiben der Praxis vorbehalten: Die Links dazu führen zur Seite Ihrer Vertretung.';
  const box = html`<div style="border: 2px solid #8a5a00; background: #fff8e6; padding: 12px 16px; margin: 0 0 16px;"><p style="margin: 0;"><strong>${note}</strong></p><p style="margin: 8px 0 0; font-size: 14px;">${links}</p></div>`;
  const bodyStart = /<body[^>]*>\n?/.exec(mail.html);
  const at = bodyStart ? bodyStart.index + bodyStart[0].length : 0;
  return {
    subject: `Vertretung für ${practiceWords(practice.name)}: ${mail.subject}`,
    html: mail.html.slice(0, at) + box.value + mail.html.slice(at),
    text: [note, links, '', mail.text].join('\n'),
  };
}
