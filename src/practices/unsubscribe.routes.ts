import { Hono } from 'hono';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { verifyLinkToken } from './links.js';
import { unsubscribePractice } from './practices.repository.js';

const invalid = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Abmeldelink aus einer unserer E-Mails vollständig und unverändert.');

/**
 * `/abmelden/:token`: GET only shows a button (mail scanners follow links and must not unsubscribe anyone);
 * POST unsubscribes, from that button or as the RFC 8058 one-click request of the mail client. That request
 * (body `List-Unsubscribe=One-Click`) comes without cookies or CSRF token: the signed token in the URL is the
 * proof, and unsubscribing twice (or a deleted practice) is harmless.
 */
export function unsubscribeRoutes({ db, linkSecret, clock }: { db: Db; linkSecret: string; clock: () => Date }): Hono {
  const app = new Hono();
  app.get('/abmelden/:token', (c) => {
    if (verifyLinkToken(linkSecret, 'unsubscribe', c.req.param('token')) === null) return c.html(invalid, 400);
    return c.html(
      publicPage(
        'Abmelden',
        html`<h1>Vom Warndienst abmelden</h1>
<p>Möchten Sie keine Sicherheitswarnungen mehr für Ihre Praxis erhalten?</p>
<form method="post"><button type="submit">Ja, abmelden</button></form>`,
      ),
    );
  });
  app.post('/abmelden/:token', (c) => {
    const practiceId = verifyLinkToken(linkSecret, 'unsubscribe', c.req.param('token'));
    if (practiceId === null) return c.html(invalid, 400);
    unsubscribePractice(db, practiceId, clock());
    return c.html(
      publicPage(
        'Abgemeldet',
        html`<h1>Sie sind abgemeldet</h1><p>Ihre Praxis erhält keine Sicherheitswarnungen mehr von uns.</p>
<p>Versehentlich abgemeldet? Sie können sich jederzeit <a href="/abonnieren">neu anmelden</a>.</p>`,
      ),
    );
  });
  return app;
}
