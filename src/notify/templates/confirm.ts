import { formatDate } from './format.js';
import { impressumHtml, impressumText, type Operator } from './footer.js';
import { html } from './html.js';
import type { RenderedMail } from './alert.js';

// No "why" line and no unsubscribe link: until it is confirmed there is no subscription to end (see the text).
export type ConfirmData = { practiceName: string; confirmUrl: string; expiresAt: Date; products: string[]; partnerEmail: string | null; operator: Operator };

const frame = (title: string, inner: ReturnType<typeof html>) => html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 640px; margin: 0 auto; padding: 16px;">${inner}</body></html>`;

/** The double opt-in mail: one link, what was chosen, what happens if nothing is done. No advertising. */
export function renderConfirm(d: ConfirmData): RenderedMail {
  const subject = 'Bitte bestätigen Sie Ihre Anmeldung bei praxiswarn';
  const until = formatDate(d.expiresAt);
  const partner = d.partnerEmail ? `Eine Kopie jeder Warnung geht an Ihren IT-Dienstleister (${d.partnerEmail}).` : '';
  const text = [
    `Guten Tag, ${d.practiceName},`,
    '',
    'Ihre Praxis wurde für Sicherheitswarnungen von praxiswarn angemeldet. Bitte bestätigen Sie die Anmeldung mit diesem Link:',
    '',
    d.confirmUrl,
    '',
    `Der Link gilt bis zum ${until}. Erst nach der Bestätigung senden wir Ihnen Warnungen.`,
    '',
    'Gewählte Produkte und Bereiche:',
    ...d.products.map((p) => `- ${p}`),
    ...(partner ? ['', partner] : []),
    '',
    'Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail einfach. Ohne Bestätigung löschen wir die Angaben nach 7 Tagen.',
    '',
    '-- ',
    ...impressumText(d.operator),
  ].join('\n');
  const body = frame(
    subject,
    html`<p>Guten Tag, ${d.practiceName},</p>
<p>Ihre Praxis wurde für Sicherheitswarnungen von praxiswarn angemeldet. Bitte bestätigen Sie die Anmeldung:</p>
<p><a href="${d.confirmUrl}" style="display: inline-block; background: #1a4f8b; color: #ffffff; padding: 10px 18px; border-radius: 4px; text-decoration: none;">Anmeldung bestätigen</a></p>
<p style="font-size: 13px;">Falls der Knopf nicht funktioniert, öffnen Sie diesen Link: <a href="${d.confirmUrl}">${d.confirmUrl}</a></p>
<p>Der Link gilt bis zum ${until}. Erst nach der Bestätigung senden wir Ihnen Warnungen.</p>
<p><strong>Gewählte Produkte und Bereiche:</strong></p><ul>${d.products.map((p) => html`<li>${p}</li>`)}</ul>
${partner ? html`<p>${partner}</p>` : ''}
<p>Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail einfach. Ohne Bestätigung löschen wir die Angaben nach 7 Tagen.</p>
<hr style="border: none; border-top: 1px solid #ccc;">${impressumHtml(d.operator)}`,
  );
  return { subject, html: body.value, text };
}

export type AccessData = { practiceName: string; manageUrl: string; unsubscribeUrl: string; operator: Operator };

/** Sent instead of a confirmation when an already subscribed address signs up again. */
export function renderAccess(d: AccessData): RenderedMail {
  const subject = 'Sie sind bereits bei praxiswarn angemeldet';
  const text = [
    `Guten Tag, ${d.practiceName},`,
    '',
    'jemand hat diese E-Mail-Adresse erneut für praxiswarn angemeldet. Ihre Praxis ist bereits angemeldet; es hat sich nichts geändert.',
    '',
    'Ihre Produkte, die Häufigkeit und alle anderen Einstellungen ändern Sie hier (ohne Passwort):',
    d.manageUrl,
    '',
    'Wenn Sie das nicht waren, müssen Sie nichts tun.',
    '',
    '-- ',
    `Abmelden: ${d.unsubscribeUrl}`,
    '',
    ...impressumText(d.operator),
  ].join('\n');
  const body = frame(
    subject,
    html`<p>Guten Tag, ${d.practiceName},</p>
<p>jemand hat diese E-Mail-Adresse erneut für praxiswarn angemeldet. Ihre Praxis ist bereits angemeldet; es hat sich nichts geändert.</p>
<p><a href="${d.manageUrl}">Einstellungen ansehen und ändern</a> (ohne Passwort)</p>
<p>Wenn Sie das nicht waren, müssen Sie nichts tun.</p>
<hr style="border: none; border-top: 1px solid #ccc;"><p style="font-size: 13px; color: #555;"><a href="${d.unsubscribeUrl}">Vom Warndienst abmelden</a></p>
${impressumHtml(d.operator)}`,
  );
  return { subject, html: body.value, text };
}
