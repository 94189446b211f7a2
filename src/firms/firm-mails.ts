import { formatDate, formatShortDate } from '../notify/templates/format.js';
import { greeting, mailDocument } from '../notify/templates/document.js';
import { impressumHtml, impressumText, type Operator } from '../notify/templates/footer.js';
import { html, type SafeHtml } from '../notify/templates/html.js';
import type { RenderedMail } from '../notify/templates/alert.js';
import { buttonStyle } from '../notify/templates/what-to-do.js';

// The firm's account mails: confirmation (double opt-in), its page again, an invitation by a practice.

const lead = (inner: SafeHtml) => html`<div style="border-left: 4px solid #1a4f8b; background: #f3f6fa; padding: 12px 16px; margin: 0 0 16px;">${inner}</div>`;
const quoted = (name: string) => `„${name}“`;

/** The foot of a firm's mail: why it gets it, its page and unsubscribe links (none before it confirmed), the Impressum. */
export function firmFooter(f: { why: string; pageUrl?: string; unsubscribeUrl?: string; operator: Operator }): { text: string[]; html: SafeHtml } {
  const links = [...(f.pageUrl ? [`Ihre Übersicht: ${f.pageUrl}`] : []), ...(f.unsubscribeUrl ? [`Abmelden: ${f.unsubscribeUrl}`] : [])];
  return {
    text: ['-- ', f.why, ...links, '', ...impressumText(f.operator)],
    html: html`<hr style="border: none; border-top: 1px solid #ccc;">
<p style="font-size: 13px; color: #555;">${f.why}${f.pageUrl || f.unsubscribeUrl ? html`<br>` : ''}${f.pageUrl ? html`<a href="${f.pageUrl}">Ihre Übersicht</a>` : ''}${f.pageUrl && f.unsubscribeUrl ? ' · ' : ''}${f.unsubscribeUrl ? html`<a href="${f.unsubscribeUrl}">Vom Warndienst abmelden</a>` : ''}</p>
${impressumHtml(f.operator)}`,
  };
}

function mail(subject: string, firstLine: string, button: { url: string; label: string } | null, paragraphs: string[], foot: { text: string[]; html: SafeHtml }): RenderedMail {
  const text = [firstLine, ...(button ? [`${button.label}: ${button.url}`] : []), '', greeting, '', ...paragraphs.flatMap((p) => [p, '']), ...foot.text].join('\n');
  const body = mailDocument(subject, {
    lead: lead(html`<p style="margin: 0; font-size: 17px;"><strong>${firstLine}</strong></p>
${button ? html`<p style="margin: 12px 0 0;"><a href="${button.url}" style="${buttonStyle}">${button.label}</a></p>` : ''}`),
    content: html`${paragraphs.map((p) => html`<p>${p}</p>`)}${button ? html`<p style="font-size: 13px;">Falls der Knopf nicht funktioniert, öffnen Sie diesen Link: <a href="${button.url}">${button.url}</a></p>` : ''}`,
    foot: foot.html,
  });
  return { subject, html: body, text };
}

export function renderFirmConfirm(d: { firmName: string; confirmUrl: string; expiresAt: Date; operator: Operator }): RenderedMail {
  return mail(
    'Bitte bestätigen Sie die Anmeldung Ihres Unternehmens bei praxiswarn',
    `Bitte bestätigen Sie die Anmeldung bis spätestens ${formatShortDate(d.expiresAt)}.`,
    { url: d.confirmUrl, label: 'Anmeldung bestätigen' },
    [
      `Ihr Unternehmen ${quoted(d.firmName)} wurde als IT-Dienstleister bei praxiswarn angemeldet. Nach der Bestätigung sehen Sie die offenen Sicherheitsmaßnahmen aller Praxen, die Sie dazu einladen, auf einer Seite und erhalten je Warnung eine E-Mail.`,
      `Der Link gilt bis zum ${formatDate(d.expiresAt)}.`,
      'Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail einfach.',
    ],
    firmFooter({ why: 'Sie erhalten diese E-Mail, weil diese Adresse als IT-Dienstleister angemeldet wurde.', operator: d.operator }),
  );
}

export function renderFirmAccess(d: { firmName: string; pageUrl: string; unsubscribeUrl: string; operator: Operator }): RenderedMail {
  return mail(
    'Sie sind bereits bei praxiswarn angemeldet',
    'Sie müssen nichts tun: Ihr Unternehmen ist bereits angemeldet.',
    { url: d.pageUrl, label: 'Zu Ihrer Übersicht' },
    [`jemand hat diese Adresse erneut als IT-Dienstleister angemeldet. ${quoted(d.firmName)} ist bereits angemeldet; über den Link oben erreichen Sie Ihre Übersicht (ohne Passwort).`, 'Wenn Sie das nicht waren, müssen Sie nichts tun.'],
    firmFooter({ why: 'Sie erhalten diese E-Mail, weil Ihr Unternehmen bei praxiswarn als IT-Dienstleister angemeldet ist.', pageUrl: d.pageUrl, unsubscribeUrl: d.unsubscribeUrl, operator: d.operator }),
  );
}

/**
 * A practice invited the firm: an active firm is told it sees the practice now; any other is asked to sign up
 * (the practice appears once it confirmed).
 */
export function renderFirmInvited(d: { practiceName: string; active: boolean; pageUrl: string; signupUrl: string; unsubscribeUrl: string; operator: Operator }): RenderedMail {
  const who = `Die Praxis ${quoted(d.practiceName)}`;
  const foot = firmFooter({
    why: `Sie erhalten diese E-Mail, weil die Praxis ${quoted(d.practiceName)} Sie bei praxiswarn als IT-Dienstleister eingetragen hat.`,
    pageUrl: d.active ? d.pageUrl : undefined,
    unsubscribeUrl: d.unsubscribeUrl,
    operator: d.operator,
  });
  if (d.active) {
    return mail(
      'Eine Praxis hat Sie als IT-Dienstleister eingeladen',
      `${who} hat Sie als IT-Dienstleister eingeladen.`,
      { url: d.pageUrl, label: 'Zu Ihrer Übersicht' },
      [`die Praxis ${quoted(d.practiceName)} erscheint ab sofort in Ihrer Übersicht, mit ihren offenen Maßnahmen. Zu neuen Warnungen erhalten Sie eine E-Mail je Warnung mit allen betroffenen Praxen. Die Praxis kann den Zugriff jederzeit beenden.`],
      foot,
    );
  }
  return mail(
    'Eine Praxis möchte Sie bei praxiswarn als IT-Dienstleister einladen',
    `${who} möchte Ihnen ihre Sicherheitswarnungen zeigen.`,
    { url: d.signupUrl, label: 'Als IT-Dienstleister anmelden' },
    [
      `die Praxis ${quoted(d.practiceName)} nutzt praxiswarn, einen kostenlosen Warndienst für Arztpraxen, und hat Sie als IT-Dienstleister eingetragen. Wenn Sie sich anmelden und die Anmeldung bestätigen, sehen Sie die offenen Maßnahmen der Praxis auf einer Seite und erhalten je Warnung eine E-Mail.`,
      'Sie kennen die Praxis nicht oder möchten das nicht? Dann ignorieren Sie diese E-Mail oder melden Sie sich über den Link unten ab; dann schreiben wir Ihnen nicht mehr.',
    ],
    foot,
  );
}
