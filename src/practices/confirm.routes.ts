import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { writeWelcomeDelivery } from '../notify/welcome.js';
import type { Queues } from '../queues/queues.js';
import { html } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { signLinkToken, verifyExpiringLinkToken } from './links.js';
import { confirmSignup } from './signup.usecases.js';
import { enqueueMail } from './subscribe.routes.js';

type ConfirmDeps = { db: Db; linkSecret: string; clock: () => Date; queues: Queues; logger: Logger; mailDomain: string };

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus unserer E-Mail vollständig und unverändert.');
const expiredPage = publicPage(
  'Link abgelaufen',
  html`<h1>Dieser Bestätigungslink ist abgelaufen</h1><p>Unbestätigte Anmeldungen löschen wir nach 7 Tagen. Bitte <a href="/abonnieren">melden Sie sich erneut an</a>.</p>`,
);

/**
 * `/bestaetigen/:token`, the double opt-in: GET only shows a button (mail scanners open links and must not
 * confirm anything), POST activates the practice and sends the welcome mail (the advisories still open on its products).
 */
export function confirmRoutes(deps: ConfirmDeps): Hono {
  const { db, linkSecret, clock } = deps;
  const app = new Hono();
  app.get('/bestaetigen/:token', (c) => {
    const verdict = verifyExpiringLinkToken(linkSecret, 'confirm', c.req.param('token'), clock());
    if (!verdict.ok) return verdict.reason === 'expired' ? c.html(expiredPage, 410) : c.html(invalidPage, 400);
    return c.html(
      publicPage(
        'Anmeldung bestätigen',
        html`<h1>Anmeldung bestätigen</h1>
<p>Bitte bestätigen Sie, dass Ihre Praxis Sicherheitswarnungen von praxiswarn erhalten möchte.</p>
<form method="post"><button type="submit">Ja, Anmeldung bestätigen</button></form>`,
      ),
    );
  });
  app.post('/bestaetigen/:token', async (c) => {
    const now = clock();
    const verdict = verifyExpiringLinkToken(linkSecret, 'confirm', c.req.param('token'), now);
    if (!verdict.ok) return verdict.reason === 'expired' ? c.html(expiredPage, 410) : c.html(invalidPage, 400);
    const practiceId = verdict.practiceId;
    // The welcome mail is written in the same transaction as the activation (the outbox): both or neither.
    const { result, welcome } = db.transaction(() => {
      const result = confirmSignup(db, practiceId, now);
      return { result, welcome: result === 'confirmed' ? writeWelcomeDelivery(db, practiceId, { now, mailDomain: deps.mailDomain }) : null };
    });
    await enqueueMail(deps, welcome);
    if (result === 'gone') return c.html(expiredPage, 410);
    const manage = `/verwalten/${signLinkToken(linkSecret, 'manage', verdict.practiceId)}`;
    return c.html(
      publicPage(
        'Anmeldung bestätigt',
        html`<h1>${result === 'confirmed' ? 'Vielen Dank – Ihre Anmeldung ist bestätigt' : 'Ihre Anmeldung war bereits bestätigt'}</h1>
<p>Ab jetzt erhalten Sie Sicherheitswarnungen zu den gewählten Produkten. Jede E-Mail enthält einen Link, mit dem Sie Ihre Einstellungen ändern oder sich abmelden können.</p>
<p><a class="button secondary" href="${manage}">Einstellungen ansehen</a></p>`,
      ),
    );
  });
  return app;
}
