import { formatShortDate } from '../notify/templates/format.js';
import { html } from '../notify/templates/html.js';
import { publicPage } from '../web/public/page.js';
import { periodChoices } from './evidence-period.js';
import { actionStatusText, answeredText, answerText, evidenceHeader, evidenceIntro, evidenceTitle, severityText, type EvidenceReport } from './evidence-report.text.js';

/**
 * The printable page of the Nachweis: the period chooser and the downloads are left out of the print (app.css
 * `.no-print`), so printing the page gives the same document as the PDF.
 */
export function evidencePage(r: EvidenceReport, token: string, now: Date): string {
  const base = `/verwalten/${token}/nachweis`;
  const choices = periodChoices(now);
  if (!choices.some((c) => c.key === r.period.key)) choices.unshift({ key: r.period.key, label: r.period.label });
  const query = `?zeitraum=${encodeURIComponent(r.period.key)}`;
  return publicPage(
    evidenceTitle,
    html`<p class="no-print"><a href="/verwalten/${token}">Zurück zu Ihren Einstellungen</a></p>
<h1>${evidenceTitle}</h1>
<dl class="evidence-head">${evidenceHeader(r).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
${evidenceIntro().map((p) => html`<p class="hint">${p}</p>`)}
<form method="get" action="${base}" class="no-print evidence-period">
<label for="zeitraum">Zeitraum</label>
<select id="zeitraum" name="zeitraum">${choices.map((c) => html`<option value="${c.key}"${c.key === r.period.key ? html` selected` : ''}>${c.label}</option>`)}</select>
<button type="submit" class="secondary">Anzeigen</button>
</form>
<p class="no-print"><a class="button" href="${base}.pdf${query}" download>Als PDF herunterladen</a>
<a class="button secondary" href="${base}.csv${query}" download>Als CSV herunterladen (Excel)</a></p>
<p class="hint no-print">Zum Ausdrucken nutzen Sie die Druckfunktion Ihres Browsers: Auswahl und Knöpfe werden nicht mitgedruckt.</p>
<h2>Warnungen im Zeitraum (${r.items.length})</h2>
${r.items.length === 0 ? html`<p>Im Zeitraum gab es keine Sicherheitswarnung für Ihre Praxis und keinen Vermerk zu einer älteren Warnung.</p>` : ''}
${r.items.map((item, i) => {
  const answered = answeredText(item);
  return html`<section class="advisory evidence-item" aria-labelledby="n-${item.advisoryId}">
<h3 id="n-${item.advisoryId}">${i + 1}. ${item.title}</h3>
<p><span class="severity severity-${item.severity}">${severityText(item)}</span> · Erste E-Mail am ${formatShortDate(item.firstMailAt)}${item.viaDeputy ? ' (an Ihre Urlaubsvertretung)' : ''}</p>
<p><strong>Betrifft uns?</strong> ${answerText(item)}${answered ? ` (${answered})` : ''}</p>
${item.actions.length === 0 ? html`<p>Keine konkreten Maßnahmen genannt.</p>` : html`<ol class="actions">${item.actions.map((a) => html`<li>${a.text} – <span class="${a.doneAt ? 'done' : 'still-open'}">${actionStatusText(a)}</span></li>`)}</ol>`}
</section>`;
})}`,
  );
}
