import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { logout, sessionFor } from '../../admin/auth.usecases.js';
import type { WebDeps } from '../app.js';
import { cookieOptions, readForm, first, sessionCookie, type AdminEnv } from './admin.context.js';
import { accountRoutes, passwordChangeGate } from './account.routes.js';
import { auditRoutes } from './audit.routes.js';
import { bullBoardRoutes, bullBoardPath } from './bull-board.routes.js';
import { catalogRoutes } from './catalog.routes.js';
import { editorRoutes } from './editor.routes.js';
import { extractionRoutes } from './extraction.routes.js';
import { loginRoutes, sameToken } from './login.routes.js';
import { outageRoutes } from './outage.routes.js';
import { practicesRoutes } from './practices.routes.js';
import { publishedRoutes } from './published.routes.js';
import { queueRoutes } from './queue.routes.js';
import { sourcesRoutes } from './sources.routes.js';
import { tokensRoutes } from './tokens.routes.js';
import { unlockRoutes } from './unlock.routes.js';

// Admin pages load only their own stylesheet; the e-mail preview is the one frame, from the same origin.
const adminCsp = "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// Writes a viewer may still make: ending the session, changing their own password, managing their own API tokens.
const viewerWrites = [/^\/admin\/abmelden$/, /^\/admin\/konto$/, /^\/admin\/tokens(\/\d+\/widerrufen)?$/];

/** Everything under /admin: the login is public, every other page needs a session, every write a CSRF token and the editor role. */
export function adminRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', async (c, next) => {
    // '/admin/', as people type it, is the review queue.
    if (c.req.path === '/admin/') return c.redirect('/admin', 301);
    await next();
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', adminCsp);
    c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('referrer-policy', 'same-origin');
  });
  app.route('/', loginRoutes(deps));
  app.route('/', unlockRoutes(deps));
  app.use('*', requireSession(deps));
  app.use('*', passwordChangeGate());
  app.use('*', guardWrites());
  app.post('/abmelden', (c) => {
    logout(deps.db, getCookie(c, sessionCookie));
    deleteCookie(c, sessionCookie, cookieOptions(deps));
    return c.redirect('/admin/anmelden', 303);
  });
  app.route('/', queueRoutes(deps));
  app.route('/', editorRoutes(deps));
  app.route('/', outageRoutes(deps));
  app.route('/', publishedRoutes(deps));
  app.route('/', sourcesRoutes(deps));
  app.route('/', catalogRoutes(deps));
  app.route('/', practicesRoutes(deps));
  app.route('/', extractionRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', tokensRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route(bullBoardPath, bullBoardRoutes(deps));
  return app;
}

function requireSession(deps: WebDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const session = sessionFor(deps.db, getCookie(c, sessionCookie), deps.clock());
    if (!session) {
      if (c.req.method === 'GET' && !c.req.path.startsWith(`/admin${bullBoardPath}/api`)) {
        return c.redirect(`/admin/anmelden?next=${encodeURIComponent(c.req.path)}`, 303);
      }
      return c.text('Bitte melden Sie sich an.', 401);
    }
    c.set('session', session);
    await next();
  };
}

/**
 * Every request that changes something must carry the session's CSRF token (forms) or come from this origin
 * (Bull Board's own JSON calls), and must come from an editor unless it is one of the viewer's own writes.
 */
function guardWrites(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const session = c.get('session');
    if (c.req.path.startsWith(`/admin${bullBoardPath}/`)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      const sameOrigin = site ? site === 'same-origin' : origin !== undefined && host !== undefined && hostOf(origin) === host;
      if (!sameOrigin) return c.text('Anfrage von fremder Seite abgelehnt.', 403);
    } else {
      const form = await readForm(c);
      if (!sameToken(first(form, '_csrf'), session.csrfToken)) {
        return c.text('Das Formular ist abgelaufen oder ungültig (CSRF-Schutz). Bitte laden Sie die Seite neu.', 403);
      }
    }
    if (session.admin.role !== 'editor' && !viewerWrites.some((r) => r.test(c.req.path))) {
      return c.text('Ihre Rolle erlaubt nur das Lesen.', 403);
    }
    return next();
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
