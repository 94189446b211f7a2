import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { login, logout } from '../../admin/auth.usecases.js';
import type { Admin } from '../../admin/admins.repository.js';
import { sendUnlockMail } from '../../admin/unlock-mail.js';
import { clientIp } from '../../practices/client-ip.js';
import { writeAudit } from '../../admin/audit.repository.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import { cookieOptions, first, readForm, sessionCookie, takeFlash, type AdminEnv } from './admin.context.js';

// The login form has no session yet: a double-submit cookie stops other sites from logging a browser in.
const loginCsrfCookie = 'pw_login_csrf';

export const sameToken = (a: string, b: string) => a.length > 0 && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function loginRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/anmelden', (c) => {
    const token = randomBytes(24).toString('base64url');
    setCookie(c, loginCsrfCookie, token, cookieOptions(deps, 3600));
    const { flash, error } = takeFlash(c, deps);
    return c.html(loginPage(token, error, flash, c.req.query('next') ?? ''));
  });

  app.post('/anmelden', async (c) => {
    const form = await readForm(c);
    const expected = getCookie(c, loginCsrfCookie) ?? '';
    if (!sameToken(first(form, '_csrf'), expected)) {
      return c.html(loginPage(expected || '', 'Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und melden Sie sich erneut an.', null, first(form, 'next')), 403);
    }
    // Whatever session the browser brought is ended: a fresh token after login prevents session fixation.
    logout(deps.db, getCookie(c, sessionCookie));
    deleteCookie(c, sessionCookie, cookieOptions(deps));
    const client = clientIp(c, deps.env.TRUST_PROXY);
    const onDelayStarted = (admin: Admin, blockedUntil: Date) => delayStarted(deps, admin, blockedUntil);
    const result = await login({ db: deps.db, clock: deps.clock, onDelayStarted }, { email: first(form, 'email'), password: first(form, 'password'), client });
    if (!result.ok) {
      deps.logger.warn({ reason: result.reason }, 'admin login refused');
      if (result.reason === 'delayed') {
        c.header('Retry-After', String(Math.max(1, Math.ceil((result.blockedUntil.getTime() - deps.clock().getTime()) / 1000))));
      }
      return c.html(loginPage(expected, result.message, null, first(form, 'next')), result.reason === 'delayed' ? 429 : 401);
    }
    setCookie(c, sessionCookie, result.token, cookieOptions(deps));
    deleteCookie(c, loginCsrfCookie, cookieOptions(deps));
    writeAudit(deps.db, { adminId: result.session.admin.id, name: result.session.admin.email }, { action: 'login', entity: 'admin', entityId: result.session.admin.id }, deps.clock());
    // A password someone else has seen (printed by the CLI) is replaced before anything else.
    if (result.session.admin.mustChangePassword) return c.redirect('/admin/konto', 303);
    return c.redirect(safeNext(first(form, 'next')), 303);
  });

  return app;
}

/**
 * The delays for an account's address began: recorded, and its owner is mailed a link that lifts them. The mail is
 * not awaited, so that the answer takes as long as for an address without an account.
 */
function delayStarted(deps: WebDeps, admin: Admin, blockedUntil: Date): void {
  const now = deps.clock();
  writeAudit(deps.db, { adminId: null, name: 'Anmeldeseite' }, { action: 'login.delayed', entity: 'admin', entityId: admin.id, after: { blockedUntil: blockedUntil.toISOString() } }, now);
  void sendUnlockMail(deps, { admin, blockedUntil, now });
}

/** Only paths inside the admin area: never another host (no open redirect). */
function safeNext(next: string): string {
  return /^\/admin(\/[A-Za-z0-9\-_/]*)?$/.test(next) ? next : '/admin';
}

function loginPage(csrf: string, error: string | null, flash: string | null = null, next = ''): string {
  return adminPage(
    { title: 'Anmelden', error, flash },
    html`<div class="login card"><h1>Anmeldung Redaktion</h1>
<form method="post" action="/admin/anmelden">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="next" value="${safeNext(next)}">
<label for="email">E-Mail-Adresse</label><input id="email" name="email" type="email" autocomplete="username" required autofocus>
<label for="password">Passwort</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions-row"><button type="submit">Anmelden</button></div>
</form></div>`,
  );
}
