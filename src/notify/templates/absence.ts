import type { AdvisoryView } from '../advisory-view.js';
import type { RenderedMail } from './alert.js';
import { actionsHtml, actionsText, type AckUrls } from './actions.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { footerHtml, footerText, impressumHtml, impressumText, type FooterData, type Operator } from './footer.js';
import { formatDate } from './format.js';
import { html } from './html.js';
import { advisoryLinkLabel, buttonStyle, severitySentence } from './what-to-do.js';

const lead = (inner: ReturnType<typeof html>) => html`<div style="border-left: 4px solid #1a4f8b; background: #f3f6fa; padding: 12px 16px; margin: 0 0 16px;">${inner}</div>`;

export type DeputyConfirmData = {
  practiceName: string;
  practiceEmail: string;
  /** `DD.MM.YYYY`, both inclusive. */
  firstDay: string;
  lastDay: string;
  confirmUrl: string;
  expiresAt: Date;
  operator: Operator;
};

/**
 * Asks the deputy address whether it takes a closed practice's warnings: who asked, for which days, what that
 * means, one link. No unsubscribe link: the address is not subscribed to anything, and without a "yes" nothing
 * is sent to it.
 */
export function renderDeputyConfirm(d: DeputyConfirmData): RenderedMail {
  const practice = `${practiceWords(d.practiceName)} (${d.practiceEmail})`;
  const subject = `Urlaubsvertretung für ${practiceWords(d.practiceName)}: Bitte bestätigen Sie`;
  const firstLine = `Die Praxis ${practice} bittet Sie, vom ${d.firstDay} bis zum ${d.lastDay} ihre Sicherheitswarnungen zu übernehmen.`;
  const meaning = [
    'Die Praxis ist in dieser Zeit geschlossen. Wenn Sie zustimmen, senden wir Warnungen, bei denen sofort oder zeitnah etwas zu tun ist, an Sie statt an die Praxis – mit einem Hinweis, für wen sie sind.',
    'Warnungen nur zur Kenntnis erhält die Praxis gesammelt am ersten Tag nach der Schließzeit. Am Ende der Schließzeit endet die Vertretung von selbst.',
  ];
  const until = `Der Link gilt bis zum ${formatDate(d.expiresAt)}. Ohne Ihre Bestätigung ändert sich nichts: Die Warnungen gehen weiter an die Praxis.`;
  const notYou = 'Sie kennen die Praxis nicht oder möchten nicht vertreten? Dann ignorieren Sie diese E-Mail einfach.';
  const text = [firstLine, `Vertretung bestätigen: ${d.confirmUrl}`, '', greeting, '', ...meaning, '', until, '', notYou, '', '-- ', ...impressumText(d.operator)].join('\n');
  const body = mailDocument(subject, {
    lead: lead(html`<p style="margin: 0; font-size: 17px;"><strong>${firstLine}</strong></p>
<p style="margin: 12px 0 0;"><a href="${d.confirmUrl}" style="${buttonStyle}">Vertretung bestätigen</a></p>`),
    content: html`${meaning.map((m) => html`<p>${m}</p>`)}
<p>${until}</p>
<p style="font-size: 13px;">Falls der Knopf nicht funktioniert, öffnen Sie diesen Link: <a href="${d.confirmUrl}">${d.confirmUrl}</a></p>
<p>${notYou}</p>`,
    foot: html`<hr style="border: none; border-top: 1px solid #ccc;">${impressumHtml(d.operator)}`,
  });
  return { subject, html: body, text };
}

export type HeldData = {
  practiceName: string;
  /** `DD.MM.YYYY`, both inclusive. */
  firstDay: string;
  lastDay: string;
  advisories: AdvisoryView[];
  acks: Record<number, AckUrls>;
  footer: FooterData;
};

const count = (n: number) => (n === 1 ? 'eine Warnung' : `${n} Warnungen`);

/** The warnings for information only that waited while the practice was closed, in one mail on the first day back. */
export function renderHeld(d: HeldData): RenderedMail {
  const subject = `Zur Kenntnis: ${count(d.advisories.length)} aus Ihrer Schließzeit`;
  const firstLine = 'Sie müssen nichts sofort tun: Diese Warnungen sind zu Ihrer Information.';
  const intro = `willkommen zurück. Während Ihre Praxis ${practiceWords(d.practiceName)} vom ${d.firstDay} bis zum ${d.lastDay} geschlossen war, kamen ${count(d.advisories.length)} zur Kenntnis. Wir haben sie für Sie gesammelt; dringende Warnungen gingen in dieser Zeit an Ihre Vertretung.`;
  const products = (a: AdvisoryView) => `Betroffen: ${a.products.map((p) => p.name).join(', ')}`;
  const text = [
    firstLine,
    '',
    greeting,
    '',
    intro,
    '',
    ...d.advisories.flatMap((a) => [`- ${a.title}`, `  ${products(a)}`, ...actionsText(a.actions, d.acks[a.id], { indent: '  ' }), `  ${severitySentence(a.severity)}`, `  ${advisoryLinkLabel}: ${a.url}`, '']),
    ...footerText(d.footer),
  ].join('\n');
  const content = html`<p>${intro}</p>
<ul>${d.advisories.map(
    (a) =>
      html`<li style="margin-bottom: 12px;"><strong>${a.title}</strong><br>${products(a)}${a.actions.length ? actionsHtml(a.actions, d.acks[a.id]) : html`<br>`}<span style="font-size: 13px; color: #555;">${severitySentence(a.severity)}</span><br><a href="${a.url}">${advisoryLinkLabel}</a></li>`,
  )}</ul>`;
  return { subject, html: mailDocument(subject, { lead: lead(html`<p style="margin: 0; font-size: 17px;"><strong>${firstLine}</strong></p>`), content, foot: footerHtml(d.footer) }), text };
}
