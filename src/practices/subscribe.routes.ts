import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { Catalog } from '../catalog/catalog.models.js';
import type { Env } from '../config/env.js';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { enqueue, type Queues } from '../queues/queues.js';
import { sendJobs } from '../notify/send-jobs.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { clientIp } from './client-ip.js';
import { consentText, consentVersionLabel } from './consent.js';
import { fieldErrors, formToRaw, subscribeSchema } from './preferences.models.js';
import { unknownCatalogIds } from './preferences.repository.js';
import { deliveryChoices, errorSummary, fieldError, productChooser, textField, type Errors, type FormValues } from './preferences.view.js';
import { hitLimit } from './rate-limit.js';
import { recordSignup, type QueuedMail } from './signup.usecases.js';

export type SubscribeDeps = { db: Db; redis: Redis; queues: Queues; catalog: Catalog; env: Env; clock: () => Date; logger: Logger; mailDomain: string };

/** The page after a valid sign-up; the same bytes whatever we know about the address (no enumeration). */
export const checkMailboxPage = messagePage(
  'Bitte E-Mail bestätigen',
  'Fast geschafft: Bitte prüfen Sie Ihr Postfach',
  'Wir haben Ihnen eine E-Mail geschickt. Bitte klicken Sie auf den Link darin, um die Anmeldung zu bestätigen. Erst dann erhalten Sie Warnungen. Kommt keine E-Mail an, sehen Sie bitte auch im Spam-Ordner nach.',
);

export const tooManyPage = messagePage(
  'Zu viele Anmeldungen',
  'Zu viele Anmeldungen in kurzer Zeit',
  'Zum Schutz vor Missbrauch nehmen wir gerade keine weitere Anmeldung von hier oder für diese Adresse an. Bitte versuchen Sie es später noch einmal (in spätestens einer Stunde beziehungsweise morgen).',
);

/** Hands a queued mail to the send queue; when Redis is away the sweep finds the delivery later. */
export async function enqueueMail(deps: { queues: Queues; logger: Logger }, mail: QueuedMail | null): Promise<void> {
  if (!mail) return;
  try {
    await enqueue(deps.queues, 'send', sendJobs([{ id: mail.deliveryId, attempts: mail.attempts }], 1));
  } catch (error) {
    deps.logger.warn({ deliveryId: mail.deliveryId, err: error }, 'send not enqueued; the sweep will');
  }
}

/** `/abonnieren`: the sign-up form (works without JavaScript) and its double opt-in start. */
export function subscribeRoutes(deps: SubscribeDeps): Hono {
  const app = new Hono();
  const form = (values: FormValues, errors: Errors) =>
    publicPage(
      'Abonnieren',
      html`<h1>Sicherheitswarnungen für Ihre Praxis abonnieren</h1>
<p>Wir warnen Sie per E-Mail, wenn es für Ihre Praxissoftware, Ihren Router, Ihren Konnektor oder Ihre Fernwartung eine Sicherheitslücke gibt – mit klaren Schritten, was zu tun ist. Kostenlos, ohne Werbung, jederzeit abbestellbar.</p>
${errorSummary(errors)}
<form method="post" action="/abonnieren" novalidate>
${textField(errors, 'name', 'text', values.name, 'So sprechen wir Sie in den E-Mails an, z. B. „Praxis Dr. Sommer“.', 'organization')}
${textField(errors, 'email', 'email', values.email, 'An diese Adresse senden wir die Warnungen. Sie erhalten zuerst eine E-Mail zur Bestätigung.', 'email')}
${productChooser(deps.catalog, values, errors)}
${deliveryChoices(values, errors)}
<fieldset ${errors.consent ? html`aria-invalid="true"` : ''}><legend>Einwilligung</legend>
<p class="consent" id="consent-text">${consentText}</p>${fieldError(errors, 'consent')}
<label class="choice"><input type="checkbox" id="f-consent" name="consent" value="ja" aria-describedby="consent-text" ${values.consent === 'ja' ? html`checked` : ''}> Ich bin einverstanden.</label>
<p class="hint">Einwilligungserklärung, ${consentVersionLabel()}</p></fieldset>
<button type="submit">Warnungen abonnieren</button>
<p class="hint">Danach schicken wir Ihnen eine E-Mail mit einem Bestätigungslink. Erst wenn Sie darauf geklickt haben, erhalten Sie Warnungen.</p>
</form>`,
      { scripts: ['/static/produktsuche.js'] },
    );

  app.get('/abonnieren', (c) => c.html(form({}, {})));
  app.post('/abonnieren', async (c) => {
    const raw = formToRaw(await readFormBody(c));
    const parsed = subscribeSchema.safeParse(raw);
    const values = raw as FormValues;
    if (!parsed.success) return c.html(form(values, fieldErrors(parsed.error, raw)), 400);
    const unknown = unknownCatalogIds(deps.db, parsed.data);
    if (unknown.length) return c.html(form(values, { products: 'Diese Auswahl kennen wir nicht (mehr). Bitte wählen Sie erneut.' }), 400);

    const ip = clientIp(c, deps.env.TRUST_PROXY);
    if (!(await withinLimits(deps, ip, parsed.data.email))) return tooMany(c);
    const mail = recordSignup(deps.db, parsed.data, { now: deps.clock(), ip, mailDomain: deps.mailDomain });
    await enqueueMail(deps, mail);
    return c.html(checkMailboxPage);
  });
  return app;
}

async function withinLimits(deps: SubscribeDeps, ip: string, email: string): Promise<boolean> {
  const prefix = deps.env.QUEUE_PREFIX;
  const byIp = await hitLimit(deps.redis, prefix, { name: 'signup-ip', max: deps.env.SIGNUP_LIMIT_PER_IP, windowSeconds: 3600 }, ip);
  if (!byIp) return false;
  return hitLimit(deps.redis, prefix, { name: 'signup-address', max: deps.env.SIGNUP_LIMIT_PER_ADDRESS, windowSeconds: 24 * 3600 }, email);
}

function tooMany(c: Context) {
  c.header('Retry-After', '3600');
  return c.html(tooManyPage, 429);
}
