import type { DeliverySettings } from '../settings.js';
import { html, safeUrl, type SafeHtml } from './html.js';

export type FooterData = { why: string; manageUrl?: string; unsubscribeUrl: string; operator: DeliverySettings['operator'] };

const operatorLine = (o: FooterData['operator']) => (o.address ? `${o.name}, ${o.address}` : o.name);

/** The foot of every mail to a practice: why it gets the mail, manage and unsubscribe links, the Impressum. */
export function footerText(f: FooterData): string[] {
  return [
    '-- ',
    f.why,
    ...(f.manageUrl ? [`Einstellungen ändern: ${f.manageUrl}`] : []),
    `Abmelden: ${f.unsubscribeUrl}`,
    '',
    operatorLine(f.operator),
    ...(safeUrl(f.operator.imprintUrl) ? [`Impressum: ${safeUrl(f.operator.imprintUrl)}`] : []),
  ];
}

export function footerHtml(f: FooterData): SafeHtml {
  const imprint = safeUrl(f.operator.imprintUrl);
  return html`<hr style="border: none; border-top: 1px solid #ccc;">
<p style="font-size: 13px; color: #555;">${f.why}<br>${f.manageUrl ? html`<a href="${f.manageUrl}">Einstellungen ändern</a> · ` : ''}<a href="${f.unsubscribeUrl}">Vom Warndienst abmelden</a></p>
<p style="font-size: 12px; color: #777;">${operatorLine(f.operator)}${imprint ? html` · <a href="${imprint}">Impressum</a>` : ''}</p>`;
}
