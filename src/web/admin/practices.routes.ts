import { Hono } from 'hono';
import { practiceDetails, searchPractices } from '../../admin/practices-admin.repository.js';
import { checkCsvText, decodeCsvFile, type CsvCharset, type CsvInput } from '../../admin/csv-charset.js';
import { planImport, runImport, type ImportRow } from '../../admin/practices-import.usecases.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { readFormBody } from '../request-body.js';
import { adminPage, csrfField } from './admin.layout.js';
import { actorOf, first, readForm, setFlash, takeFlash, type AdminContext, type AdminEnv } from './admin.context.js';
import { cadenceLabel, originLabel, when } from './admin.format.js';
import { severityLabel } from '../../notify/templates/format.js';

const statusLabel: Record<string, string> = { pending: 'unbestätigt', active: 'aktiv', unsubscribed: 'abgemeldet' };
const deliveryStatus: Record<string, string> = { pending: 'wartet', sending: 'wird gesendet', sent: 'gesendet', failed: 'fehlgeschlagen' };
const kindLabel: Record<string, string> = { confirm: 'Bestätigung', alert: 'Warnung', update: 'Aktualisierung', digest: 'Sammelbericht', reminder: 'Erinnerung', welcome: 'Begrüßung', access: 'Zugangslink' };
const outcomeLabel: Record<ImportRow['outcome'], string> = { create: 'neu', exists: 'schon vorhanden', error: 'Fehler' };
const charsetLabel: Record<CsvCharset, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 mit BOM',
  'utf-16le': 'UTF-16 LE (umgewandelt)',
  'utf-16be': 'UTF-16 BE (umgewandelt)',
  'windows-1252': 'Windows-1252 (umgewandelt)',
};

export function practicesRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/praxen', (c) => {
    const session = c.get('session');
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const status = c.req.query('status') ?? '';
    const list = searchPractices(deps.db, { q: q || undefined, status: status || undefined });
    const body = html`<h1>Praxen</h1>
<form method="get" action="/admin/praxen" class="filters"><div><label for="q">Name oder E-Mail enthält</label><input id="q" name="q" type="search" value="${q}"></div>
<div><label for="status">Status</label><select id="status" name="status"><option value="">alle</option>${Object.entries(statusLabel).map(([k, l]) => html`<option value="${k}"${k === status ? html` selected` : ''}>${l}</option>`)}</select></div>
<button type="submit">Suchen</button></form>
<table><thead><tr><th scope="col">Praxis</th><th scope="col">E-Mail</th><th scope="col">Status</th><th scope="col">Takt</th><th scope="col">Herkunft</th><th scope="col">Angelegt</th></tr></thead><tbody>
${list.map((p) => html`<tr><td><a href="/admin/praxen/${p.id}">${p.name}</a></td><td>${p.email}</td><td>${statusLabel[p.status]}</td><td>${cadenceLabel[p.cadence] ?? p.cadence}</td><td>${originLabel[p.origin] ?? p.origin}</td><td>${when(p.createdAt)}</td></tr>`)}
</tbody></table>${list.length === 0 ? html`<p>Keine Praxis gefunden.</p>` : ''}
${session.admin.role === 'editor' ? importForm(session, '') : ''}`;
    return c.html(adminPage({ title: 'Praxen', session, current: '/admin/praxen', ...takeFlash(c, deps) }, body));
  });

  app.get('/praxen/:id{[0-9]+}', (c) => {
    const details = practiceDetails(deps.db, Number(c.req.param('id')));
    if (!details) return c.html(adminPage({ title: 'Nicht gefunden', session: c.get('session') }, html`<h1>Diese Praxis gibt es nicht.</h1>`), 404);
    const { practice: p } = details;
    const body = html`<h1>${p.name}</h1><div class="card"><dl class="facts"><dt>E-Mail</dt><dd>${p.email}</dd><dt>Status</dt><dd>${statusLabel[p.status]}</dd>
<dt>Takt</dt><dd>${cadenceLabel[p.cadence] ?? p.cadence}</dd><dt>Mindest-Einstufung</dt><dd>${severityLabel[p.minSeverity]}</dd><dt>Herkunft</dt><dd>${originLabel[p.origin] ?? p.origin}</dd><dt>Angelegt</dt><dd>${when(p.createdAt)}</dd><dt>Bestätigt</dt><dd>${when(p.confirmedAt)}</dd></dl></div>
<h2>Abonnierte Produkte</h2><ul>${details.subscriptions.map((s) => html`<li>${s.name}${s.version ? ` (Version ${s.version})` : ''}</li>`)}</ul>
<h2>E-Mails</h2><table><thead><tr><th scope="col">Art</th><th scope="col">Meldung</th><th scope="col">Status</th><th scope="col">Erstellt</th><th scope="col">Gesendet</th><th scope="col">Fehler</th></tr></thead><tbody>
${details.deliveries.map((d) => html`<tr><td>${kindLabel[d.kind]}</td><td>${d.advisoryId ? html`<a href="/admin/meldungen/${d.advisoryId}">${d.title ?? `#${d.advisoryId}`}</a>` : '–'}</td><td>${deliveryStatus[d.status]}</td><td>${when(d.createdAt)}</td><td>${when(d.sentAt)}</td><td>${d.lastError ?? ''}</td></tr>`)}
</tbody></table>`;
    return c.html(adminPage({ title: p.name, session: c.get('session'), current: '/admin/praxen' }, body));
  });

  app.post('/praxen/import', async (c) => {
    const form = await readForm(c);
    const input = await csvFrom(c, form);
    const session = c.get('session');
    if (!input.ok) {
      const error = `Der Import wurde abgelehnt; es wurde nichts gespeichert. ${input.line === null ? '' : `Zeile ${input.line}: `}${input.message}`;
      return c.html(adminPage({ title: 'Import', session, current: '/admin/praxen', error }, importForm(session, '')), 422);
    }
    const csv = input.text;
    if (first(form, 'op') === 'import') {
      const { created } = runImport(deps.db, actorOf(c), csv, { now: deps.clock(), mailDomain: deps.mailDomain });
      setFlash(c, deps, `${created} Praxis/Praxen importiert; sie erhalten eine E-Mail zur Bestätigung.`);
      return c.redirect('/admin/praxen?status=pending', 303);
    }
    const { rows: plan, ignoredColumns } = planImport(deps.db, csv);
    const creates = plan.filter((r) => r.outcome === 'create').length;
    const body = html`<h1>Import: Probelauf</h1><p>Es wurde noch nichts gespeichert. ${creates} neue Praxis/Praxen würden angelegt, ${plan.length - creates} Zeile(n) übersprungen.</p>
<p class="charset">Zeichensatz: ${input.charset ? charsetLabel[input.charset] : 'UTF-8 (eingefügter Text)'}</p>
${ignoredColumns.length ? html`<p class="err">Nicht importierte Spalten: ${ignoredColumns.join(', ')}. Ihr Inhalt wird nicht gespeichert.</p>` : ''}
<table><thead><tr><th scope="col">Zeile</th><th scope="col">Name</th><th scope="col">E-Mail</th><th scope="col">Produkte</th><th scope="col">Ergebnis</th></tr></thead><tbody>
${plan.map((r) => html`<tr><td>${r.line}</td><td>${r.name}</td><td>${r.email}</td><td>${r.productIds.join(', ')}</td><td class="${r.outcome === 'error' ? 'err' : r.outcome === 'create' ? 'ok' : ''}">${outcomeLabel[r.outcome]}: ${r.message}</td></tr>`)}
</tbody></table>
<form method="post" action="/admin/praxen/import" class="card">${csrfField(session)}<textarea name="csv" hidden readonly>${csv}</textarea>
<div class="actions-row"><button type="submit" name="op" value="import"${creates ? '' : html` disabled`}>${creates} Praxis/Praxen jetzt importieren</button> <a href="/admin/praxen">Abbrechen</a></div></form>`;
    return c.html(adminPage({ title: 'Import', session, current: '/admin/praxen' }, body));
  });
  return app;
}

/** The uploaded file decoded by its own charset (never as UTF-8 blindly), else the pasted text; too large is refused, not cut. */
async function csvFrom(c: AdminContext, form: Record<string, string[]>): Promise<CsvInput> {
  const file = (await readFormBody(c))['datei'];
  if (file instanceof File && file.size > 0) return decodeCsvFile(new Uint8Array(await file.arrayBuffer()));
  return checkCsvText(first(form, 'csv'));
}

function importForm(session: Parameters<typeof csrfField>[0], csv: string) {
  return html`<h2>Praxen importieren (CSV)</h2><form method="post" action="/admin/praxen/import" enctype="multipart/form-data" class="card">${csrfField(session)}
<p class="muted">Spalten: name, email, products (Produkt-Kennungen oder -Namen, getrennt durch |). Trennzeichen: Semikolon, Komma oder Tabulator; Zeichensatz: UTF-8, Windows-1252 (Excel „CSV“) oder UTF-16 (Excel „Unicode-Text“). Importierte Praxen sind unbestätigt, bis sie den Link in ihrer Bestätigungs-E-Mail öffnen.</p>
<label for="datei">CSV-Datei</label><input id="datei" name="datei" type="file" accept=".csv,.txt,text/csv,text/plain">
<label for="csv">oder Inhalt hier einfügen</label><textarea id="csv" name="csv">${csv}</textarea>
<div class="actions-row"><button type="submit" name="op" value="plan">Probelauf</button></div></form>`;
}
