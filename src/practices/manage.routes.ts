import { Hono } from 'hono';
import type { Catalog } from '../catalog/catalog.models.js';
import type { Db } from '../db/client.js';
import { formatDate, severityLabel } from '../notify/templates/format.js';
import { html } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { doneByMaxLength, knownAdvisories, matchedAdvisories, type MatchedAdvisory } from './acknowledgements.repository.js';
import { signAckToken } from './links.js';
import { impactAnswersOf } from './answers.repository.js';
import { impactQuestion, inventorySection } from './answers.view.js';
import { inventoryOf } from './inventory.repository.js';
import { deletePractice, exportPracticeData } from './practice-data.js';
import type { Practice } from './practices.repository.js';
import { fieldErrors, formToRaw, preferencesSchema } from './preferences.models.js';
import { loadPreferences, unknownCatalogIds, updatePreferences } from './preferences.repository.js';
import { deliveryChoices, errorSummary, productChooser, textField, type Errors, type FormValues } from './preferences.view.js';
import { practiceFirmsSection } from '../firms/practice-firms.view.js';
import { absenceSection } from './absence.view.js';
import { berlinDay } from './absence-days.js';
import { currentAbsence } from './absences.repository.js';
import { withManagedPractice } from './manage-link.js';


type ManageDeps = { db: Db; catalog: Catalog; linkSecret: string; clock: () => Date };

/**
 * `/verwalten/:token`: the practice's own page, reached through the signed link in every mail (no password):
 * settings, matched advisories with open actions, data export and deletion. Unsubscribing ends the link: from then
 * on it only says so and still allows deleting what is stored.
 */
export function manageRoutes(deps: ManageDeps): Hono {
  const { db, clock } = deps;
  const app = new Hono();

  const withPractice = withManagedPractice(deps);

  app.get('/verwalten/:token', (c) =>
    withPractice(c, (practice, token) => {
      const minSeverity = practice.minSeverity === 'unbekannt' ? 'mittel' : practice.minSeverity;
      const values: FormValues = { name: practice.name, partnerEmail: practice.partnerEmail, cadence: practice.cadence, minSeverity, tiOutages: practice.tiOutages, ...loadPreferences(db, practice.id) };
      return c.html(managePage(deps, practice, token, values, {}, c.req.query('gespeichert') === '1'));
    }),
  );

  app.post('/verwalten/:token', (c) =>
    withPractice(c, async (practice, token) => {
      const raw = formToRaw(await readFormBody(c));
      const parsed = preferencesSchema.safeParse(raw);
      const values = { ...(raw as FormValues), email: practice.email };
      if (!parsed.success) return c.html(managePage(deps, practice, token, values, fieldErrors(parsed.error, raw), false), 400);
      if (unknownCatalogIds(db, parsed.data).length) return c.html(managePage(deps, practice, token, values, { products: 'Diese Auswahl kennen wir nicht (mehr). Bitte wählen Sie erneut.' }, false), 400);
      if (parsed.data.partnerEmail === practice.email) {
        return c.html(managePage(deps, practice, token, values, { partnerEmail: 'Die Adresse des IT-Dienstleisters muss sich von Ihrer eigenen unterscheiden.' }, false), 400);
      }
      updatePreferences(db, practice.id, parsed.data, clock());
      return c.redirect(`/verwalten/${token}?gespeichert=1`, 303);
    }),
  );

  app.get('/verwalten/:token/daten.json', (c) =>
    withPractice(c, (practice) => {
      c.header('Content-Disposition', 'attachment; filename="praxiswarn-daten.json"');
      c.header('Cache-Control', 'no-store');
      return c.json(exportPracticeData(db, practice.id, clock()));
    }),
  );

  app.get('/verwalten/:token/loeschen', (c) =>
    withPractice(
      c,
      (practice, token) => {
        const whose = practice.status === 'unsubscribed' ? html`Ihrer Praxis` : html`von <strong>${practice.name}</strong> (${practice.email})`;
        return c.html(
          publicPage(
            'Alle Daten löschen',
            html`<h1>Alle Daten löschen?</h1>
<p>Wir löschen die Anmeldung ${whose} mit allen Produkten, Einstellungen, Vermerken und dem Verlauf der E-Mails. Danach erhalten Sie keine Warnungen mehr. Das lässt sich nicht rückgängig machen.</p>
<form method="post"><button type="submit" class="danger">Ja, alles endgültig löschen</button></form>
<p><a href="/verwalten/${token}">Abbrechen und zurück</a></p>`,
          ),
        );
      },
      { unsubscribedToo: true },
    ),
  );

  app.post('/verwalten/:token/loeschen', (c) =>
    withPractice(
      c,
      (practice) => {
        deletePractice(db, practice.id);
        return c.html(messagePage('Gelöscht', 'Ihre Daten sind gelöscht', 'Wir haben die Anmeldung Ihrer Praxis und alle dazugehörigen Daten gelöscht. Sie erhalten keine E-Mails mehr von uns.'));
      },
      { unsubscribedToo: true },
    ),
  );
  return app;
}

function managePage(deps: ManageDeps, practice: Practice, token: string, values: FormValues, errors: Errors, saved: boolean): string {
  const status =
    practice.status === 'active'
      ? html`<p>Ihre Praxis erhält Warnungen an <strong>${practice.email}</strong>.</p>`
      : html`<p class="notice">Die Anmeldung ist noch nicht bestätigt. Bitte klicken Sie auf den Link in der Bestätigungs-E-Mail.</p>`;
  // What to do comes first: a practice arrives here from a mail about a warning; the settings follow.
  return publicPage(
    'Einstellungen',
    html`<h1>Einstellungen für ${practice.name}</h1>
${saved ? html`<p class="notice" role="status">Ihre Änderungen sind gespeichert.</p>` : ''}
${status}
${errorSummary(errors)}
<nav class="page-links" aria-label="Auf dieser Seite"><a href="#warnungen">Ihre Warnungen und offenen Maßnahmen</a> <a href="#geraete">Ihre Geräte und Programme</a> <a href="#schliesszeit">Urlaubsvertretung</a> <a href="#dienstleister">IT-Dienstleister</a> <a href="#einstellungen">Produkte und Einstellungen ändern</a> <a href="#daten">Ihre Daten</a></nav>
<h2 id="warnungen">Ihre Warnungen</h2>
<p><a href="/verwalten/${token}/nachweis">Nachweis für die IT-Sicherheitsrichtlinie</a>: alle Warnungen eines Quartals oder Jahres mit Ihren Antworten und erledigten Maßnahmen, zum Ausdrucken, als PDF oder als CSV.</p>
${advisoryList(deps, practice.id, matchedAdvisories(deps.db, practice.id))}
${knownList(deps, practice.id, knownAdvisories(deps.db, practice.id))}
${inventorySection(inventoryOf(deps.db, practice.id))}
${absenceSection({ token, absence: currentAbsence(deps.db, practice.id, berlinDay(deps.clock())), today: berlinDay(deps.clock()) })}
${practiceFirmsSection(deps.db, practice.id, token)}
<h2 id="einstellungen">Produkte und Einstellungen</h2>
<form method="post" action="/verwalten/${token}" novalidate>
${textField(errors, 'name', 'text', values.name, 'So sprechen wir Sie in den E-Mails an.', 'organization')}
<p class="hint">Die E-Mail-Adresse ändern: Melden Sie sich mit der neuen Adresse an und löschen Sie danach diese Anmeldung.</p>
${productChooser(deps.catalog, values, errors)}
${deliveryChoices(values, errors)}
<button type="submit">Änderungen speichern</button>
</form>
<h2 id="daten">Ihre Daten</h2>
<p>Sie können alle Daten, die wir über Ihre Praxis gespeichert haben, herunterladen oder vollständig löschen.</p>
<p><a class="button secondary" href="/verwalten/${token}/daten.json" download>Daten herunterladen (JSON)</a>
<a class="button secondary" href="/verwalten/${token}/loeschen">Alle Daten löschen</a></p>`,
    { scripts: ['/static/produktsuche.js'] },
  );
}

/** Warnings on the practice's products that were known before it subscribed (or archived): worth a check, never mailed. */
function knownList(deps: ManageDeps, practiceId: number, list: MatchedAdvisory[]) {
  if (list.length === 0) return '';
  return html`<h2 id="bekannt">Bereits bekannte Warnungen zu Ihren Produkten</h2>
<p>Diese Warnungen gab es schon vor Ihrer Anmeldung (oder sie sind älter und stehen im Archiv). Wir haben sie Ihnen nicht per E-Mail geschickt; bitte prüfen Sie, ob die Maßnahmen bei Ihnen umgesetzt sind.</p>
${advisoryList(deps, practiceId, list)}`;
}

function advisoryList(deps: ManageDeps, practiceId: number, list: MatchedAdvisory[]) {
  if (list.length === 0) return html`<p>Seit Ihrer Anmeldung gab es keine neue Warnung zu Ihren Produkten.</p>`;
  // One form per warning, so that the optional "Erledigt von" name goes with whichever action's button is pressed.
  // Its first button is disabled: Enter in the name field then submits nothing instead of ticking the first action.
  const ackUrl = (advisoryId: number, position: number) => `/erledigt/${signAckToken(deps.linkSecret, practiceId, advisoryId, position)}`;
  const ackForm = (advisoryId: number, position: number, label: string, context: string) =>
    html`<button type="submit" class="secondary ack-button" formaction="${ackUrl(advisoryId, position)}" aria-label="${label}: ${context}">${label}</button>`;
  const answers = impactAnswersOf(deps.db, practiceId, list.map((a) => a.id));
  return html`${list.map((a) => {
    const open = a.actions.filter((x) => !x.done);
    return html`<section class="advisory" aria-labelledby="w-${a.id}"><h3 id="w-${a.id}"><a href="/warnungen/${a.id}">${a.title}</a></h3>
<p><span class="severity severity-${a.severity}">${severityLabel[a.severity]}</span> · ${a.known ? 'vom ' : ''}${formatDate(a.matchedAt)}${a.status === 'archive' ? html` · <span class="archive">Archiv</span>` : ''} · ${a.allDone || (a.actions.length > 0 && open.length === 0) ? html`<span class="done">alles erledigt</span>` : a.actions.length ? `${open.length} von ${a.actions.length} Maßnahmen offen` : 'keine konkreten Maßnahmen genannt'}</p>
${open.length ? html`<form method="post" action="${ackUrl(a.id, open[0]!.position)}" class="ack-form"><button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button>
<label for="doneBy-${a.id}">Erledigt von (Name, optional)</label>
<input type="text" id="doneBy-${a.id}" name="doneBy" maxlength="${doneByMaxLength}" autocomplete="name">` : ''}
${a.actions.length ? html`<ol class="actions">${a.actions.map((x) => html`<li>${x.text} ${x.done ? html`<span class="done">(erledigt)</span>` : ackForm(a.id, x.position, 'Als erledigt vermerken', x.text)}</li>`)}</ol>` : ''}
${open.length > 1 && !a.allDone ? ackForm(a.id, -1, 'Alle Maßnahmen als erledigt vermerken', a.title) : ''}${open.length ? html`</form>` : ''}
${impactQuestion(deps.linkSecret, practiceId, a.id, a.title, answers.get(a.id))}</section>`;
  })}`;
}
