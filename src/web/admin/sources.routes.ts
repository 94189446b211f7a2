import { Hono } from 'hono';
import { fetchSourceNow, saveSource, setSourceEnabled, testSource, type SelectorTest } from '../../admin/sources-admin.usecases.js';
import { html, safeUrl, type SafeHtml } from '../../notify/templates/html.js';
import { getSource, listSources, type Source } from '../../sources/sources.repository.js';
import { sourceHealth } from '../../sources/source-health.js';
import { sourceKinds } from '../../sources/sources.table.js';
import type { WebDeps } from '../app.js';
import { adminPage, csrfField } from './admin.layout.js';
import { actorOf, first, germanIssues, readForm, setFlash, takeFlash, type AdminContext, type AdminEnv } from './admin.context.js';
import { when } from './admin.format.js';

type Form = Record<string, string[]>;

/** "3 Tage", "5 Stunden": a gap between news in words. */
function gapWords(ms: number): string {
  const hours = Math.round(ms / 3600_000);
  if (hours < 48) return hours === 1 ? 'Stunde' : `${hours} Stunden`;
  const days = Math.round(hours / 24);
  return `${days} Tage`;
}

export function sourcesRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const canEdit = (c: AdminContext) => c.get('session').admin.role === 'editor';

  app.get('/quellen', (c) => {
    const list = listSources(deps.db);
    const session = c.get('session');
    const now = deps.clock();
    const health = new Map(list.map((s) => [s.id, sourceHealth(deps.db, s, now)]));
    const body = html`<h1>Quellen</h1>
<p>${canEdit(c) ? html`<a class="button" href="/admin/quellen/neu">Quelle hinzufügen</a>` : ''}</p>
<table><thead><tr><th scope="col">Quelle</th><th scope="col">Art</th><th scope="col">Zustand</th><th scope="col">Letzter Erfolg</th><th scope="col" class="num">Einträge</th><th scope="col">Letzter neuer Eintrag</th><th scope="col">Letzter Fehler</th><th scope="col" class="num">Fehler in Folge</th><th scope="col">Nächster Abruf</th><th scope="col">Aktionen</th></tr></thead><tbody>
${list.map((s) => {
  const h = health.get(s.id)!;
  const partial = s.lastPartialErrors ?? [];
  const state = !s.enabled
    ? html`<span class="muted">deaktiviert</span>`
    : s.errorCount > 0
      ? html`<span class="err">gestört</span>`
      : partial.length > 0
        ? html`<span class="err">teilweise gestört</span>`
        : h.quietSince
          ? html`<span class="err">auffällig still</span>`
          : html`<span class="ok">in Ordnung</span>`;
  return html`<tr><td><a href="/admin/quellen/${s.id}">${s.name}</a><div class="muted">${s.publisher} · ${s.trust === 'auto' ? 'veröffentlicht sofort' : 'Prüfung durch Redaktion'}</div></td>
<td>${s.kind}</td><td>${state}${h.quietSince && h.usualGapMs ? html`<div class="muted">Seit ${when(h.quietSince)} nichts Neues; sonst etwa alle ${gapWords(h.usualGapMs)}. Bitte prüfen Sie die Selektoren.</div>` : ''}</td>
<td>${when(s.lastSuccessAt)}</td><td class="num">${s.lastItemCount ?? '–'}</td><td>${when(s.lastNewItemAt)}</td>
<td>${s.lastError ?? (partial.length ? html`${partial.length === 1 ? '1 Artikel' : `${partial.length} Artikel`} übersprungen:<ul class="plain">${partial.slice(0, 5).map((p) => html`<li>${p.message}</li>`)}</ul>` : '–')}</td><td class="num">${s.errorCount}</td><td>${s.enabled ? when(s.nextCheckAt) : '–'}</td>
<td>${canEdit(c)
    ? html`<form method="post" action="/admin/quellen/${s.id}/abrufen">${csrfField(session)}<button class="small" type="submit"${s.enabled ? '' : html` disabled`}>Jetzt abrufen</button></form>
<form method="post" action="/admin/quellen/${s.id}/${s.enabled ? 'deaktivieren' : 'aktivieren'}">${csrfField(session)}<button class="small secondary" type="submit">${s.enabled ? 'Deaktivieren' : 'Aktivieren'}</button></form>`
    : ''}</td></tr>`;
})}</tbody></table>`;
    return c.html(adminPage({ title: 'Quellen', session, current: '/admin/quellen', ...takeFlash(c, deps) }, body));
  });

  for (const [path, enabled] of [['aktivieren', true], ['deaktivieren', false]] as const) {
    app.post(`/quellen/:id/${path}`, (c) => {
      try {
        setSourceEnabled(deps, actorOf(c), c.req.param('id'), enabled);
        setFlash(c, deps, enabled ? 'Quelle aktiviert.' : 'Quelle deaktiviert.');
      } catch (error) {
        setFlash(c, deps, germanIssues(error), 'error');
      }
      return c.redirect('/admin/quellen', 303);
    });
  }

  app.post('/quellen/:id/abrufen', async (c) => {
    try {
      await fetchSourceNow(deps, actorOf(c), c.req.param('id'));
      setFlash(c, deps, 'Abruf gestartet; das Ergebnis erscheint in dieser Übersicht.');
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect('/admin/quellen', 303);
  });

  app.get('/quellen/neu', (c) => c.html(formPage(c, null, formFromSource(null), null)));
  app.get('/quellen/:id', (c) => {
    const source = getSource(deps.db, c.req.param('id'));
    if (!source) return c.html(adminPage({ title: 'Nicht gefunden', session: c.get('session') }, html`<h1>Diese Quelle gibt es nicht.</h1>`), 404);
    return c.html(formPage(c, source, formFromSource(source), null));
  });

  const submit = async (c: AdminContext, existing: Source | null) => {
    const form = await readForm(c);
    const input = sourceInput(form);
    const test = await testSource(input, deps.http);
    if (first(form, 'op') === 'save') {
      if (!test.ok) return c.html(formPage(c, existing, form, test, 'Nicht gespeichert: der Test ist fehlgeschlagen.'), 422);
      try {
        saveSource(deps, actorOf(c), input, existing?.id);
        setFlash(c, deps, 'Quelle gespeichert.');
        return c.redirect('/admin/quellen', 303);
      } catch (error) {
        return c.html(formPage(c, existing, form, test, germanIssues(error)), 422);
      }
    }
    return c.html(formPage(c, existing, form, test));
  };
  app.post('/quellen/neu', (c) => submit(c, null));
  app.post('/quellen/:id', (c) => {
    const source = getSource(deps.db, c.req.param('id'));
    return source ? submit(c, source) : c.text('Diese Quelle gibt es nicht.', 404);
  });

  function formPage(c: AdminContext, source: Source | null, form: Form, test: SelectorTest | null, error: string | null = null): string {
    const session = c.get('session');
    const v = (k: string) => first(form, k);
    const input = (name: string, label: string, type = 'text', hint: SafeHtml | string = '') =>
      html`<label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" type="${type}" value="${v(name)}"${source && name === 'id' ? html` readonly` : ''}>${hint ? html`<p class="muted">${hint}</p>` : ''}`;
    const body = html`<h1>${source ? `Quelle ${source.name}` : 'Neue Quelle'}</h1>
${source?.origin === 'config' ? html`<p class="muted">Diese Quelle stammt aus config/sources.json; dort eingetragene Werte gelten nach dem nächsten Neustart wieder.</p>` : ''}
<div class="grid"><form method="post" action="/admin/quellen/${source ? source.id : 'neu'}" class="card">${csrfField(session)}
<fieldset${session.admin.role === 'editor' ? '' : html` disabled`}><legend>Quelle</legend>
${input('id', 'Kennung (Kleinbuchstaben, Ziffern, Bindestriche)')}${input('name', 'Name')}${input('publisher', 'Herausgeber')}
<label for="f-kind">Art</label><select id="f-kind" name="kind">${sourceKinds.map((k) => html`<option value="${k}"${k === v('kind') ? html` selected` : ''}>${k}</option>`)}</select>
${input('url', 'Adresse (http oder https)', 'url')}
<fieldset><legend>Selektoren (CSS)</legend>${input('sel_item', 'Eintrag in der Liste (item)')}${input('sel_link', 'Link im Eintrag (link)')}${input('sel_title', 'Titel (title)')}${input('sel_date', 'Datum (date)')}
${input('sel_article', 'Artikeltext auf der Meldungsseite (article)')}${input('sel_remove', 'Zu entfernen (remove, durch Komma getrennt)')}</fieldset>
<label for="f-trust">Vertrauen</label><select id="f-trust" name="trust"><option value="review"${v('trust') !== 'auto' ? html` selected` : ''}>Prüfung durch Redaktion</option><option value="auto"${v('trust') === 'auto' ? html` selected` : ''}>sofort veröffentlichen</option></select>
${input('intervalMinutes', 'Abrufintervall in Minuten', 'number')}
<label><input type="checkbox" name="enabled" value="1"${v('enabled') ? html` checked` : ''}> aktiv</label>
<div class="actions-row"><button class="secondary" type="submit" name="op" value="test">Selektoren testen</button><button type="submit" name="op" value="save">Testen und speichern</button></div>
</fieldset></form>
<div class="card"><h2>Testergebnis</h2>${error ? html`<p class="err" role="alert">${error}</p>` : ''}${testView(test)}</div></div>`;
    return adminPage({ title: source ? `Quelle ${source.name}` : 'Neue Quelle', session, current: '/admin/quellen', ...takeFlash(c, deps) }, body);
  }
  return app;
}

function testView(test: SelectorTest | null): SafeHtml {
  if (!test) return html`<p class="muted">Noch nicht getestet. „Selektoren testen“ ruft die Seite jetzt ab und zeigt, was gefunden wird; gespeichert wird nichts.</p>`;
  if (!test.ok) return html`<p class="err">${test.message}</p>`;
  return html`<p class="ok">${test.items.length} Einträge gefunden${test.skipped ? `, ${test.skipped} unbrauchbare übersprungen` : ''}.</p>
<ol>${test.items.map((i) => html`<li>${safeUrl(i.url) ? html`<a href="${safeUrl(i.url)!}" rel="noopener noreferrer">${i.title}</a>` : i.title}${i.publishedAt ? html` <span class="muted">(${when(i.publishedAt)})</span>` : ''}</li>`)}</ol>
${test.article ? html`<h3>Artikeltext der ersten Meldung</h3><pre class="mail-text">${test.article.excerpt}</pre>` : ''}`;
}

function formFromSource(s: Source | null): Form {
  const sel = s?.selectors ?? {};
  return {
    id: [s?.id ?? ''], name: [s?.name ?? ''], publisher: [s?.publisher ?? ''], kind: [s?.kind ?? 'html'], url: [s?.url ?? ''],
    sel_item: [sel.item ?? ''], sel_link: [sel.link ?? ''], sel_title: [sel.title ?? ''], sel_date: [sel.date ?? ''], sel_article: [sel.article ?? ''],
    sel_remove: [(sel.remove ?? []).join(', ')], trust: [s?.trust ?? 'review'], intervalMinutes: [String(s?.intervalMinutes ?? 60)], enabled: s && !s.enabled ? [] : ['1'],
  };
}

/** The form as the input of sourceConfigSchema: empty selectors are left out. */
export function sourceInput(form: Form) {
  const v = (k: string) => first(form, k).trim();
  const selectors = Object.fromEntries(
    ([['item', 'sel_item'], ['link', 'sel_link'], ['title', 'sel_title'], ['date', 'sel_date'], ['article', 'sel_article']] as const).filter(([, k]) => v(k)).map(([name, k]) => [name, v(k)]),
  ) as Record<string, string | string[]>;
  const remove = v('sel_remove').split(',').map((s) => s.trim()).filter(Boolean);
  if (remove.length) selectors['remove'] = remove;
  return {
    id: v('id'), name: v('name'), publisher: v('publisher'), kind: v('kind'), url: v('url'),
    selectors: Object.keys(selectors).length ? selectors : undefined, trust: v('trust') || 'review', intervalMinutes: Number(v('intervalMinutes')) || 60, enabled: v('enabled') === '1',
  };
}
