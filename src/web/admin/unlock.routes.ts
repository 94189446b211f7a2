import { Hono } from 'hono';
import { getAdmin } from '../../admin/admins.repository.js';
import { writeAudit } from '../../admin/audit.repository.js';
import { liftAddress } from '../../admin/login-throttle.js';
import { verifyUnlockToken, type UnlockVerdict } from '../../admin/unlock-link.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import type { AdminEnv } from './admin.context.js';

const card = (title: string, body: ReturnType<typeof html>) => adminPage({ title }, html`<div class="login card"><h1>${title}</h1>${body}</div>`);

const invalidPage = card('Link ungültig', html`<p>Dieser Link ist ungültig. Bitte verwenden Sie den Link aus unserer E-Mail vollständig und unverändert.</p>`);
const expiredPage = card(
  'Link abgelaufen',
  html`<p>Dieser Link ist abgelaufen. Die Wartezeit endet aber auch von selbst; danach können Sie sich wieder <a href="/admin/anmelden">anmelden</a>.</p>`,
);

/**
 * `/admin/entsperren/:token`, the link of the unlock mail: GET only shows a button (mail scanners open links),
 * POST lifts the login delays of the address for every client. No session is needed: the signed link is the proof.
 */
export function unlockRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const refused = (verdict: Extract<UnlockVerdict, { ok: false }>) => (verdict.reason === 'expired' ? { page: expiredPage, status: 410 as const } : { page: invalidPage, status: 400 as const });

  app.get('/entsperren/:token', (c) => {
    const verdict = verifyUnlockToken(deps.linkSecret, c.req.param('token'), deps.clock());
    if (!verdict.ok) return c.html(refused(verdict).page, refused(verdict).status);
    return c.html(
      card(
        'Wartezeit aufheben',
        html`<p>Damit können Sie sich sofort wieder anmelden, von jedem Gerät aus. Ihr Passwort bleibt unverändert.</p>
<form method="post"><div class="actions-row"><button type="submit">Wartezeit jetzt aufheben</button></div></form>`,
      ),
    );
  });

  app.post('/entsperren/:token', (c) => {
    const now = deps.clock();
    const verdict = verifyUnlockToken(deps.linkSecret, c.req.param('token'), now);
    if (!verdict.ok) return c.html(refused(verdict).page, refused(verdict).status);
    const admin = getAdmin(deps.db, verdict.adminId);
    if (admin) {
      const lifted = liftAddress(deps.db, admin.email);
      writeAudit(deps.db, { adminId: admin.id, name: admin.email }, { action: 'login.unlock', entity: 'admin', entityId: admin.id, after: { lifted } }, now);
    }
    return c.html(card('Wartezeit aufgehoben', html`<p>Sie können sich jetzt wieder anmelden.</p><p><a href="/admin/anmelden">Zur Anmeldung</a></p>`));
  });
  return app;
}
