import type { AdvisoryView } from '../advisory-view.js';
import { byUrgency, deadlineWords, mostUrgent, type Urgency } from '../urgency.js';
import type { RenderedMail } from './alert.js';
import { actionsHtml, actionsText, type AckUrls } from './actions.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
import { html } from './html.js';
import { advisoryLinkLabel, leadHtml, severitySentence, urgencyFor, whatToDo } from './what-to-do.js';

/** An advisory already known when the practice subscribed, with what it has ticked already and its signed links. */
export type OpenAdvisory = {
  advisory: AdvisoryView;
  /** Per action (same order): whether the practice ticked it already. */
  done: boolean[];
  ackUrls: AckUrls;
};

export type WelcomeData = { practiceName: string; subscribedProducts: string[]; open: OpenAdvisory[]; now: Date; footer: FooterData };

type Item = OpenAdvisory & { urgency: Urgency; firstLine: string };

/**
 * The mail after the practice confirmed its sign-up: what it will hear about, and the advisories on its products
 * that are still open, most urgent first, each with its actions to tick. Also sent when nothing is open.
 */
export function renderWelcome(d: WelcomeData): RenderedMail {
  const items: Item[] = d.open
    .map((o) => {
      const a = o.advisory;
      const urgency = urgencyFor(a.severity, a.actions, a.products, a.exploited);
      return { ...o, urgency, firstLine: whatToDo({ urgency, products: a.products, actions: a.actions, now: d.now }) };
    })
    .sort((x, y) => byUrgency(x.urgency, y.urgency));
  const top = mostUrgent(items.map((i) => i.urgency));
  const n = items.length;
  const subject =
    n === 0
      ? 'Willkommen bei praxiswarn: Ihre Anmeldung ist bestätigt'
      : `[${top.label}] Willkommen bei praxiswarn: ${n === 1 ? 'eine offene Warnung' : `${n} offene Warnungen`} für Ihre Praxis`;
  const urgent = items.filter((i) => i.urgency.level === top.level && i.urgency.days === top.days);
  const firstLine =
    n === 0
      ? 'Sie müssen nichts tun: Zu Ihren Produkten ist derzeit keine Warnung offen.'
      : top.level === 'kenntnis' && n > 1
        ? 'Sie müssen nichts sofort tun: Die bekannten Warnungen unten sind zu Ihrer Information.'
        : urgent.length === 1
          ? urgent[0]!.firstLine
          : `Bitte erledigen Sie die Maßnahmen zu ${urgent.length} Warnungen unten ${deadlineWords(top, d.now)}.`;
  const intro = `Ihre Praxis ${practiceWords(d.practiceName)} ist jetzt bei praxiswarn angemeldet. Ab sofort warnen wir Sie zu: ${d.subscribedProducts.join(', ')}.`;
  const known =
    n === 0
      ? 'Zu Ihren Produkten ist derzeit keine Warnung offen. Sobald es eine neue gibt, schreiben wir Ihnen.'
      : `Zu Ihren Produkten ${n === 1 ? 'gibt es bereits eine Warnung, die noch offen ist' : `gibt es bereits ${n} Warnungen, die noch offen sind`}. Markieren Sie erledigte Maßnahmen mit den Links als erledigt; so behalten Sie und Ihr IT-Dienstleister den Überblick.`;
  const products = (a: AdvisoryView) => a.products.map((p) => p.name).join(', ');

  const text = [
    firstLine,
    '',
    greeting,
    '',
    intro,
    '',
    known,
    ...items.flatMap((i) => [
      '',
      `[${i.urgency.label}] ${i.advisory.title}`,
      i.firstLine,
      `Betroffen: ${products(i.advisory)}`,
      severitySentence(i.advisory.severity),
      ...(i.advisory.actions.length ? ['Maßnahmen:', ...actionsText(i.advisory.actions, i.ackUrls, { done: i.done }), ''] : []),
      `${advisoryLinkLabel}: ${i.advisory.url}`,
    ]),
    '',
    ...footerText(d.footer),
  ].join('\n');
  const content = html`<p>${intro}</p>
<p>${known}</p>
${items.map(
    (i) => html`<h2 style="font-size: 16px;">[${i.urgency.label}] ${i.advisory.title}</h2>
<p><strong>${i.firstLine}</strong><br>Betroffen: ${products(i.advisory)}<br><span style="font-size: 13px; color: #555;">${severitySentence(i.advisory.severity)}</span></p>
${i.advisory.actions.length ? actionsHtml(i.advisory.actions, i.ackUrls, { done: i.done }) : ''}
<p><a href="${i.advisory.url}">${advisoryLinkLabel}</a></p>`,
  )}`;
  return { subject, html: mailDocument(subject, { lead: leadHtml(top, firstLine, null), content, foot: footerHtml(d.footer) }), text };
}
