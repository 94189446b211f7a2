import { Hono } from 'hono';
import { correctionRates, type CorrectedField } from '../../curation/corrections.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import { takeFlash, type AdminEnv } from './admin.context.js';

const label: Record<CorrectedField, string> = {
  relevance: 'Relevanz (freigegeben oder abgelehnt)',
  title: 'Titel',
  summary: 'Zusammenfassung',
  severity: 'Einstufung',
  products: 'Betroffene Produkte',
  fixedVersions: 'Behobene Versionen',
  actions: 'Maßnahmen',
  cves: 'CVE-Kennungen',
};

const rate = ({ changed, of }: { changed: number; of: number }) =>
  of === 0 ? html`<span class="muted">–</span>` : html`${Math.round((changed / of) * 100)} % <span class="muted">(${changed} von ${of})</span>`;

/** How often editors change what the extractor drafted, per field: where the extractor needs work first. */
export function extractionRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/extraktion', (c) => {
    const rates = correctionRates(deps.db, deps.clock());
    const body = html`<h1>Extraktion: was die Redaktion korrigiert</h1>
<p>Jede Meldung behält den Entwurf, den die automatische Auswertung erstellt hat. Hier steht, wie oft die Redaktion ein Feld vor der Freigabe geändert hat (bei abgelehnten Meldungen zählt nur die Relevanz). Mit <code>praxiswarn corpus export --dir …</code> werden die entschiedenen Meldungen samt Quelltext als Testfälle geschrieben, um die Auswertung genau an diesen Korrekturen zu messen.</p>
<table><thead><tr><th scope="col">Feld</th><th scope="col">Geändert in den letzten 30 Tagen</th><th scope="col">Geändert insgesamt</th></tr></thead><tbody>
${rates.map((r) => html`<tr><td>${label[r.field]}</td> <td>${rate(r.recent)}</td> <td>${rate(r.all)}</td></tr>`)}
</tbody></table>${rates[0]!.all.of === 0 ? html`<p>Bisher hat die Redaktion keine Meldung entschieden.</p>` : ''}`;
    return c.html(adminPage({ title: 'Extraktion', session: c.get('session'), current: '/admin/extraktion', ...takeFlash(c, deps) }, body));
  });
  return app;
}
