import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { Mailer } from '../notify/mailer.js';
import { messageIdFor } from '../notify/message-id.js';
import type { DeliverySettings } from '../notify/settings.js';
import type { RenderedMail } from '../notify/templates/alert.js';
import { formatDate } from '../notify/templates/format.js';
import { impressumHtml, impressumText } from '../notify/templates/footer.js';
import { greeting, mailDocument } from '../notify/templates/document.js';
import { html } from '../notify/templates/html.js';
import { buttonStyle } from '../notify/templates/what-to-do.js';
import { hitLimit } from '../practices/rate-limit.js';
import { signUnlockToken, unlockLinkHours } from './unlock-link.js';

// Someone who tries many clients could otherwise fill the owner's mailbox: a few mails per address and hour.
const mailLimit = { name: 'admin-unlock-mail', max: 3, windowSeconds: 3600 };

const time = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
/** "11:02", rounded up to the full minute so that the time shown is never before the real end. */
export const clockTime = (d: Date) => time.format(new Date(Math.ceil(d.getTime() / 60_000) * 60_000));

export type UnlockMailData = {
  email: string;
  attemptAt: Date;
  blockedUntil: Date;
  loginUrl: string;
  unlockUrl: string;
  linkExpiresAt: Date;
  accountUrl: string;
  operator: DeliverySettings['operator'];
};

/** The mail to the owner of an address whose logins are delayed: what happened, the link, and that nothing is needed. */
export function renderUnlockMail(d: UnlockMailData): RenderedMail {
  const subject = 'Fehlgeschlagene Anmeldungen bei praxiswarn – Wartezeit aufheben';
  const when = `am ${formatDate(d.attemptAt)} um ${time.format(d.attemptAt)} Uhr`;
  const what = `Auf der Anmeldeseite der praxiswarn-Redaktion (${d.loginUrl}) wurde ${when} für Ihre E-Mail-Adresse ${d.email} mehrmals hintereinander ein falsches Passwort eingegeben. Weitere Versuche von demselben Anschluss aus müssen deshalb bis ${clockTime(d.blockedUntil)} Uhr warten; jeder weitere Fehlversuch verlängert die Wartezeit.`;
  const linkValid = `Der Link gilt bis zum ${formatDate(d.linkExpiresAt)}, ${time.format(d.linkExpiresAt)} Uhr, und hebt die Wartezeit für alle Anschlüsse auf, von denen aus eine Anmeldung mit Ihrer Adresse versucht wurde.`;
  const notYou = 'Wenn Sie das nicht waren, müssen Sie nichts tun: Ihr Passwort ist damit nicht bekannt geworden, und Sie können sich von Ihrem gewohnten Anschluss aus weiterhin anmelden.';
  const change = `Wenn Sie fürchten, dass jemand Ihr Passwort kennt, ändern Sie es nach der Anmeldung unter ${d.accountUrl}.`;
  const text = [
    greeting,
    '',
    what,
    '',
    'Wenn Sie das waren und sich sofort wieder anmelden möchten, öffnen Sie diesen Link:',
    '',
    d.unlockUrl,
    '',
    linkValid,
    '',
    notYou,
    change,
    '',
    '-- ',
    'Diese E-Mail wurde automatisch verschickt, weil zu Ihrer Adresse ein Konto der praxiswarn-Redaktion besteht.',
    ...impressumText(d.operator),
  ].join('\n');
  // Plain links and no images: nothing in this mail reports back whether or when it was opened.
  const body = mailDocument(subject, {
    content: html`<p>${what}</p>
<p>Wenn Sie das waren und sich sofort wieder anmelden möchten:</p>
<p><a href="${d.unlockUrl}" style="${buttonStyle}">Wartezeit aufheben</a></p>
<p style="font-size: 13px;">Falls der Knopf nicht funktioniert, öffnen Sie diesen Link: <a href="${d.unlockUrl}">${d.unlockUrl}</a></p>
<p>${linkValid}</p>
<p>${notYou} ${change}</p>`,
    foot: html`<hr style="border: none; border-top: 1px solid #ccc;">
<p style="font-size: 12px; color: #777;">Diese E-Mail wurde automatisch verschickt, weil zu Ihrer Adresse ein Konto der praxiswarn-Redaktion besteht.</p>
${impressumHtml(d.operator)}`,
  });
  return { subject, html: body, text };
}

export type UnlockMailDeps = {
  mailer: Mailer;
  redis: Redis;
  env: { QUEUE_PREFIX: string };
  linkSecret: string;
  publicUrl: string;
  mailDomain: string;
  delivery: { operator: DeliverySettings['operator'] };
  logger: Logger;
};

/**
 * Mails the owner of an admin address a link that lifts its login delays. Never throws: a mail that does not go
 * out is logged, and the delay still ends by itself.
 */
export async function sendUnlockMail(deps: UnlockMailDeps, { admin, blockedUntil, now }: { admin: { id: number; email: string }; blockedUntil: Date; now: Date }): Promise<void> {
  try {
    if (!(await hitLimit(deps.redis, deps.env.QUEUE_PREFIX, mailLimit, admin.email))) {
      deps.logger.info({ adminId: admin.id }, 'admin unlock mail skipped: limit reached');
      return;
    }
    const linkExpiresAt = new Date(now.getTime() + unlockLinkHours * 3600_000);
    const base = deps.publicUrl.replace(/\/$/, '');
    const mail = renderUnlockMail({
      email: admin.email,
      attemptAt: now,
      blockedUntil,
      loginUrl: `${base}/admin/anmelden`,
      unlockUrl: `${base}/admin/entsperren/${signUnlockToken(deps.linkSecret, admin.id, linkExpiresAt)}`,
      linkExpiresAt,
      accountUrl: `${base}/admin/konto`,
      operator: deps.delivery.operator,
    });
    await deps.mailer.send({ to: admin.email, ...mail, messageId: messageIdFor(`unlock:${admin.id}:${now.getTime()}`, deps.mailDomain), headers: { 'Auto-Submitted': 'auto-generated' } });
    deps.logger.info({ adminId: admin.id }, 'admin unlock mail sent');
  } catch (error) {
    deps.logger.warn({ adminId: admin.id, err: error }, 'admin unlock mail not sent');
  }
}
