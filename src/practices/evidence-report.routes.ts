import { Hono, type Context } from 'hono';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { publicPage } from '../web/public/page.js';
import { parseEvidencePeriod } from './evidence-period.js';
import { evidenceCsv } from './evidence-report.csv.js';
import { evidencePdf } from './evidence-report.pdf.js';
import { buildEvidenceReport, evidenceFileName, type EvidenceReport } from './evidence-report.text.js';
import { evidencePage } from './evidence-report.view.js';
import { withManagedPractice } from './manage-link.js';

type EvidenceDeps = { db: Db; linkSecret: string; clock: () => Date; operatorName: string };

const badPeriodPage = (token: string) =>
  publicPage(
    'Zeitraum ungültig',
    html`<h1>Diesen Zeitraum kennen wir nicht</h1>
<p>Bitte wählen Sie ein Quartal, zum Beispiel „2026-Q4“ für Oktober bis Dezember 2026, oder ein ganzes Jahr, zum Beispiel „2026“.</p>
<p><a href="/verwalten/${token}/nachweis">Nachweis für das laufende Quartal ansehen</a></p>`,
  );

/**
 * `/verwalten/:token/nachweis` (page), `.pdf` and `.csv`: the practice's Nachweis for the KBV IT-Sicherheitsrichtlinie
 * over a quarter or a year (`?zeitraum=2026-Q4` or `2026`, default the current quarter in Berlin). The manage link
 * opens it; like the manage page it ends with the subscription.
 */
export function evidenceReportRoutes(deps: EvidenceDeps): Hono {
  const { db, clock, operatorName } = deps;
  const app = new Hono();

  const withPractice = withManagedPractice(deps);
  const withReport = (c: Context, then: (report: EvidenceReport, token: string) => Response | Promise<Response>) =>
    withPractice(c, (practice, token) => {
      const now = clock();
      const period = parseEvidencePeriod(c.req.query('zeitraum'), now);
      if (!period) return c.html(badPeriodPage(token), 400);
      return then(buildEvidenceReport(db, practice, period, now, operatorName), token);
    });

  app.get('/verwalten/:token/nachweis', (c) => withReport(c, (report, token) => c.html(evidencePage(report, token, clock()))));

  app.get('/verwalten/:token/nachweis.pdf', (c) =>
    withReport(c, async (report) => {
      const pdf = await evidencePdf(report);
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${evidenceFileName(report, 'pdf')}"` });
    }),
  );

  app.get('/verwalten/:token/nachweis.csv', (c) =>
    withReport(c, (report) =>
      c.body(evidenceCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${evidenceFileName(report, 'csv')}"` }),
    ),
  );
  return app;
}
