import type { Severity } from '../../advisories/advisories.table.js';
import { formatDate, severityLabel } from './format.js';
import type { DeliverySettings } from '../settings.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
import { html, safeUrl } from './html.js';
import { oneLine } from './one-line.js';
import type { MimeMail } from '../mime.js';

export type AlertData = {
  practiceName: string;
  title: string;
  summary: string;
  severity: Severity;
  publishedAt: Date | null;
  /** Only the practice's own affected products. */
  products: { name: string; fixedVersion: string | null }[];
  actions: string[];
  sources: { publisher: string; title: string; url: string | null; publishedAt: Date | null }[];
  subscribedProducts: string[];
  unsubscribeUrl: string;
  operatorName: string;
  /** The operator with address and Impressum link for the foot of the mail. */
  operator?: DeliverySettings['operator'];
  /** The practice's settings page (signed link, no password). */
  manageUrl?: string;
  /** Signed "erledigt" links: one per action (same order) and one for all of them. */
  ackUrls?: { actions: string[]; all: string };
};

/** `encoded`: the bodies already quoted-printable in pieces, when the renderer has them (see alert-cache). */
export type RenderedMail = { subject: string; html: string; text: string; encoded?: MimeMail['encoded'] };

/** The German alert mail; a pure function of its data, HTML and plain text from the same parts. */
export function renderAlert(d: AlertData): RenderedMail {
  const productNames = d.products.map((p) => p.name).join(', ');
  const mainAction = d.actions.find((a) => /\d+\.\d+/.test(a)) ?? d.actions[0];
  const subject = oneLine(`[${severityLabel[d.severity]}] ${productNames}${mainAction ? `: ${mainAction}` : ': neuer Sicherheitshinweis'}`, 180);
  const productLine = (p: AlertData['products'][number]) => (p.fixedVersion ? `${p.name} (behoben in Version ${p.fixedVersion})` : p.name);
  const dated = d.publishedAt ? ` vom ${formatDate(d.publishedAt)}` : '';
  const why = `Sie erhalten diese E-Mail, weil Ihre Praxis Warnungen zu ${d.subscribedProducts.join(', ')} abonniert hat.`;
  const footer: FooterData = {
    why,
    manageUrl: d.manageUrl,
    unsubscribeUrl: d.unsubscribeUrl,
    operator: d.operator ?? { name: d.operatorName, address: '', imprintUrl: null },
  };

  const text = [
    `Guten Tag, ${d.practiceName},`,
    '',
    `es gibt einen neuen Sicherheitshinweis${dated}, der Ihre Praxis betrifft.`,
    '',
    d.title,
    `Einstufung: ${severityLabel[d.severity]}`,
    '',
    'Was ist passiert?',
    d.summary || 'Details finden Sie in den unten genannten Quellen.',
    '',
    'Betroffen in Ihrer Praxis:',
    ...d.products.map((p) => `- ${productLine(p)}`),
    '',
    ...(d.actions.length
      ? [
          'Was Sie jetzt tun sollten:',
          ...d.actions.map((a, i) => `${i + 1}. ${a}${d.ackUrls?.actions[i] ? `\n   Erledigt? ${d.ackUrls.actions[i]}` : ''}`),
          ...(d.ackUrls ? ['', `Alles erledigt? ${d.ackUrls.all}`] : []),
        ]
      : ['Die Quelle nennt keine konkreten Maßnahmen. Bitte wenden Sie sich bei Fragen an Ihren IT-Dienstleister.']),
    '',
    'Quellen:',
    ...d.sources.map((s) => `- ${s.publisher}: ${s.title}${s.publishedAt ? ` (${formatDate(s.publishedAt)})` : ''}${safeUrl(s.url) ? `\n  ${safeUrl(s.url)}` : ''}`),
    '',
    ...footerText(footer),
  ].join('\n');

  const body = html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 640px; margin: 0 auto; padding: 16px;">
<p>Guten Tag, ${d.practiceName},</p>
<p>es gibt einen neuen Sicherheitshinweis${dated}, der Ihre Praxis betrifft.</p>
<h1 style="font-size: 20px;">${d.title}</h1>
<p><strong>Einstufung:</strong> ${severityLabel[d.severity]}</p>
<h2 style="font-size: 16px;">Was ist passiert?</h2>
<p>${d.summary || 'Details finden Sie in den unten genannten Quellen.'}</p>
<h2 style="font-size: 16px;">Betroffen in Ihrer Praxis</h2>
<ul>${d.products.map((p) => html`<li>${productLine(p)}</li>`)}</ul>
${d.actions.length
    ? html`<h2 style="font-size: 16px;">Was Sie jetzt tun sollten</h2><ol>${d.actions.map((a, i) => {
        const ack = d.ackUrls?.actions[i];
        return ack ? html`<li>${a} <a href="${ack}" style="font-size: 13px;">(erledigt)</a></li>` : html`<li>${a}</li>`;
      })}</ol>${d.ackUrls ? html`<p><a href="${d.ackUrls.all}">Alle Maßnahmen erledigt</a></p>` : ''}`
    : html`<p>Die Quelle nennt keine konkreten Maßnahmen. Bitte wenden Sie sich bei Fragen an Ihren IT-Dienstleister.</p>`}
<h2 style="font-size: 16px;">Quellen</h2>
<ul>${d.sources.map((s) => {
    const url = safeUrl(s.url);
    const label = html`${s.publisher}: ${s.title}${s.publishedAt ? ` (${formatDate(s.publishedAt)})` : ''}`;
    return url ? html`<li><a href="${url}">${label}</a></li>` : html`<li>${label}</li>`;
  })}</ul>
${footerHtml(footer)}
</body></html>`;

  return { subject, html: body.value, text };
}
