import { signExpiringLinkToken } from '../practices/links.js';
import { firstDayBackAt, germanDay } from '../practices/absence-days.js';
import { absenceById } from '../practices/absences.repository.js';
import { loadAdvisoryView } from './advisory-view.js';
import type { Composer } from './compose.js';
import type { DeliveryKind } from './deliveries.table.js';
import { renderDeputyConfirm, renderHeld } from './templates/absence.js';

/** The deputy's confirmation link works for a week, and never beyond the closing period it is for. */
export const deputyLinkDays = 7;

/** The absence a `deputy_confirm` or `held` delivery belongs to, from its dedupe key (`deputy_confirm:12`, `held:12`). */
function absenceIdOf(dedupeKey: string): number | null {
  const id = Number(dedupeKey.split(':')[1]);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Expiry of the deputy link of an absence created at `createdAt`. */
export function deputyLinkExpiry(createdAt: Date, lastDay: string): Date {
  const week = new Date(createdAt.getTime() + deputyLinkDays * 86_400_000);
  const end = firstDayBackAt(lastDay);
  return week < end ? week : end;
}

/** Composers of the closing-period mails ("Urlaubsvertretung"), joined into the composers of compose.ts. */
export const absenceComposers: Partial<Record<DeliveryKind, Composer>> = {
  // Goes to the deputy address (the delivery's recipient); nothing once the practice cancelled the period.
  deputy_confirm: ({ db, delivery, practice, publicUrl, linkSecret, operator }) => {
    const id = absenceIdOf(delivery.dedupeKey);
    const absence = id === null ? undefined : absenceById(db, id);
    if (!absence || absence.cancelledAt || absence.deputyConfirmedAt) return null;
    const expiresAt = deputyLinkExpiry(absence.createdAt, absence.lastDay);
    const confirmUrl = new URL(`/vertretung/${signExpiringLinkToken(linkSecret, 'deputy', absence.id, expiresAt)}`, publicUrl).href;
    return renderDeputyConfirm({
      practiceName: practice.name,
      practiceEmail: practice.email,
      firstDay: germanDay(absence.firstDay),
      lastDay: germanDay(absence.lastDay),
      confirmUrl,
      expiresAt,
      operator,
    });
  },
  // The "Zur Kenntnis" warnings that waited; those withdrawn in the meantime are left out, and none left means no mail.
  held: ({ db, delivery, practice, publicUrl, links, operator }) => {
    const id = absenceIdOf(delivery.dedupeKey);
    const absence = id === null ? undefined : absenceById(db, id);
    const list = (delivery.advisoryIds ?? []).map((a) => loadAdvisoryView(db, a, practice.id, publicUrl)).filter((a) => a !== undefined);
    if (!absence || list.length === 0) return null;
    const acks = Object.fromEntries(
      list.map((a) => {
        const ack = links.ack(a.id);
        return [a.id, { actions: a.actionPositions.map((p) => ack(p)), all: ack(-1) }];
      }),
    );
    return renderHeld({
      practiceName: practice.name,
      firstDay: germanDay(absence.firstDay),
      lastDay: germanDay(absence.lastDay),
      advisories: list,
      acks,
      footer: {
        why: 'Sie erhalten diese E-Mail, weil Ihre Praxis den Warndienst für ihre Produkte abonniert und eine Schließzeit eingetragen hat.',
        manageUrl: links.manageUrl,
        unsubscribeUrl: links.unsubscribeUrl,
        operator,
      },
    });
  },
};
