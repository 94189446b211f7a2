import { Hono } from 'hono';
import { listAudit } from '../../admin/audit.repository.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import { takeFlash, type AdminEnv } from './admin.context.js';
import { entityLabel, when } from './admin.format.js';

const actionLabel: Record<string, string> = {
  login: 'Anmeldung',
  'advisory.edit': 'Meldung bearbeitet',
  'advisory.approve': 'Meldung freigegeben',
  'advisory.reject': 'Meldung abgelehnt',
  'advisory.reopen': 'Meldung wieder geöffnet',
  'advisory.archive': 'Meldung ins Archiv gelegt',
  'advisory.merge': 'Meldung zusammengeführt',
  'advisory.merge_into': 'Meldung aufgenommen',
  'source.create': 'Quelle angelegt',
  'source.update': 'Quelle geändert',
  'source.enable': 'Quelle aktiviert',
  'source.disable': 'Quelle deaktiviert',
  'source.fetch_now': 'Quelle jetzt abgerufen',
  'proposal.accept': 'Produktvorschlag übernommen',
  'proposal.dismiss': 'Produktvorschlag verworfen',
  'practices.import': 'Praxen importiert',
  'api_token.create': 'API-Token erstellt',
  'api_token.revoke': 'API-Token widerrufen',
  'admin.create': 'Konto angelegt',
  'admin.password_change': 'Passwort geändert',
  'admin.reset': 'Passwort zurückgesetzt',
  'login.delayed': 'Anmeldung verzögert (Fehlversuche)',
  'login.unlock': 'Wartezeit per Link aufgehoben',
};

/** Every curation and configuration change, newest first: who, when, what, before and after. */
export function auditRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/protokoll', (c) => {
    const entity = c.req.query('entity') || undefined;
    const entityId = c.req.query('id') || undefined;
    const beforeId = Number(c.req.query('vor')) || undefined;
    const entries = listAudit(deps.db, { entity, entityId, beforeId, limit: 100 });
    const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v, null, 1));
    const body = html`<h1>Protokoll</h1>
${entity ? html`<p>Gefiltert: ${entityLabel[entity] ?? entity} ${entityId ?? ''} · <a href="/admin/protokoll">alle Einträge</a></p>` : ''}
<table><thead><tr><th scope="col">Zeit</th><th scope="col">Wer</th><th scope="col">Was</th><th scope="col">Objekt</th><th scope="col">Vorher</th><th scope="col">Nachher</th></tr></thead><tbody>
${entries.map(
  (e) => html`<tr><td>${when(e.createdAt)}</td><td>${e.actor}</td><td>${actionLabel[e.action] ?? e.action}</td>
<td>${e.entity === 'advisory' ? html`<a href="/admin/meldungen/${e.entityId}">Meldung #${e.entityId}</a>` : `${entityLabel[e.entity] ?? e.entity} ${/^\d+$/.test(e.entityId) ? `#${e.entityId}` : e.entityId}`}</td>
<td>${e.before ? html`<details><summary>anzeigen</summary><pre>${json(e.before)}</pre></details>` : '–'}</td>
<td>${e.after ? html`<details><summary>anzeigen</summary><pre>${json(e.after)}</pre></details>` : '–'}</td></tr>`,
)}</tbody></table>
${entries.length === 100 ? html`<p><a href="/admin/protokoll?vor=${entries.at(-1)!.id}${entity ? `&entity=${entity}` : ''}${entityId ? `&id=${entityId}` : ''}">Ältere Einträge</a></p>` : ''}`;
    return c.html(adminPage({ title: 'Protokoll', session: c.get('session'), current: '/admin/protokoll', ...takeFlash(c, deps) }, body));
  });
  return app;
}
