import type { AdvisoryView } from '../advisory-view.js';
import { byUrgency, deadlineWords, mostUrgent, type Urgency } from '../urgency.js';
import type { RenderedMail } from './alert.js';
import { actionsHtml, actionsText, type AckUrls } from './actions.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
import { html } from './html.js';
import { subjectLine } from './subject.js';
import { advisoryLinkLabel, leadHtml, severitySentence, urgencyFor, whatToDo } from './what-to-do.js';

/** `now`: the send time, which the deadlines count from (the current time when left out). */
export type DigestData = {
  practiceName: string;
  cadence: 'daily' | 'weekly';
  advisories: AdvisoryView[];
  now?: Date;
  /** The practice's signed "erledigt" links per advisory id. */
  acks?: Record<number, AckUrls>;
  footer: FooterData;
};

const warnings = (n: number) => (n === 1 ? 'eine neue Warnung' : `${n} neue Warnungen`);

type Item = { advisory: AdvisoryView; urgency: Urgency; firstLine: string };

/** The items grouped by urgency word, most urgent first (within a group in the order they matched). */
function groups(items: Item[]): { label: string; items: Item[] }[] {
  const sorted = [...items].sort((a, b) => byUrgency(a.urgency, b.urgency));
  const out: { label: string; items: Item[] }[] = [];
  for (const item of sorted) {
    const last = out.at(-1);
    if (last?.label === item.urgency.label) last.items.push(item);
    else out.push({ label: item.urgency.label, items: [item] });
  }
  return out;
}

/** The German digest: what matched since the last one, most urgent first; never rendered for an empty list. */
export function renderDigest(data: DigestData): RenderedMail {
  const d = { ...data, now: data.now ?? new Date() };
  const period = d.cadence === 'daily' ? 'tägliche' : 'wöchentliche';
  const items: Item[] = d.advisories.map((advisory) => {
    const urgency = urgencyFor(advisory.severity, advisory.actions, advisory.products, advisory.exploited);
    return { advisory, urgency, firstLine: whatToDo({ urgency, products: advisory.products, actions: advisory.actions, now: d.now }) };
  });
  const top = mostUrgent(items.map((i) => i.urgency));
  const count = warnings(items.length);
  const subject = subjectLine(top.label, '', `${count.charAt(0).toUpperCase()}${count.slice(1)} für Ihre Praxis`);
  // The first line speaks of the most urgent warnings: those with the earliest deadline.
  const urgent = items.filter((i) => i.urgency.level === top.level && i.urgency.days === top.days);
  const firstLine =
    top.level === 'kenntnis' && items.length > 1
      ? 'Sie müssen nichts sofort tun: Die Warnungen unten sind zu Ihrer Information.'
      : urgent.length === 1
        ? urgent[0]!.firstLine
        : `Bitte erledigen Sie die Maßnahmen zu ${urgent.length} Warnungen unten ${deadlineWords(top, d.now)}.`;
  const intro = `hier ist die ${period} Übersicht für Ihre Praxis ${practiceWords(d.practiceName)}: Seit der letzten Übersicht gibt es ${count} zu Ihren Produkten.`;
  const products = (a: AdvisoryView) => `Betroffen: ${a.products.map((p) => p.name).join(', ')}`;
  const text = [
    firstLine,
    '',
    greeting,
    '',
    intro,
    '',
    ...groups(items).flatMap((g) => [
      `${g.label}:`,
      ...g.items.flatMap(({ advisory: a, firstLine: todo }) => [
        `- ${a.title}`,
        `  ${products(a)}`,
        `  ${todo}`,
        ...actionsText(a.actions, d.acks?.[a.id], { indent: '  ' }),
        `  ${severitySentence(a.severity)}`,
        `  ${advisoryLinkLabel}: ${a.url}`,
      ]),
      '',
    ]),
    ...footerText(d.footer),
  ].join('\n');
  const content = html`<p>${intro}</p>
${groups(items).map(
    (g) => html`<h2 style="font-size: 16px;">${g.label}</h2>
<ul>${g.items.map(
      ({ advisory: a, firstLine: todo }) =>
        html`<li style="margin-bottom: 12px;"><strong>${a.title}</strong><br>${products(a)}<br>${todo}${a.actions.length ? actionsHtml(a.actions, d.acks?.[a.id]) : html`<br>`}<span style="font-size: 13px; color: #555;">${severitySentence(a.severity)}</span><br><a href="${a.url}">${advisoryLinkLabel}</a></li>`,
    )}</ul>`,
  )}`;
  return { subject, html: mailDocument(subject, { lead: leadHtml(top, firstLine, null), content, foot: footerHtml(d.footer) }), text };
}
