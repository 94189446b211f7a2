import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from '../app/deps.js';
import { html } from '../notify/templates/html.js';
import { unsubscribeRoutes } from '../practices/unsubscribe.routes.js';
import { subscribeRoutes } from '../practices/subscribe.routes.js';
import { confirmRoutes } from '../practices/confirm.routes.js';
import { staticRoutes as publicStaticRoutes } from './public/static.routes.js';
import { manageRoutes } from '../practices/manage.routes.js';
import { ackRoutes } from '../practices/ack.routes.js';
import { advisoriesRoutes } from './public/advisories.routes.js';
import { healthRoutes } from './health.routes.js';
import { page } from './layout.js';
import { adminRoutes } from './admin/admin.routes.js';
import { apiRoutes } from './api/api.routes.js';
import { staticRoutes as adminStaticRoutes } from './static/static.routes.js';

/** The web app gets every dependency the service built (database, queues, mailer, catalog, clock, logger). */
export type WebDeps = Omit<AppDeps, 'close'>;

export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"], formAction: ["'self'"], baseUri: ["'none'"], frameAncestors: ["'none'"] },
      // Admin pages, the mail preview and Bull Board set a policy of their own (style-src 'self' and the like).
      overwrite: false,
    }),
  );
  app.route('/', healthRoutes(deps));
  app.route('/', unsubscribeRoutes(deps));
  // The admin's hashed stylesheet first: the public file table below answers 404 for names it does not know.
  app.route('/static', adminStaticRoutes());
  app.route('/', publicStaticRoutes());
  app.route('/', subscribeRoutes(deps));
  app.route('/', confirmRoutes(deps));
  app.route('/', manageRoutes(deps));
  app.route('/', ackRoutes(deps));
  app.route('/', advisoriesRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  app.route('/api/v1', apiRoutes(deps));
  app.get('/', (c) =>
    c.html(
      page(
        'Sicherheitswarnungen für Arztpraxen',
        html`<h1>praxiswarn</h1><p>praxiswarn sammelt Sicherheitshinweise zu Praxissoftware, Routern und TI-Komponenten und warnt Praxen, die diese Produkte einsetzen, per E-Mail.</p>`,
      ),
    ),
  );
  app.notFound((c) => c.html(page('Nicht gefunden', html`<h1>Seite nicht gefunden</h1>`), 404));
  return app;
}
