import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { listPublished, publishedFilterSchema } from '../../admin/published.repository.js';
import { severities } from '../../advisories/advisories.table.js';
import { products, vendors } from '../../catalog/catalog.table.js';
import { severityLabel } from '../../notify/templates/format.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import { takeFlash, type AdminEnv } from './admin.context.js';
import { severityBadge, when } from './admin.format.js';
import { answerCountsCell, answersPage } from './answers.view.js';

export function publishedRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/veroeffentlicht', (c) => {
    const filter = publishedFilterSchema.parse(c.req.query());
    const items = listPublished(deps.db, filter);
    const vendorList = deps.db.select().from(vendors).orderBy(asc(vendors.name)).all();
    const productList = deps.db.select({ id: products.id, name: products.name, vendor: vendors.name }).from(products).innerJoin(vendors, eq(vendors.id, products.vendorId)).orderBy(asc(vendors.name), asc(products.name)).all();
    const opt = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
    const archive = filter.liste === 'archiv';
    const body = html`<h1>${archive ? 'Archiv: ältere Meldungen ohne Benachrichtigung' : filter.liste === 'stoerungen' ? 'TI-Störungen' : 'Veröffentlichte Meldungen'}</h1>
<p>${archive
  ? html`Meldungen aus dem Bestand einer Quelle (erster Abruf oder viele neue Einträge auf einmal) und Meldungen, die laut Quelle älter als ${deps.delivery.alertMaxAgeDays} Tage sind. Sie stehen öffentlich unter /warnungen, wurden aber nicht verschickt. <a href="/admin/veroeffentlicht">Zu den veröffentlichten Meldungen</a>`
  : filter.liste === 'stoerungen'
    ? html`TI-Störungen (gematik-Statusmeldungen), verschickt nur an Praxen, die „TI-Störungen“ gewählt haben; sie zählen nicht als Sicherheitswarnungen. <a href="/admin/veroeffentlicht">Zu den Sicherheitswarnungen</a>`
    : html`Sicherheitswarnungen, die an Praxen verschickt wurden. <a href="/admin/veroeffentlicht?liste=archiv">Zum Archiv (ohne Benachrichtigung)</a> · <a href="/admin/veroeffentlicht?liste=stoerungen">Zu den TI-Störungen</a>`}</p>
<form method="get" action="/admin/veroeffentlicht" class="filters"><input type="hidden" name="liste" value="${filter.liste}">
<div><label for="f-product">Produkt</label><select id="f-product" name="product"><option value="">alle</option>${productList.map((p) => opt(p.id, `${p.vendor}: ${p.name}`, filter.product))}</select></div>
<div><label for="f-vendor">Hersteller</label><select id="f-vendor" name="vendor"><option value="">alle</option>${vendorList.map((v) => opt(v.id, v.name, filter.vendor))}</select></div>
<div><label for="f-severity">Einstufung</label><select id="f-severity" name="severity"><option value="">alle</option>${severities.map((s) => opt(s, severityLabel[s], filter.severity))}</select></div>
<div><label for="f-from">Freigegeben ab</label><input id="f-from" name="from" type="date" value="${filter.from ?? ''}"></div>
<div><label for="f-to">bis</label><input id="f-to" name="to" type="date" value="${filter.to ?? ''}"></div>
<button type="submit">Filtern</button></form>
${archive
  ? html`<table><thead><tr><th scope="col">Meldung</th><th scope="col">Einstufung</th><th scope="col">Produkte</th><th scope="col">Datum der Quelle</th><th scope="col">Erfasst</th><th scope="col">Warum im Archiv</th></tr></thead><tbody>
${items.map(
  (a) => html`<tr><td><a href="/admin/meldungen/${a.id}">${a.title}</a></td><td>${severityBadge(a.severity)}</td>
<td>${a.products.map((p) => html`<div>${p.name}</div>`)}</td><td>${a.publishedAt ? when(a.publishedAt) : 'ohne Datum'}</td><td>${when(a.releasedAt)}</td><td>${a.archiveReason ?? ''}</td></tr>`,
)}</tbody></table>`
  : html`<table><thead><tr><th scope="col">Meldung</th><th scope="col">Einstufung</th><th scope="col">Produkte</th><th scope="col">Freigegeben</th><th scope="col" class="num">Version</th>
<th scope="col" class="num">In Warteschlange</th><th scope="col" class="num">Gesendet</th><th scope="col" class="num">Fehlgeschlagen</th><th scope="col" class="num">Erledigt</th><th scope="col">Betrifft uns?</th></tr></thead><tbody>
${items.map(
  (a) => html`<tr><td><a href="/admin/meldungen/${a.id}">${a.title}</a></td><td>${severityBadge(a.severity)}</td>
<td>${a.products.map((p) => html`<div>${p.name}</div>`)}</td><td>${when(a.releasedAt)}</td><td class="num">${a.revision}</td>
<td class="num">${a.counts.queued}</td><td class="num">${a.counts.sent}</td><td class="num">${a.counts.failed}</td><td class="num">${a.counts.acknowledged}</td><td>${answerCountsCell(a.id, a.answers)}</td></tr>`,
)}</tbody></table>`}${items.length === 0 ? html`<p>Keine Meldungen für diese Auswahl.</p>` : ''}`;
    return c.html(adminPage({ title: archive ? 'Archiv' : 'Veröffentlicht', session: c.get('session'), current: '/admin/veroeffentlicht', ...takeFlash(c, deps) }, body));
  });
  app.get('/veroeffentlicht/:id/antworten', answersPage(deps));
  return app;
}
