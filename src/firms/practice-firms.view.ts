import type { Db } from '../db/client.js';
import { formatDate } from '../notify/templates/format.js';
import { html, type SafeHtml } from '../notify/templates/html.js';
import { answerLabels, reasonLabels } from './firm-page.view.js';
import { firmNotes, type FirmNote } from './firm-notes.repository.js';
import { firmsOfPractice } from './firms.repository.js';

/**
 * The "IT-Dienstleister" section of a practice's manage page: the firms it invited (with revoke buttons), the form
 * to invite one, and what the firms recorded for it.
 */
export function practiceFirmsSection(db: Db, practiceId: number, token: string, error?: { message: string; value: string }): SafeHtml {
  const list = firmsOfPractice(db, practiceId);
  const state = (f: (typeof list)[number]) =>
    f.status === 'active'
      ? `sieht Ihre offenen Maßnahmen seit ${formatDate(f.invitedAt)}`
      : f.status === 'pending'
        ? `eingeladen am ${formatDate(f.invitedAt)}; sieht Ihre Maßnahmen, sobald er seine Anmeldung bestätigt hat`
        : 'hat sich bei praxiswarn abgemeldet und sieht nichts; er müsste sich neu anmelden';
  const notes = firmNotes(db, practiceId, 10);
  return html`<h2 id="dienstleister">IT-Dienstleister</h2>
<p>Betreut ein IT-Dienstleister Ihre Praxis, können Sie ihn hier einladen: Er sieht dann die offenen Maßnahmen Ihrer Praxis auf seiner eigenen Seite (zusammen mit denen anderer Praxen, die er betreut), kann für Sie „Betrifft uns?“ beantworten und Maßnahmen als erledigt vermerken, und er erhält je Warnung eine E-Mail. Den Zugriff beenden Sie hier jederzeit, mit sofortiger Wirkung.</p>
${list.length
  ? html`<ul class="plain firm-list">${list.map(
      (f) => html`<li><strong>${f.name === f.email ? f.email : f.name}</strong>${f.name === f.email ? '' : html` (${f.email})`}: ${state(f)}
<form method="post" action="/verwalten/${token}/dienstleister/${f.id}/entfernen" class="inline-form"><button type="submit" class="secondary" aria-label="Zugriff beenden: ${f.email}">Zugriff beenden</button></form></li>`,
    )}</ul>`
  : html`<p>Sie haben noch keinen IT-Dienstleister eingeladen.</p>`}
<form method="post" action="/verwalten/${token}/dienstleister" novalidate>
<label for="f-firmEmail">E-Mail-Adresse des IT-Dienstleisters, den Sie einladen</label>
<p class="hint" id="h-firmEmail">Wir schreiben ihm eine E-Mail mit der Einladung. Ist er noch nicht bei praxiswarn angemeldet, meldet er sich zuerst an.</p>
${error ? html`<p class="field-error" id="e-firmEmail" role="alert">${error.message}</p>` : ''}
<input type="email" id="f-firmEmail" name="firmEmail" value="${error?.value ?? ''}" autocomplete="off" aria-describedby="h-firmEmail${error ? ' e-firmEmail' : ''}" ${error ? html`aria-invalid="true"` : ''}>
<button type="submit">IT-Dienstleister einladen</button>
</form>
<p class="hint">Unabhängig davon erhält die Adresse im Feld „E-Mail-Adresse Ihres IT-Dienstleisters“ unter „Produkte und Einstellungen“ eine Kopie jeder Warnung an Ihre Praxis.</p>
${notes.length ? html`<h3>Vermerke Ihres IT-Dienstleisters</h3><ul class="plain firm-notes">${notes.map(noteHtml)}</ul>` : ''}`;
}

function noteHtml(n: FirmNote): SafeHtml {
  const what =
    n.kind === 'tick'
      ? html`${n.action ? html`„${n.action}“` : 'alle Maßnahmen'} als erledigt vermerkt`
      : html`„${answerLabels[n.answer]}“${n.reason ? ` (${reasonLabels[n.reason]})` : ''} geantwortet`;
  return html`<li>${formatDate(n.at)}: ${n.firmName} hat bei <a href="/warnungen/${n.advisoryId}">${n.title}</a> ${what}.</li>`;
}
