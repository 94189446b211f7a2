import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import type { Queues } from '../queues/queues.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { berlinDay, germanDay } from './absence-days.js';
import { parseAbsenceForm } from './absence.models.js';
import { absenceSection, type AbsenceFormValues } from './absence.view.js';
import { absenceById, cancelAbsence, confirmDeputy, currentAbsence, deputyRequestsSince, setAbsence } from './absences.repository.js';
import { verifyExpiringLinkToken } from './links.js';
import { getPractice, type Practice } from './practices.repository.js';
import { enqueueMail } from './subscribe.routes.js';
import { withManagedPractice } from './manage-link.js';

/** Deputy requests (each one a mail to a typed-in address) a practice may make in 24 hours. */
export const maxDeputyRequestsPerDay = 5;

type AbsenceDeps = { db: Db; linkSecret: string; clock: () => Date; queues: Queues; logger: Logger; mailDomain: string };

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus unserer E-Mail vollständig und unverändert.');
const expiredPage = messagePage('Link abgelaufen', 'Dieser Link ist abgelaufen', 'Bitte bitten Sie die Praxis, die Schließzeit erneut einzutragen; Sie erhalten dann einen neuen Link.');
const gonePage = messagePage(
  'Vertretung nicht mehr nötig',
  'Diese Vertretung ist nicht mehr nötig',
  'Die Praxis hat die Schließzeit aufgehoben, oder sie ist bereits vorbei. Sie müssen nichts tun.',
);

/**
 * "Urlaubsvertretung": the practice sets and cancels its closing period under `/verwalten/:token/schliesszeit`
 * (the section also appears on the manage page), and the deputy confirms at `/vertretung/:token`. As everywhere,
 * GET only shows and POST records: mail scanners open links.
 */
export function absenceRoutes(deps: AbsenceDeps): Hono {
  const { db, linkSecret, clock } = deps;
  const app = new Hono();

  const withPractice = withManagedPractice(deps);

  const page = (practice: Practice, token: string, values: AbsenceFormValues = {}, errors = {}, notice = '') => {
    const today = berlinDay(clock());
    return publicPage(
      'Urlaubsvertretung',
      html`<h1>Urlaubsvertretung für ${practice.name}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${absenceSection({ token, absence: currentAbsence(db, practice.id, today), today, values, errors })}
<p><a href="/verwalten/${token}">Zurück zu Ihren Einstellungen</a></p>`,
    );
  };

  app.get('/verwalten/:token/schliesszeit', (c) =>
    withPractice(c, (practice, token) => {
      const notice = c.req.query('gespeichert') === '1' ? 'Die Schließzeit ist gespeichert. Die Vertretung erhält jetzt eine E-Mail zur Bestätigung.' : c.req.query('aufgehoben') === '1' ? 'Die Schließzeit ist aufgehoben. Alle Warnungen gehen wieder an Ihre Praxis.' : '';
      return c.html(page(practice, token, {}, {}, notice));
    }),
  );

  app.post('/verwalten/:token/schliesszeit', (c) =>
    withPractice(c, async (practice, token) => {
      const raw = await readFormBody(c);
      const now = clock();
      const parsed = parseAbsenceForm(raw, { today: berlinDay(now), practiceEmail: practice.email });
      const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
      const values = { firstDay: text('firstDay'), lastDay: text('lastDay'), deputyEmail: text('deputyEmail') };
      if (!parsed.ok) return c.html(page(practice, token, values, parsed.errors), 400);
      // Every request mails an address typed in here: a few a day are plenty, more would make us a mail cannon.
      if (deputyRequestsSince(db, practice.id, new Date(now.getTime() - 86_400_000)) >= maxDeputyRequestsPerDay) {
        return c.html(page(practice, token, values, { deputyEmail: `Sie haben in den letzten 24 Stunden schon ${maxDeputyRequestsPerDay} Vertretungen angefragt. Bitte versuchen Sie es morgen wieder.` }), 429);
      }
      const { mail } = setAbsence(db, practice.id, parsed.value, { now, mailDomain: deps.mailDomain });
      await enqueueMail(deps, mail);
      return c.redirect(`/verwalten/${token}/schliesszeit?gespeichert=1`, 303);
    }),
  );

  app.post('/verwalten/:token/schliesszeit/aufheben', (c) =>
    withPractice(c, (practice, token) => {
      cancelAbsence(db, practice.id, clock());
      return c.redirect(`/verwalten/${token}/schliesszeit?aufgehoben=1`, 303);
    }),
  );

  const withDeputyLink = (c: Context, then: (absenceId: number, practice: Practice) => Response | Promise<Response>) => {
    const verdict = verifyExpiringLinkToken(linkSecret, 'deputy', c.req.param('token') ?? '', clock());
    if (!verdict.ok) return verdict.reason === 'expired' ? c.html(expiredPage, 410) : c.html(invalidPage, 400);
    const absence = absenceById(db, verdict.practiceId);
    const practice = absence && getPractice(db, absence.practiceId);
    if (!absence || !practice || practice.status !== 'active' || absence.cancelledAt || absence.lastDay < berlinDay(clock())) return c.html(gonePage, 410);
    c.header('Cache-Control', 'no-store');
    return then(absence.id, practice);
  };

  app.get('/vertretung/:token', (c) =>
    withDeputyLink(c, (absenceId, practice) => {
      const absence = absenceById(db, absenceId)!;
      return c.html(
        publicPage(
          'Vertretung bestätigen',
          html`<h1>Urlaubsvertretung bestätigen</h1>
<p>Die Praxis <strong>${practice.name}</strong> (${practice.email}) ist <strong>vom ${germanDay(absence.firstDay)} bis zum ${germanDay(absence.lastDay)}</strong> geschlossen und bittet Sie, in dieser Zeit ihre Sicherheitswarnungen zu übernehmen.</p>
<p>Warnungen, bei denen sofort oder zeitnah etwas zu tun ist, senden wir dann an Sie statt an die Praxis, mit einem Hinweis, für wen sie sind. Warnungen nur zur Kenntnis erhält die Praxis nach ihrer Rückkehr. Am Ende der Schließzeit endet die Vertretung von selbst.</p>
${absence.deputyConfirmedAt ? html`<p class="notice">Sie haben die Vertretung bereits bestätigt. Sie endet am ${germanDay(absence.lastDay)} von selbst; soll sie früher enden, sagen Sie bitte der Praxis Bescheid: Sie kann die Schließzeit aufheben.</p>` : html`<form method="post"><button type="submit">Ja, ich übernehme die Vertretung</button></form>`}`,
        ),
      );
    }),
  );

  app.post('/vertretung/:token', (c) =>
    withDeputyLink(c, (absenceId, practice) => {
      const result = confirmDeputy(db, absenceId, clock());
      if (result === 'gone') return c.html(gonePage, 410);
      const absence = absenceById(db, absenceId)!;
      return c.html(
        publicPage(
          'Vertretung bestätigt',
          html`<h1>${result === 'confirmed' ? 'Vielen Dank – Sie sind als Vertretung bestätigt' : 'Sie hatten die Vertretung bereits bestätigt'}</h1>
<p>Vom ${germanDay(absence.firstDay)} bis zum ${germanDay(absence.lastDay)} erhalten Sie die dringenden Sicherheitswarnungen der Praxis <strong>${practice.name}</strong>. Danach endet die Vertretung von selbst.</p>`,
        ),
      );
    }),
  );
  return app;
}
