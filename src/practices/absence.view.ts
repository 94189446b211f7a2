import { formatDate } from '../notify/templates/format.js';
import { html, type SafeHtml } from '../notify/templates/html.js';
import { addDays, germanDay, heldHour } from './absence-days.js';
import { maxAbsenceDays, parseDay, type AbsenceErrors } from './absence.models.js';
import type { Absence } from './absences.repository.js';

export type AbsenceFormValues = { firstDay?: string; lastDay?: string; deputyEmail?: string };

const labels: Record<keyof AbsenceErrors, string> = {
  firstDay: 'Erster geschlossener Tag',
  lastDay: 'Letzter geschlossener Tag',
  deputyEmail: 'E-Mail-Adresse der Vertretung',
};

/** What is set now, in words: the period, the deputy, and whether anything is redirected yet. */
function status(absence: Absence | undefined, today: string, token: string): SafeHtml {
  if (!absence) return html`<p>Zurzeit ist keine Schließzeit eingetragen. Alle Warnungen gehen an Ihre Praxis.</p>`;
  const period = `vom ${germanDay(absence.firstDay)} bis zum ${germanDay(absence.lastDay)}`;
  const running = absence.firstDay <= today;
  const state = absence.deputyConfirmedAt
    ? html`<p><strong class="done">Bestätigt</strong> am ${formatDate(absence.deputyConfirmedAt)}. ${running ? 'Jetzt gehen' : 'In dieser Zeit gehen'} Warnungen, bei denen sofort oder zeitnah etwas zu tun ist, an <strong>${absence.deputyEmail}</strong>. Warnungen zur Kenntnis erhalten Sie gesammelt am ${germanDay(addDays(absence.lastDay, 1))} um ${heldHour} Uhr. Zusammenfassungen (täglich oder wöchentlich) pausieren.</p>`
    : html`<p><strong class="pending">Noch nicht bestätigt.</strong> Wir haben <strong>${absence.deputyEmail}</strong> eine E-Mail mit einem Bestätigungslink geschickt. Bis die Vertretung bestätigt, ändert sich nichts: Alle Warnungen gehen weiter an Ihre Praxis.</p>`;
  return html`<div class="notice" role="status"><p>Ihre Praxis ist ${period} geschlossen${running ? ' (läuft)' : ''}.</p>
${state}
<form method="post" action="/verwalten/${token}/schliesszeit/aufheben"><button type="submit" class="secondary">Schließzeit aufheben</button></form></div>`;
}

function errorList(errors: AbsenceErrors): SafeHtml | '' {
  const entries = (Object.keys(labels) as (keyof AbsenceErrors)[]).filter((k) => errors[k]);
  if (entries.length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="fehler-schliesszeit">
<h2>Bitte prüfen Sie Ihre Angaben</h2>
<ul>${entries.map((k) => html`<li><a href="#f-${k}">${labels[k]}: ${errors[k]!}</a></li>`)}</ul></div>`;
}

function field(errors: AbsenceErrors, name: keyof AbsenceErrors, type: 'date' | 'email', value: string, hint: string, extra: SafeHtml = html``): SafeHtml {
  const error = errors[name];
  const described = error ? html`aria-invalid="true" aria-describedby="h-${name} e-${name}"` : html`aria-describedby="h-${name}"`;
  return html`<label for="f-${name}">${labels[name]}</label>
<p class="hint" id="h-${name}">${hint}</p>${error ? html`<p class="field-error" id="e-${name}">${error}</p>` : ''}
<input type="${type}" id="f-${name}" name="${name}" value="${value}" ${described} ${extra}>`;
}

/**
 * The "Urlaubsvertretung" section of the manage page (also shown alone with the form's errors): the current period
 * and its state, and the form to set a new one. Works without scripts; the date fields fall back to typed dates.
 */
export function absenceSection({ token, absence, today, values = {}, errors = {} }: { token: string; absence: Absence | undefined; today: string; values?: AbsenceFormValues; errors?: AbsenceErrors }): SafeHtml {
  const dayValue = (raw: string | undefined) => (raw ? (parseDay(raw) ?? raw) : '');
  return html`<h2 id="schliesszeit">Urlaubsvertretung</h2>
<p>Ist Ihre Praxis geschlossen, etwa im Urlaub, übernimmt eine Vertretung Ihre Warnungen: eine Partnerpraxis oder Ihr IT-Dienstleister. Dringende Warnungen gehen in dieser Zeit an die Vertretung, mit einem Hinweis, für wen sie sind. Warnungen zur Kenntnis erhalten Sie gesammelt am ersten Tag nach der Schließzeit. Die Vertretung muss zuerst über einen Link bestätigen; am Ende der Schließzeit endet sie von selbst.</p>
<div id="schliesszeit-status">${status(absence, today, token)}</div>
${errorList(errors)}
<form method="post" action="/verwalten/${token}/schliesszeit" novalidate>
<fieldset><legend>${absence ? 'Neue Schließzeit eintragen (ersetzt die bisherige)' : 'Schließzeit eintragen'}</legend>
${field(errors, 'firstDay', 'date', dayValue(values.firstDay), 'Der erste Tag, an dem die Praxis geschlossen ist, zum Beispiel 24.10.2026.', html`min="${today}"`)}
${field(errors, 'lastDay', 'date', dayValue(values.lastDay), `Der letzte geschlossene Tag; höchstens ${maxAbsenceDays} Tage nach dem ersten.`, html`min="${today}"`)}
${field(errors, 'deputyEmail', 'email', values.deputyEmail ?? '', 'Partnerpraxis oder IT-Dienstleister. Die Vertretung sieht den Namen und die E-Mail-Adresse Ihrer Praxis.', html`autocomplete="email" maxlength="254"`)}
</fieldset>
<button type="submit">Schließzeit speichern und Vertretung anfragen</button>
</form>`;
}
