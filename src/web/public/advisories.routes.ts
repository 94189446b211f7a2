import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { compareVersions } from '../../notify/match.js';
import { formatDate, severityLabel } from '../../notify/templates/format.js';
import { html, safeUrl } from '../../notify/templates/html.js';
import { renderAtomFeed } from './atom.js';
import { publicPage } from './page.js';
import { getPublishedAdvisory, listPublishedAdvisories, type PublicAdvisory } from './public-advisories.repository.js';

const idParam = z.coerce.number().int().positive().max(1e12);
const checkQuery = z.object({ produkt: z.string().max(200).optional(), version: z.string().trim().max(40).optional() });

/**
 * Public advisory pages, without any practice data: `/warnungen` (list), `/warnungen/:id` ("Bin ich betroffen?"
 * with products, fixed versions, actions and sources) and `/warnungen.atom` (Atom feed).
 */
export function advisoriesRoutes({ db, publicUrl, clock }: { db: Db; publicUrl: string; clock: () => Date }): Hono {
  const app = new Hono();

  app.get('/warnungen.atom', (c) => {
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    // The feed carries news only; the archive is on the page.
    return c.body(renderAtomFeed(listPublishedAdvisories(db, 50, { archive: false }), { publicUrl, now: clock() }));
  });

  app.get('/warnungen', (c) => {
    const list = listPublishedAdvisories(db);
    return c.html(
      publicPage(
        'Warnungen',
        html`<h1>Veröffentlichte Sicherheitswarnungen</h1>
<p>Sicherheitswarnungen zu Praxissoftware, Routern, TI-Komponenten und Windows, neueste zuerst, jeweils mit dem Datum der Quelle. Ältere Meldungen, die wir beim ersten Abruf einer Quelle vorgefunden haben, stehen als <strong>Archiv</strong> in der Liste; sie wurden nicht per E-Mail verschickt. Neue Warnungen gibt es auch als <a href="/warnungen.atom">Atom-Feed</a> für Feedreader – oder <a href="/abonnieren">per E-Mail</a>, dann nur zu Ihren Produkten.</p>
${list.length === 0
  ? html`<p>Bisher gibt es keine veröffentlichten Warnungen.</p>`
  : html`<ul class="plain">${list.map(
      (a) => html`<li><a href="/warnungen/${a.id}">${a.title}</a><br><span class="severity severity-${a.severity}">${severityLabel[a.severity]}</span>${datesLine(a)}${a.status === 'archive' ? html` · <span class="archive">Archiv</span>` : ''}</li>`,
    )}</ul>`}`,
      ),
    );
  });

  app.get('/warnungen/:id', (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    const advisory = id.success ? getPublishedAdvisory(db, id.data) : undefined;
    if (!advisory) return c.html(publicPage('Nicht gefunden', html`<h1>Diese Warnung gibt es nicht</h1><p><a href="/warnungen">Zur Liste der Warnungen</a></p>`), 404);
    const query = checkQuery.safeParse(c.req.query());
    return c.html(publicPage(advisory.title, advisoryPage(advisory, query.success ? query.data : {})));
  });
  return app;
}

function advisoryPage(a: PublicAdvisory, check: { produkt?: string; version?: string }) {
  const productLine = (p: PublicAdvisory['products'][number]) =>
    html`<li><strong>${p.name}</strong> (${p.vendor})${p.affectedVersions ? html`, betroffen: ${p.affectedVersions}` : ''}${p.fixedVersion ? html`, behoben in Version <strong>${p.fixedVersion}</strong>` : ''}</li>`;
  return html`<p><a href="/warnungen">← Alle Warnungen</a></p>
<h1>${a.title}</h1>
<p><span class="severity severity-${a.severity}">Einstufung: ${severityLabel[a.severity]}</span>${datesLine(a)}</p>
${a.status === 'archive' ? html`<p class="notice">Archiv: eine ältere Meldung aus dem Bestand der Quelle. Sie wurde nicht per E-Mail an Praxen verschickt. Prüfen Sie trotzdem, ob die Maßnahmen bei Ihnen umgesetzt sind.</p>` : ''}
${a.summary ? html`<h2>Was ist passiert?</h2><p>${a.summary}</p>` : ''}
<h2>Betroffene Produkte</h2>
<ul>${a.products.map(productLine)}</ul>
<h2>Bin ich betroffen?</h2>
${selfCheck(a, check)}
<h2>Was Sie tun sollten</h2>
${a.actions.length ? html`<ol class="actions">${a.actions.map((x) => html`<li>${x}</li>`)}</ol>` : html`<p>Die Quelle nennt keine konkreten Maßnahmen. Bitte wenden Sie sich bei Fragen an Ihren IT-Dienstleister.</p>`}
${a.cves.length ? html`<h2>Kennungen</h2><p>${a.cves.join(', ')}</p>` : ''}
<h2>Quellen</h2>
<ul>${a.sources.map((s) => {
    const url = safeUrl(s.url);
    const label = html`${s.publisher}: ${s.title}${s.publishedAt ? ` (${formatDate(s.publishedAt)})` : ''}`;
    return url ? html`<li><a href="${url}" rel="noopener noreferrer">${label}</a></li>` : html`<li>${label}</li>`;
  })}</ul>
<p class="notice">Sie möchten solche Warnungen zu Ihren Produkten automatisch erhalten? <a href="/abonnieren">Jetzt kostenlos abonnieren</a>.</p>`;
}

/**
 * The date the publisher gave, and when it was listed here only where that is another day (an old incident recorded
 * today keeps its own date).
 */
function datesLine(a: { publishedAt: Date | null; releasedAt: Date | null }) {
  const own = a.publishedAt ? formatDate(a.publishedAt) : null;
  const here = a.releasedAt ? formatDate(a.releasedAt) : null;
  if (own && here && own !== here) return ` · vom ${own} (hier seit ${here})`;
  if (own) return ` · vom ${own}`;
  return here ? ` · veröffentlicht am ${here}` : '';
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
