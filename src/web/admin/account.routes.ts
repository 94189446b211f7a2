import { Hono, type MiddlewareHandler } from 'hono';
import { changePassword } from '../../admin/account.usecases.js';
import { minPasswordLength } from '../../admin/admins.models.js';
import { html } from '../../notify/templates/html.js';
import { clientIp } from '../../practices/client-ip.js';
import type { WebDeps } from '../app.js';
import { adminPage, csrfField } from './admin.layout.js';
import { first, readForm, setFlash, takeFlash, type AdminContext, type AdminEnv } from './admin.context.js';
import { when } from './admin.format.js';

const accountPath = '/admin/konto';
// What an admin who must first replace a printed password may still reach.
const allowedBeforeChange = new Set([accountPath, '/admin/abmelden']);

/** Sends an admin whose password was printed by the CLI to /admin/konto until a new one is set, from every other page. */
export function passwordChangeGate(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!c.get('session').admin.mustChangePassword || allowedBeforeChange.has(c.req.path)) return next();
    return c.redirect(accountPath, 303);
  };
}

/** `/admin/konto`: the signed-in admin's own account; changing the password ends every other session. */
export function accountRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const page = (c: AdminContext, error: string | null = null) => {
    const session = c.get('session');
    const { admin } = session;
    const flash = takeFlash(c, deps);
    const body = html`<h1>Ihr Konto</h1>
<p>Angemeldet als <strong>${admin.email}</strong> (${admin.role === 'editor' ? 'Redaktion' : 'nur lesen'}) · letzte Anmeldung ${when(admin.lastLoginAt)}</p>
${admin.mustChangePassword ? html`<p class="flash error" role="alert">Sie haben sich mit einem Einmal-Passwort angemeldet. Bitte legen Sie jetzt ein eigenes Passwort fest; erst danach sind die anderen Seiten erreichbar.</p>` : ''}
<form method="post" action="${accountPath}" class="card">${csrfField(session)}
<h2>Passwort ändern</h2>
<label for="current">Bisheriges Passwort</label><input id="current" name="current" type="password" autocomplete="current-password" required maxlength="200">
<label for="password">Neues Passwort (mindestens ${minPasswordLength} Zeichen)</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="${minPasswordLength}" maxlength="200">
<label for="repeat">Neues Passwort wiederholen</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength="${minPasswordLength}" maxlength="200">
<p class="muted">Nach der Änderung sind Sie auf allen anderen Geräten abgemeldet; diese Anmeldung bleibt bestehen.</p>
<div class="actions-row"><button type="submit">Passwort ändern</button></div>
</form>`;
    return adminPage({ title: 'Konto', session, current: accountPath, flash: flash.flash, error: error ?? flash.error }, body);
  };

  app.get('/konto', (c) => c.html(page(c)));

  app.post('/konto', async (c) => {
    const form = await readForm(c);
    const session = c.get('session');
    const result = await changePassword(
      { db: deps.db, clock: deps.clock },
      {
        adminId: session.admin.id,
        tokenHash: session.tokenHash,
        client: clientIp(c, deps.env.TRUST_PROXY),
        current: first(form, 'current'),
        next: first(form, 'password'),
        repeat: first(form, 'repeat'),
      },
    );
    if (!result.ok) return c.html(page(c, result.message), result.status);
    const others = result.endedSessions === 1 ? 'Eine andere Anmeldung wurde beendet.' : result.endedSessions > 1 ? `${result.endedSessions} andere Anmeldungen wurden beendet.` : '';
    setFlash(c, deps, `Ihr Passwort ist geändert. ${others}`.trim());
    return c.redirect(session.admin.mustChangePassword ? '/admin' : accountPath, 303);
  });
  return app;
}
