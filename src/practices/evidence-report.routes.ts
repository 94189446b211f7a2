import { Hono, type Context } from 'hono';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { parseEvidencePeriod } from './evidence-period.js';
import { evidenceCsv } from './evidence-report.csv.js';
import { evidencePdf } from './evidence-report.pdf.js';
import { buildEvidenceReport, evidenceFileName, type EvidenceReport } from './evidence-report.text.js';
import { evidencePage } from './evidence-report.view.js';
import { signLinkToken, verifyLinkToken } from './links.js';
import { getPractice } from './practices.repository.js';
import { subscriptionEndedPage } from './subscription-ended.view.js';

type EvidenceDeps = { db: Db; linkSecret: string; clock: () => Date; operatorName: string };

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus einer unserer E-Mails vollständig und unverändert.');
const gonePage = messagePage('Keine Anmeldung', 'Zu diesem Link gibt es keine Anmeldung mehr', 'Ihre Daten wurden gelöscht.');
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
  const { db, linkSecret, clock, operatorName } = deps;
  const app = new Hono();

  const withReport = (c: Context, then: (report: EvidenceReport, token: string) => Response | Promise<Response>) => {
    const token = c.req.param('token') ?? '';
    const id = verifyLinkToken(linkSecret, 'manage', token);
    if (id === null) return c.html(invalidPage, 400);
    const practice = getPractice(db, id);
    if (!practice) return c.html(gonePage, 404);
    c.header('Cache-Control', 'no-store');
    if (practice.status === 'unsubscribed') return c.html(subscriptionEndedPage(practice, signLinkToken(linkSecret, 'manage', practice.id)), 410);
    const now = clock();
    const period = parseEvidencePeriod(c.req.query('zeitraum'), now);
    if (!period) return c.html(badPeriodPage(token), 400);
    return then(buildEvidenceReport(db, practice, period, now, operatorName), token);
  };

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
