import { Hono } from 'hono';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { page } from '../web/layout.js';
import { verifyLinkToken } from './links.js';
import { unsubscribePractice } from './practices.repository.js';

/**
 * `/abmelden/:token`: GET only shows a button (mail scanners follow links and must not unsubscribe anyone);
 * POST unsubscribes, from that button or as the RFC 8058 one-click request of the mail client.
 */
export function unsubscribeRoutes({ db, linkSecret, clock }: { db: Db; linkSecret: string; clock: () => Date }): Hono {
  const app = new Hono();
  const invalid = page(
    'Link ungültig',
    html`<h1>Dieser Link ist ungültig</h1><p>Bitte verwenden Sie den Abmeldelink aus einer unserer E-Mails vollständig und unverändert.</p>`,
  );
  app.get('/abmelden/:token', (c) => {
    if (verifyLinkToken(linkSecret, 'unsubscribe', c.req.param('token')) === null) return c.html(invalid, 400);
    return c.html(
      page(
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
      page('Abgemeldet', html`<h1>Sie sind abgemeldet</h1><p>Ihre Praxis erhält keine Sicherheitswarnungen mehr von uns.</p>`),
    );
  });
  return app;
}
