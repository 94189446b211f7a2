import { Hono, type Context } from 'hono';
import { getAdvisory } from '../advisories/advisories.repository.js';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { allActions, doneByMaxLength, recordAcknowledgement } from './acknowledgements.repository.js';
import { signLinkToken, verifyAckToken } from './links.js';
import { getPractice, type Practice } from './practices.repository.js';
import { subscriptionEndedPage } from './subscription-ended.view.js';

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus unserer E-Mail vollständig und unverändert.');
const gonePage = messagePage('Nicht gefunden', 'Diese Warnung oder Anmeldung gibt es nicht mehr', 'Es ist nichts weiter zu tun.');

/**
 * `/erledigt/:token`: the practice says it finished one action of an alert (or all of them). GET only asks (link
 * scanners open every link), POST records it. After unsubscribing the link only says that the subscription ended.
 */
export function ackRoutes({ db, linkSecret, clock }: { db: Db; linkSecret: string; clock: () => Date }): Hono {
  const app = new Hono();
  const resolve = (token: string) => {
    const ack = verifyAckToken(linkSecret, token);
    if (!ack) return { error: 'invalid' as const };
    const advisory = getAdvisory(db, ack.advisoryId);
    const practice = getPractice(db, ack.practiceId);
    const action = ack.position === allActions ? null : advisory?.actions.find((a) => a.position === ack.position);
    if (!advisory || !practice || (ack.position !== allActions && !action)) return { error: 'gone' as const };
    if (practice.status === 'unsubscribed') return { error: 'ended' as const, practice };
    const what = action ? `„${action.text}“` : `alle Maßnahmen der Warnung „${advisory.title}“`;
    return { ack, advisory, what };
  };

  const refuse = (c: Context, r: { error: 'invalid' | 'gone' | 'ended'; practice?: Practice }) => {
    if (r.error === 'ended' && r.practice) return c.html(subscriptionEndedPage(r.practice, signLinkToken(linkSecret, 'manage', r.practice.id)), 410);
    return r.error === 'invalid' ? c.html(invalidPage, 400) : c.html(gonePage, 404);
  };

  app.get('/erledigt/:token', (c) => {
    const r = resolve(c.req.param('token'));
    if (r.error) return refuse(c, r);
    return c.html(
      publicPage(
        'Maßnahme erledigt?',
        html`<h1>Maßnahme als erledigt vermerken</h1>
<p>Warnung: <strong>${r.advisory.title}</strong></p>
<p>Haben Sie ${r.what} erledigt?</p>
<form method="post">
<label for="doneBy">Erledigt von (Name, optional)</label>
<p class="hint" id="doneBy-hint">Erscheint im Nachweis für die IT-Sicherheitsrichtlinie.</p>
<input type="text" id="doneBy" name="doneBy" maxlength="${doneByMaxLength}" autocomplete="name" aria-describedby="doneBy-hint">
<button type="submit">Ja, erledigt</button></form>
<p class="hint">Der Vermerk hilft Ihnen, den Überblick zu behalten. Er ändert nichts an Ihren Geräten.</p>`,
      ),
    );
  });

  app.post('/erledigt/:token', async (c) => {
    const r = resolve(c.req.param('token'));
    if (r.error) return refuse(c, r);
    const doneBy = (await readFormBody(c)).doneBy;
    recordAcknowledgement(db, r.ack.practiceId, r.ack.advisoryId, r.ack.position, clock(), { doneBy: typeof doneBy === 'string' ? doneBy : null });
    const manage = `/verwalten/${signLinkToken(linkSecret, 'manage', r.ack.practiceId)}`;
    return c.html(
      publicPage(
        'Vermerkt',
        html`<h1>Vielen Dank – vermerkt</h1><p>Wir haben ${r.what} als erledigt vermerkt.</p>
<p><a class="button secondary" href="${manage}#warnungen">Offene Maßnahmen ansehen</a></p>`,
      ),
    );
  });
  return app;
}
