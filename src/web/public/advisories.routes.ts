import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { compareVersions } from '../../notify/match.js';
import { sourceLinks } from '../../notify/source-links.js';
import { formatDate, severityLabel } from '../../notify/templates/format.js';
import { html, safeUrl } from '../../notify/templates/html.js';
import { listSearch, parseListQuery, periodStart, type ListQuery } from './advisory-filter.js';
import { advisoryListPage, datesLine, describeFilter } from './advisory-list.view.js';
import { filterOptions, searchPublicAdvisories, type PublicFilter } from './advisory-search.repository.js';
import { renderAtomFeed } from './atom.js';
import { publicPage } from './page.js';
import { getPublishedAdvisory, type PublicAdvisory } from './public-advisories.repository.js';
import { vendorHint } from './product-label.js';
import { outagePage } from './outage-page.view.js';

const idParam = z.coerce.number().int().positive().max(1e12);
const checkQuery = z.object({ produkt: z.string().max(200).optional(), version: z.string().trim().max(40).optional() });

/** Advisories per page of the list, and entries per feed. */
const pageSize = 40;
const feedSize = 50;

const toFilter = (query: ListQuery, now: Date): PublicFilter => ({
  q: query.q,
  productId: query.produkt,
  vendorId: query.hersteller,
  category: query.bereich,
  minSeverity: query.einstufung,
  since: periodStart(query, now),
  kind: query.art,
});

/**
 * Public advisory pages, without any practice data: `/warnungen` (search, filters and paging in the query),
 * `/warnungen/:id` ("Bin ich betroffen?" with products, fixed versions, actions and sources) and `/warnungen.atom`
 * (the Atom feed of the same query, news only).
 */
export function advisoriesRoutes({ db, publicUrl, clock }: { db: Db; publicUrl: string; clock: () => Date }): Hono {
  const app = new Hono();

  app.get('/warnungen.atom', (c) => {
    const query = parseListQuery(c.req.query());
    const { rows } = searchPublicAdvisories(db, { ...toFilter(query, clock()), newsOnly: true }, { limit: feedSize });
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    const search = listSearch({ ...query, seite: 1 });
    return c.body(renderAtomFeed(rows, { publicUrl, now: clock(), search, filter: describeFilter(query, filterOptions(db)) }));
  });

  app.get('/warnungen', (c) => {
    const query = parseListQuery(c.req.query());
    // The filter form sends every field, empty ones too: a short address is what gets bookmarked and shared.
    const canonical = listSearch(query);
    if (new URL(c.req.url).search !== canonical) return c.redirect(`/warnungen${canonical}`, 302);
    const filter = toFilter(query, clock());
    const first = searchPublicAdvisories(db, filter, { limit: pageSize, offset: (query.seite - 1) * pageSize });
    const pages = Math.max(1, Math.ceil(first.total / pageSize));
    // A page past the end (an old bookmark) shows the last one.
    const result = query.seite > pages ? searchPublicAdvisories(db, filter, { limit: pageSize, offset: (pages - 1) * pageSize }) : first;
    const shown = { ...query, seite: Math.min(query.seite, pages) };
    const title = pages > 1 ? `Warnungen, Seite ${shown.seite} von ${pages}` : 'Warnungen';
    return c.html(publicPage(title, advisoryListPage(shown, result, filterOptions(db), pages), { feed: `/warnungen.atom${listSearch({ ...query, seite: 1 })}` }));
  });

  app.get('/warnungen/:id', (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    const advisory = id.success ? getPublishedAdvisory(db, id.data) : undefined;
    if (!advisory) return c.html(publicPage('Nicht gefunden', html`<h1>Diese Warnung gibt es nicht</h1><p><a href="/warnungen">Zur Liste der Warnungen</a></p>`), 404);
    const query = checkQuery.safeParse(c.req.query());
    const page = advisory.category === 'ti_outage' ? outagePage(advisory) : advisoryPage(advisory, query.success ? query.data : {});
    return c.html(publicPage(advisory.title, page));
  });
  return app;
}

function advisoryPage(a: PublicAdvisory, check: { produkt?: string; version?: string }) {
  const productLine = (p: PublicAdvisory['products'][number]) =>
    html`<li><strong>${p.name}</strong>${vendorHint(p.name, p.vendor) ? ` (${p.vendor})` : ''}${p.affectedVersions ? html`, betroffen: ${p.affectedVersions}` : ''}${p.fixedVersion ? html`, behoben in Version <strong>${p.fixedVersion}</strong>` : ''}</li>`;
  return html`<p><a href="/warnungen">← Alle Warnungen</a></p>
<h1>${a.title}</h1>
<p><span class="severity severity-${a.severity}">Einstufung: ${severityLabel[a.severity]}</span>${datesLine(a)}</p>
${a.status === 'archive' ? html`<p class="notice">Archiv: Diese Meldung war schon älter, als wir sie gefunden haben. Sie wurde nicht per E-Mail an Praxen verschickt. Prüfen Sie trotzdem, ob die Maßnahmen bei Ihnen umgesetzt sind.</p>` : ''}
${a.summary ? html`<h2>Was ist passiert?</h2><p>${a.summary}</p>` : ''}
<h2>Betroffene Produkte</h2>
<ul>${a.products.map(productLine)}</ul>
<h2>Bin ich betroffen?</h2>
${selfCheck(a, check)}
<h2>Was Sie tun sollten</h2>
${a.actions.length ? html`<ol class="actions">${a.actions.map((x) => html`<li>${x}</li>`)}</ol>` : html`<p>Die Quelle nennt keine konkreten Maßnahmen. Bitte wenden Sie sich bei Fragen an Ihren IT-Dienstleister.</p>`}
${a.cves.length ? html`<h2>Kennungen</h2><p>${a.cves.join(', ')}</p>` : ''}
${a.sources.length ? sourceList(a.sources) : ''}
<p class="notice">Sie möchten solche Warnungen zu Ihren Produkten automatisch erhalten? <a href="/abonnieren">Jetzt kostenlos abonnieren</a>.</p>`;
}

/** Each source with its readable page first; for a BSI CSAF notice the JSON follows as a second link. */
function sourceList(sources: PublicAdvisory['sources']) {
  return html`<h2>Quellen</h2>
<ul class="sources">${sources.map((s) => {
    const links = sourceLinks({ url: s.url });
    const page = safeUrl(links.page);
    const machine = safeUrl(links.machine);
    const label = html`${s.publisher}: ${s.title}${s.publishedAt ? ` (${formatDate(s.publishedAt)})` : ''}`;
    return html`<li>${page ? html`<a href="${page}" rel="noopener noreferrer">${label}</a>` : label}${machine ? html` · <a href="${machine}" rel="noopener noreferrer">Maschinenlesbare Fassung (CSAF)</a>` : ''}</li>`;
  })}</ul>`;
}

/** A stateless check: choose the product, type the version, get a plain answer (nothing is stored). */
function selfCheck(a: PublicAdvisory, check: { produkt?: string; version?: string }) {
  const withFix = a.products.filter((p) => p.fixedVersion);
  const intro = html`<p>Ihre Praxis ist betroffen, wenn Sie eines der oben genannten Produkte einsetzen${withFix.length ? ' und Ihre Version älter ist als die behobene Version' : ''}. Die Version finden Sie meist im Menü „Hilfe“ oder „Info“ des Programms bzw. auf der Startseite des Geräts; Ihr IT-Dienstleister hilft Ihnen dabei.</p>`;
  if (withFix.length === 0) return intro;
  const chosen = withFix.find((p) => p.name === check.produkt) ?? withFix[0]!;
  let answer = html``;
  if (check.version) {
    const cmp = compareVersions(check.version, chosen.fixedVersion!);
    answer =
      cmp === null
        ? html`<p class="notice" role="status">Diese Versionsangabe können wir nicht vergleichen. Bitte geben Sie nur die Nummer ein, z. B. ${chosen.fixedVersion}.</p>`
        : cmp >= 0
          ? html`<p class="notice" role="status"><strong>Nicht betroffen:</strong> Version ${check.version} von ${chosen.name} enthält die Korrektur (ab ${chosen.fixedVersion}).</p>`
          : html`<p class="notice" role="status"><strong>Betroffen:</strong> Version ${check.version} von ${chosen.name} ist älter als ${chosen.fixedVersion}. Bitte führen Sie die Maßnahmen unten durch.</p>`;
  }
  return html`${intro}${answer}
<form method="get" action="/warnungen/${a.id}">
<label for="produkt">Produkt</label><select id="produkt" name="produkt">${withFix.map((p) => html`<option ${p === chosen ? html`selected` : ''}>${p.name}</option>`)}</select>
<label for="version">Ihre Version</label><input type="text" id="version" name="version" value="${check.version ?? ''}" inputmode="decimal" maxlength="40">
<button type="submit">Prüfen</button></form>`;
}
