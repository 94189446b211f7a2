import { Hono, type Context } from 'hono';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { answerForm, answerForPractice, tickForm, tickForPractice, type FirmActionResult } from './firm-actions.js';
import { firmOverview, type FirmSort } from './firm-overview.js';
import { firmPage } from './firm-page.view.js';
import { getFirm, type Firm } from './firms.repository.js';
import { verifyFirmPageToken } from './links.js';

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus einer unserer E-Mails vollständig und unverändert.');
const gonePage = messagePage('Keine Anmeldung', 'Zu diesem Link gibt es keine Anmeldung', 'Sie können Ihr Unternehmen jederzeit neu als IT-Dienstleister anmelden.');
const pendingPage = messagePage('Noch nicht bestätigt', 'Ihre Anmeldung ist noch nicht bestätigt', 'Bitte klicken Sie auf den Link in der Bestätigungs-E-Mail. Danach sehen Sie hier die Praxen, die Sie eingeladen haben.');
const endedPage = publicPage('Abgemeldet', html`<h1>Ihr Unternehmen ist abgemeldet</h1><p>Sie haben keinen Zugriff mehr auf die Warnungen der Praxen. Sie können sich jederzeit <a href="/dienstleister/anmelden">neu anmelden</a>.</p>`);
const forbiddenPage = messagePage('Kein Zugriff', 'Kein Zugriff auf diese Praxis', 'Die Praxis hat Ihnen den Zugriff entzogen oder Sie nie eingeladen. Es wurde nichts vermerkt.');
const unknownPage = messagePage('Nicht gefunden', 'Diese Warnung oder Maßnahme gibt es bei dieser Praxis nicht', 'Es wurde nichts vermerkt.');
const badFormPage = messagePage('Ungültige Eingabe', 'Diese Eingabe können wir nicht verarbeiten', 'Bitte verwenden Sie die Knöpfe auf Ihrer Übersicht. Es wurde nichts vermerkt.');

type FirmPageDeps = { db: Db; linkSecret: string; clock: () => Date };

const sortOf = (value: unknown): FirmSort => (value === 'praxis' ? 'praxis' : 'dringlichkeit');

/**
 * `/dienstleister/:token`: the firm's page through its signed link (no password). Reading it records nothing; the
 * "Betrifft uns?" and "erledigt" forms POST, each checked against the practice's invitation at that moment.
 */
export function firmPageRoutes({ db, linkSecret, clock }: FirmPageDeps): Hono {
  const app = new Hono();
  const withFirm = (c: Context, then: (firm: Firm, token: string) => Response | Promise<Response>) => {
    const token = c.req.param('token') ?? '';
    const id = verifyFirmPageToken(linkSecret, token);
    if (id === null) return c.html(invalidPage, 400);
    const firm = getFirm(db, id);
    c.header('Cache-Control', 'no-store'); // the practices' warnings behind a link: no shared or back-button caches
    if (!firm) return c.html(gonePage, 404);
    if (firm.status === 'pending') return c.html(pendingPage, 403);
    if (firm.status === 'unsubscribed') return c.html(endedPage, 410);
    return then(firm, token);
  };

  app.get('/dienstleister/:token', (c) =>
    withFirm(c, (firm, token) => {
      const sort = sortOf(c.req.query('sortierung'));
      return c.html(firmPage({ firm, token, sort, ...firmOverview(db, firm.id, sort), saved: c.req.query('gespeichert') === '1' }));
    }),
  );

  const answer = (c: Context, result: FirmActionResult, token: string, sort: FirmSort, practiceId: number, advisoryId: number) => {
    if (result === 'forbidden') return c.html(forbiddenPage, 403);
    if (result === 'unknown') return c.html(unknownPage, 404);
    return c.redirect(`/dienstleister/${token}?sortierung=${sort}&gespeichert=1#p${practiceId}-w${advisoryId}`, 303);
  };

  app.post('/dienstleister/:token/erledigt', (c) =>
    withFirm(c, async (firm, token) => {
      const body = await readFormBody(c);
      const parsed = tickForm.safeParse(body);
      if (!parsed.success) return c.html(badFormPage, 400);
      const { practiceId, advisoryId } = parsed.data;
      return answer(c, tickForPractice(db, firm, parsed.data, clock()), token, sortOf(body.sortierung), practiceId, advisoryId);
    }),
  );

  app.post('/dienstleister/:token/antwort', (c) =>
    withFirm(c, async (firm, token) => {
      const body = await readFormBody(c);
      const parsed = answerForm.safeParse(body);
      if (!parsed.success) return c.html(badFormPage, 400);
      const { practiceId, advisoryId } = parsed.data;
      return answer(c, answerForPractice(db, firm, parsed.data, clock()), token, sortOf(body.sortierung), practiceId, advisoryId);
    }),
  );
  return app;
}
