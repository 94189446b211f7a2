import type { DeliverySettings } from '../settings.js';
import { html, safeUrl, type SafeHtml } from './html.js';

export type Operator = DeliverySettings['operator'];
export type FooterData = { why: string; manageUrl?: string; unsubscribeUrl: string; operator: Operator };

const operatorLine = (o: Operator) => (o.address ? `${o.name}, ${o.address}` : o.name);

/** The Impressum every mail carries, the confirmation included: operator, postal address, link to its page. */
export function impressumText(o: Operator): string[] {
  const imprint = safeUrl(o.imprintUrl);
  return [operatorLine(o), ...(imprint ? [`Impressum: ${imprint}`] : [])];
}

export function impressumHtml(o: Operator): SafeHtml {
  const imprint = safeUrl(o.imprintUrl);
  return html`<p style="font-size: 12px; color: #777;">${operatorLine(o)}${imprint ? html` · <a href="${imprint}">Impressum</a>` : ''}</p>`;
}

/** The foot of every mail to a practice: why it gets the mail, manage and unsubscribe links, the Impressum. */
export function footerText(f: FooterData): string[] {
  return [
    '-- ',
    f.why,
    ...(f.manageUrl ? [`Einstellungen ändern: ${f.manageUrl}`] : []),
    `Abmelden: ${f.unsubscribeUrl}`,
    '',
    ...impressumText(f.operator),
  ];
}

export function footerHtml(f: FooterData): SafeHtml {
  return html`<hr style="border: none; border-top: 1px solid #ccc;">
<p style="font-size: 13px; color: #555;">${f.why}<br>${f.manageUrl ? html`<a href="${f.manageUrl}">Einstellungen ändern</a> · ` : ''}<a href="${f.unsubscribeUrl}">Vom Warndienst abmelden</a></p>
${impressumHtml(f.operator)}`;
}
