import { formatDate, formatShortDate } from './format.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { impressumHtml, impressumText, type Operator } from './footer.js';
import { html } from './html.js';
import type { RenderedMail } from './alert.js';
import { buttonStyle } from './what-to-do.js';

// No "why" line and no unsubscribe link: until it is confirmed there is no subscription to end (see the text).
export type ConfirmData = { practiceName: string; confirmUrl: string; expiresAt: Date; products: string[]; partnerEmail: string | null; operator: Operator };

const lead = (inner: ReturnType<typeof html>) => html`<div style="border-left: 4px solid #1a4f8b; background: #f3f6fa; padding: 12px 16px; margin: 0 0 16px;">${inner}</div>`;

/** The double opt-in mail: one link, what was chosen, what happens if nothing is done. No advertising. */
export function renderConfirm(d: ConfirmData): RenderedMail {
  const subject = 'Bitte bestätigen Sie Ihre Anmeldung bei praxiswarn';
  const firstLine = `Bitte bestätigen Sie die Anmeldung Ihrer Praxis bis spätestens ${formatShortDate(d.expiresAt)}.`;
  const intro = `Ihre Praxis ${practiceWords(d.practiceName)} wurde für Sicherheitswarnungen von praxiswarn angemeldet. Erst nach der Bestätigung senden wir Ihnen Warnungen.`;
  const until = `Der Link gilt bis zum ${formatDate(d.expiresAt)}.`;
  const partner = d.partnerEmail ? `Eine Kopie jeder Warnung geht an Ihren IT-Dienstleister (${d.partnerEmail}).` : '';
  const notYou = 'Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail einfach. Ohne Bestätigung löschen wir die Angaben nach 7 Tagen.';
  const text = [
    firstLine,
    `Anmeldung bestätigen: ${d.confirmUrl}`,
    '',
    greeting,
    '',
    intro,
    until,
    '',
    'Gewählte Produkte und Bereiche:',
    ...d.products.map((p) => `- ${p}`),
    ...(partner ? ['', partner] : []),
    '',
    notYou,
    '',
    '-- ',
    ...impressumText(d.operator),
  ].join('\n');
  const body = mailDocument(subject, {
    lead: lead(html`<p style="margin: 0; font-size: 17px;"><strong>${firstLine}</strong></p>
<p style="margin: 12px 0 0;"><a href="${d.confirmUrl}" style="${buttonStyle}">Anmeldung bestätigen</a></p>`),
    content: html`<p>${intro} ${until}</p>
<p style="font-size: 13px;">Falls der Knopf nicht funktioniert, öffnen Sie diesen Link: <a href="${d.confirmUrl}">${d.confirmUrl}</a></p>
<p><strong>Gewählte Produkte und Bereiche:</strong></p><ul>${d.products.map((p) => html`<li>${p}</li>`)}</ul>
${partner ? html`<p>${partner}</p>` : ''}
<p>${notYou}</p>`,
    foot: html`<hr style="border: none; border-top: 1px solid #ccc;">${impressumHtml(d.operator)}`,
  });
  return { subject, html: body, text };
}

export type AccessData = { practiceName: string; manageUrl: string; unsubscribeUrl: string; operator: Operator };

/** Sent instead of a confirmation when an already subscribed address signs up again. */
export function renderAccess(d: AccessData): RenderedMail {
  const subject = 'Sie sind bereits bei praxiswarn angemeldet';
  const firstLine = 'Sie müssen nichts tun: Ihre Praxis ist bereits angemeldet, es hat sich nichts geändert.';
  const intro = `jemand hat diese E-Mail-Adresse erneut für praxiswarn angemeldet. Ihre Praxis ${practiceWords(d.practiceName)} ist bereits angemeldet.`;
  const text = [
    firstLine,
    '',
    greeting,
    '',
    intro,
    '',
    'Ihre Produkte, die Häufigkeit und alle anderen Einstellungen ändern Sie hier (ohne Passwort):',
    d.manageUrl,
    '',
    'Wenn Sie das nicht waren, müssen Sie nichts tun.',
    '',
    '-- ',
    `Einstellungen ändern: ${d.manageUrl}`,
    `Abmelden: ${d.unsubscribeUrl}`,
    '',
    ...impressumText(d.operator),
  ].join('\n');
  const body = mailDocument(subject, {
    lead: lead(html`<p style="margin: 0; font-size: 17px;"><strong>${firstLine}</strong></p>`),
    content: html`<p>${intro}</p>
<p><a href="${d.manageUrl}" style="${buttonStyle}">Einstellungen ansehen und ändern</a> (ohne Passwort)</p>
<p>Wenn Sie das nicht waren, müssen Sie nichts tun.</p>`,
    foot: html`<hr style="border: none; border-top: 1px solid #ccc;"><p style="font-size: 13px; color: #555;"><a href="${d.manageUrl}">Einstellungen ändern</a> · <a href="${d.unsubscribeUrl}">Vom Warndienst abmelden</a></p>
${impressumHtml(d.operator)}`,
  });
  return { subject, html: body, text };
}
