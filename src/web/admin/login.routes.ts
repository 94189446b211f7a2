import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { login, logout } from '../../admin/auth.usecases.js';
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
    const result = await login(deps.db, { email: first(form, 'email'), password: first(form, 'password') }, deps.clock());
    if (!result.ok) {
      deps.logger.warn({ reason: result.reason }, 'admin login refused');
      return c.html(loginPage(expected, result.message, null, first(form, 'next')), result.reason === 'locked' ? 429 : 401);
    }
    setCookie(c, sessionCookie, result.token, cookieOptions(deps));
    deleteCookie(c, loginCsrfCookie, cookieOptions(deps));
    writeAudit(deps.db, { adminId: result.session.admin.id, name: result.session.admin.email }, { action: 'login', entity: 'admin', entityId: result.session.admin.id }, deps.clock());
    const next = first(form, 'next');
    return c.redirect(safeNext(next), 303);
  });

  return app;
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
