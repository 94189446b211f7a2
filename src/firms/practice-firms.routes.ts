import { Hono } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { emailField } from '../practices/preferences.models.js';
import type { Queues } from '../queues/queues.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { enqueueFirmMail } from './firm-signup.routes.js';
import { inviteFirm, revokeFirm } from './firms.repository.js';
import { practiceFirmsSection } from './practice-firms.view.js';
import { withManagedPractice } from '../practices/manage-link.js';

type PracticeFirmsDeps = { db: Db; linkSecret: string; clock: () => Date; queues: Queues; logger: Logger; mailDomain: string };

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus einer unserer E-Mails vollständig und unverändert.');

/**
 * `/verwalten/:token/dienstleister…`: a practice invites an IT service firm by its address or ends its access, from
 * the section on its manage page (see practice-firms.view.ts); both POST and go back to that page.
 */
export function practiceFirmsRoutes(deps: PracticeFirmsDeps): Hono {
  const { db, clock } = deps;
  const app = new Hono();
  const withPractice = withManagedPractice(deps);
  const back = (token: string) => `/verwalten/${token}?gespeichert=1#dienstleister`;

  app.post('/verwalten/:token/dienstleister', (c) =>
    withPractice(c, async (practice, token) => {
      const body = await readFormBody(c);
      const value = typeof body.firmEmail === 'string' ? body.firmEmail : '';
      const parsed = emailField.safeParse(value);
      const message = !parsed.success
        ? (parsed.error.issues[0]?.message ?? 'Bitte geben Sie eine gültige E-Mail-Adresse an.')
        : parsed.data === practice.email
          ? 'Die Adresse des IT-Dienstleisters muss sich von Ihrer eigenen unterscheiden.'
          : null;
      if (message || !parsed.success) {
        return c.html(
          publicPage(
            'IT-Dienstleister einladen',
            html`<h1>IT-Dienstleister einladen</h1>${practiceFirmsSection(db, practice.id, token, { message: message ?? '', value })}
<p><a href="/verwalten/${token}">Zurück zu Ihren Einstellungen</a></p>`,
          ),
          400,
        );
      }
      const { mail } = inviteFirm(db, practice.id, parsed.data, { now: clock(), mailDomain: deps.mailDomain });
      await enqueueFirmMail(deps, mail);
      return c.redirect(back(token), 303);
    }),
  );

  app.post('/verwalten/:token/dienstleister/:firmId/entfernen', (c) =>
    withPractice(c, (practice, token) => {
      const firmId = z.coerce.number().int().positive().safeParse(c.req.param('firmId'));
      if (!firmId.success) return c.html(invalidPage, 400);
      revokeFirm(db, practice.id, firmId.data, clock());
      return c.redirect(back(token), 303);
    }),
  );
  return app;
}
