import { formatDate, severityLabel } from '../notify/templates/format.js';
import { html, type SafeHtml } from '../notify/templates/html.js';
import type { ImpactAnswer, ImpactReason } from '../practices/practices.table.js';
import { publicPage } from '../web/public/page.js';
import type { FirmSort, OpenItem } from './firm-overview.js';
import type { Firm } from './firms.repository.js';

export const answerLabels: Record<ImpactAnswer, string> = { betroffen: 'Betrifft uns', nicht_betroffen: 'Betrifft uns nicht', unklar: 'Weiß nicht' };
export const reasonLabels: Record<ImpactReason, string> = { nicht_im_einsatz: 'Produkt nicht im Einsatz', aktualisiert: 'Bereits aktualisiert', anderes_modell: 'Anderes Modell' };

/**
 * The firm's page: every practice it looks after with its open actions, most urgent first or by practice; each item
 * with "Betrifft uns?" and "erledigt" forms (POST, no script needed).
 */
export function firmPage(d: { firm: Firm; token: string; sort: FirmSort; practices: { id: number; name: string }[]; items: OpenItem[]; saved: boolean }): string {
  const base = `/dienstleister/${d.token}`;
  const sortLink = (sort: FirmSort, label: string) =>
    d.sort === sort ? html`<strong aria-current="true">${label}</strong>` : html`<a href="${base}?sortierung=${sort}">${label}</a>`;
  const openCount = (id: number) => d.items.filter((i) => i.practice.id === id).length;
  const body =
    d.sort === 'praxis'
      ? html`${d.practices.map((p) => {
          const mine = d.items.filter((i) => i.practice.id === p.id);
          return html`<h2 id="praxis-${p.id}">${p.name}</h2>${mine.length ? mine.map((i) => itemHtml(base, d.sort, i)) : html`<p>Keine offenen Maßnahmen.</p>`}`;
        })}`
      : d.items.length
        ? html`${d.items.map((i) => itemHtml(base, d.sort, i))}`
        : html`<p>Bei Ihren Praxen ist derzeit nichts offen.</p>`;
  return publicPage(
    'Übersicht für IT-Dienstleister',
    html`<h1>Offene Maßnahmen der Praxen von ${d.firm.name}</h1>
${d.saved ? html`<p class="notice" role="status">Ihr Vermerk ist gespeichert.</p>` : ''}
${d.practices.length
  ? html`<p>Sie betreuen ${d.practices.length === 1 ? 'eine Praxis' : `${d.practices.length} Praxen`}:</p>
<ul class="plain firm-practices">${d.practices.map((p) => html`<li>${p.name}: ${openCount(p.id) === 0 ? 'nichts offen' : openCount(p.id) === 1 ? '1 Warnung mit offenen Maßnahmen' : `${openCount(p.id)} Warnungen mit offenen Maßnahmen`}</li>`)}</ul>`
  : html`<p>Noch hat Sie keine Praxis eingeladen. Praxen laden Sie auf ihrer Einstellungsseite unter „IT-Dienstleister“ mit Ihrer Adresse <strong>${d.firm.email}</strong> ein.</p>`}
${d.practices.length ? html`<nav class="page-links" aria-label="Sortierung">Sortiert: ${sortLink('dringlichkeit', 'nach Dringlichkeit')} ${sortLink('praxis', 'nach Praxis')}</nav>${body}` : ''}
<h2 id="abmelden">Abmelden</h2>
<p>Jede unserer E-Mails enthält einen Link zum Abmelden. Danach sehen Sie keine Praxis mehr; die Praxen können Ihnen den Zugriff auch selbst jederzeit entziehen.</p>`,
  );
}

function itemHtml(base: string, sort: FirmSort, i: OpenItem): SafeHtml {
  const a = i.advisory;
  const anchor = `p${i.practice.id}-w${a.id}`;
  const hidden = html`<input type="hidden" name="practiceId" value="${i.practice.id}"><input type="hidden" name="advisoryId" value="${a.id}"><input type="hidden" name="sortierung" value="${sort}">`;
  const tick = (position: number, label: string, context: string) =>
    html`<form method="post" action="${base}/erledigt" class="inline-form">${hidden}<input type="hidden" name="position" value="${position}"><button type="submit" class="secondary" aria-label="${label}: ${context} (${i.practice.name})">${label}</button></form>`;
  const answered = i.answer
    ? html`<p>Ihre Antwort bisher: <strong>${answerLabels[i.answer.answer]}</strong>${i.answer.reason ? ` (${reasonLabels[i.answer.reason]})` : ''}, ${i.answer.firmId ? 'von Ihnen' : 'von der Praxis'} vermerkt am ${formatDate(i.answer.answeredAt)}.</p>`
    : '';
  return html`<section class="advisory" id="${anchor}" aria-labelledby="t-${anchor}">
<p class="meta"><strong>${i.practice.name}</strong></p>
<h3 id="t-${anchor}"><a href="/warnungen/${a.id}">${a.title}</a></h3>
<p><strong class="urgency urgency-${i.urgency.level}">${i.urgency.label}</strong> · <span class="severity severity-${a.severity}">${severityLabel[a.severity]}</span> · ${formatDate(a.matchedAt)} · ${i.open.length} von ${a.actions.length} Maßnahmen offen</p>
<form method="post" action="${base}/antwort">${hidden}<fieldset><legend>Betrifft die Praxis diese Warnung?</legend>${answered}
<button type="submit" name="answer" value="betroffen" class="secondary">${answerLabels.betroffen}</button>
<button type="submit" name="answer" value="unklar" class="secondary">${answerLabels.unklar}</button>
<label for="r-${anchor}">Betrifft uns nicht, weil:</label>
<select id="r-${anchor}" name="reason">${(Object.keys(reasonLabels) as ImpactReason[]).map((r) => html`<option value="${r}">${reasonLabels[r]}</option>`)}</select>
<button type="submit" name="answer" value="nicht_betroffen" class="secondary">${answerLabels.nicht_betroffen}</button></fieldset></form>
<ol class="actions">${i.open.map((x) => html`<li>${x.text} ${tick(x.position, 'Als erledigt vermerken', x.text)}</li>`)}</ol>
${i.open.length > 1 ? tick(-1, 'Alle Maßnahmen als erledigt vermerken', a.title) : ''}</section>`;
}
