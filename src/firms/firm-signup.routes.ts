import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Env } from '../config/env.js';
import type { Db } from '../db/client.js';
import type { OwedDelivery } from '../notify/send-jobs.js';
import { html, type SafeHtml } from '../notify/templates/html.js';
import { clientIp } from '../practices/client-ip.js';
import { emailField } from '../practices/preferences.models.js';
import { hitLimit } from '../practices/rate-limit.js';
import { checkMailboxPage, tooManyPage } from '../practices/subscribe.routes.js';
import type { Queues } from '../queues/queues.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { firmConsentText, firmConsentVersion } from './firm-consent.js';
import { enqueueFirmSends } from './firm-send.js';
import { confirmFirm, recordFirmSignup, unsubscribeFirm } from './firms.repository.js';
import { firmPageToken, verifyFirmConfirmToken, verifyFirmUnsubscribeToken } from './links.js';

export type FirmSignupDeps = { db: Db; redis: Redis; queues: Queues; env: Env; clock: () => Date; logger: Logger; mailDomain: string; linkSecret: string };

const singleLine = z.string().trim().regex(/^[^\p{Cc}]*$/u, 'Bitte ohne Zeilenumbrüche oder Steuerzeichen eingeben.');
const signupSchema = z.object({
  name: singleLine.min(2, 'Bitte geben Sie den Namen Ihres Unternehmens an.').max(200, 'Der Name ist zu lang (höchstens 200 Zeichen).'),
  email: emailField,
  consent: z.literal('ja', { error: 'Bitte bestätigen Sie die Einwilligung.' }),
});
type Values = { name?: string; email?: string; consent?: string };
type Errors = Partial<Record<keyof Values, string>>;

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus unserer E-Mail vollständig und unverändert.');
const expiredPage = publicPage(
  'Link abgelaufen',
  html`<h1>Dieser Bestätigungslink ist abgelaufen</h1><p>Bitte <a href="/dienstleister/anmelden">melden Sie Ihr Unternehmen erneut an</a>.</p>`,
);

/** Hands firm mails to their queue; when Redis is away the sweep finds them later. */
export async function enqueueFirmMail(deps: { queues: Queues; logger: Logger }, mail: OwedDelivery | null): Promise<void> {
  if (!mail) return;
  try {
    await enqueueFirmSends(deps.queues, [mail]);
  } catch (error) {
    deps.logger.warn({ firmDeliveryId: mail.id, err: error }, 'firm send not enqueued; the sweep will');
  }
}

/**
 * `/dienstleister/anmelden`, `/dienstleister/bestaetigen/:token` and `/dienstleister/abmelden/:token`: an IT
 * service firm's double opt-in and its unsubscribe link, like a practice's (GET only asks, POST does).
 */
export function firmSignupRoutes(deps: FirmSignupDeps): Hono {
  const { db, linkSecret, clock } = deps;
  const app = new Hono();

  app.get('/dienstleister/anmelden', (c) => c.html(signupForm({ email: c.req.query('email') ?? '' }, {})));
  app.post('/dienstleister/anmelden', async (c) => {
    const body = await readFormBody(c);
    const one = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const values: Values = { name: one('name'), email: one('email'), consent: one('consent') };
    const parsed = signupSchema.safeParse(values);
    if (!parsed.success) {
      const errors: Errors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof Values] ??= issue.message;
      return c.html(signupForm(values, errors), 400);
    }
    const ip = clientIp(c, deps.env.TRUST_PROXY);
    const prefix = deps.env.QUEUE_PREFIX;
    const within =
      (await hitLimit(deps.redis, prefix, { name: 'firm-signup-ip', max: deps.env.SIGNUP_LIMIT_PER_IP, windowSeconds: 3600 }, ip)) &&
      (await hitLimit(deps.redis, prefix, { name: 'firm-signup-address', max: deps.env.SIGNUP_LIMIT_PER_ADDRESS, windowSeconds: 24 * 3600 }, parsed.data.email));
    if (!within) return tooMany(c);
    await enqueueFirmMail(deps, recordFirmSignup(db, parsed.data, { now: clock(), mailDomain: deps.mailDomain }));
    return c.html(checkMailboxPage);
  });

  app.get('/dienstleister/bestaetigen/:token', (c) => {
    const verdict = verifyFirmConfirmToken(linkSecret, c.req.param('token'), clock());
    if (!verdict.ok) return verdict.reason === 'expired' ? c.html(expiredPage, 410) : c.html(invalidPage, 400);
    return c.html(
      publicPage(
        'Anmeldung bestätigen',
        html`<h1>Anmeldung bestätigen</h1>
<p>Bitte bestätigen Sie, dass Ihr Unternehmen als IT-Dienstleister die Warnungen der Praxen sehen möchte, die Sie einladen.</p>
<form method="post"><button type="submit">Ja, Anmeldung bestätigen</button></form>`,
      ),
    );
  });
  app.post('/dienstleister/bestaetigen/:token', (c) => {
    const verdict = verifyFirmConfirmToken(linkSecret, c.req.param('token'), clock());
    if (!verdict.ok) return verdict.reason === 'expired' ? c.html(expiredPage, 410) : c.html(invalidPage, 400);
    const result = confirmFirm(db, verdict.practiceId, clock());
    if (result === 'gone') return c.html(expiredPage, 410);
    return c.html(
      publicPage(
        'Anmeldung bestätigt',
        html`<h1>${result === 'confirmed' ? 'Vielen Dank – Ihre Anmeldung ist bestätigt' : 'Ihre Anmeldung war bereits bestätigt'}</h1>
<p>Praxen, die Sie eingeladen haben, sehen Sie ab jetzt in Ihrer Übersicht. Bitte bewahren Sie den Link zu Ihrer Übersicht auf; jede unserer E-Mails enthält ihn ebenfalls.</p>
<p><a class="button" href="/dienstleister/${firmPageToken(linkSecret, verdict.practiceId)}">Zu Ihrer Übersicht</a></p>`,
      ),
    );
  });

  app.get('/dienstleister/abmelden/:token', (c) => {
    if (verifyFirmUnsubscribeToken(linkSecret, c.req.param('token')) === null) return c.html(invalidPage, 400);
    return c.html(
      publicPage(
        'Abmelden',
        html`<h1>Als IT-Dienstleister abmelden</h1>
<p>Nach der Abmeldung erhalten Sie keine E-Mails mehr und Ihre Übersicht zeigt keine Praxis mehr. Die Praxen müssten Sie danach erneut einladen.</p>
<form method="post"><button type="submit" class="danger">Ja, abmelden</button></form>`,
      ),
    );
  });
  // Also the RFC 8058 one-click request of a mail client (List-Unsubscribe-Post): the signed token is the proof.
  app.post('/dienstleister/abmelden/:token', (c) => {
    const firmId = verifyFirmUnsubscribeToken(linkSecret, c.req.param('token'));
    if (firmId === null) return c.html(invalidPage, 400);
    unsubscribeFirm(db, firmId, clock());
    return c.html(
      publicPage(
        'Abgemeldet',
        html`<h1>Sie sind abgemeldet</h1><p>Ihr Unternehmen erhält keine E-Mails mehr von uns und hat keinen Zugriff mehr auf die Warnungen der Praxen.</p>
<p>Versehentlich abgemeldet? Sie können sich jederzeit <a href="/dienstleister/anmelden">neu anmelden</a>; die Praxen laden Sie dann erneut ein.</p>`,
      ),
    );
  });
  return app;
}

function tooMany(c: Context) {
  c.header('Retry-After', '3600');
  return c.html(tooManyPage, 429);
}

function field(errors: Errors, name: 'name' | 'email', type: string, label: string, value: string | undefined, hint: string, autocomplete: string): SafeHtml {
  const error = errors[name];
  return html`<label for="f-${name}">${label}</label>
<p class="hint" id="h-${name}">${hint}</p>${error ? html`<p class="field-error" id="e-${name}">${error}</p>` : ''}
<input type="${type}" id="f-${name}" name="${name}" value="${value ?? ''}" autocomplete="${autocomplete}" aria-describedby="h-${name}${error ? ` e-${name}` : ''}" ${error ? html`aria-invalid="true"` : ''}>`;
}

function signupForm(values: Values, errors: Errors): string {
  const problems = Object.values(errors);
  return publicPage(
    'Anmeldung für IT-Dienstleister',
    html`<h1>Anmeldung für IT-Dienstleister</h1>
<p>Sie betreuen die IT von Arztpraxen? Praxen, die praxiswarn nutzen, können Sie einladen. Dann sehen Sie die offenen Sicherheitsmaßnahmen all dieser Praxen auf einer Seite, vermerken für sie „Betrifft uns?“ und Erledigtes und erhalten je Warnung eine E-Mail mit allen betroffenen Praxen. Kostenlos, ohne Werbung.</p>
${problems.length ? html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="fehler"><h2>Bitte prüfen Sie Ihre Angaben</h2><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<form method="post" action="/dienstleister/anmelden" novalidate>
${field(errors, 'name', 'text', 'Name Ihres Unternehmens', values.name, 'So nennen wir Sie gegenüber den Praxen, z. B. „Praxis-IT Müller GmbH“.', 'organization')}
${field(errors, 'email', 'email', 'E-Mail-Adresse', values.email, 'Die Adresse, unter der die Praxen Sie einladen. Sie erhalten zuerst eine E-Mail zur Bestätigung.', 'email')}
<fieldset ${errors.consent ? html`aria-invalid="true"` : ''}><legend>Einwilligung</legend>
<p class="consent" id="consent-text">${firmConsentText}</p>${errors.consent ? html`<p class="field-error" id="e-consent">${errors.consent}</p>` : ''}
<label class="choice"><input type="checkbox" id="f-consent" name="consent" value="ja" aria-describedby="consent-text" ${values.consent === 'ja' ? html`checked` : ''}> Ich bin einverstanden.</label>
<p class="hint">Einwilligungserklärung, Fassung ${firmConsentVersion}</p></fieldset>
<button type="submit">Als IT-Dienstleister anmelden</button>
</form>`,
  );
}
