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
import { firmRoutes } from '../firms/firm.routes.js';
import { absenceRoutes } from '../practices/absence.routes.js';
import { evidenceReportRoutes } from '../practices/evidence-report.routes.js';
import { answerRoutes } from '../practices/answer.routes.js';
import { advisoriesRoutes } from './public/advisories.routes.js';
import { healthRoutes } from './health.routes.js';
import { metricsRoutes } from '../metrics/metrics.routes.js';
import { publicPage } from './public/page.js';
import { adminRoutes } from './admin/admin.routes.js';
import { apiRoutes } from './api/api.routes.js';
import { staticRoutes as adminStaticRoutes } from './static/static.routes.js';
import { notFound, onError } from './error-responses.js';
import { limitBodies } from './request-body.js';

/** The web app gets every dependency the service built (database, queues, mailer, catalog, clock, logger). */
export type WebDeps = Omit<AppDeps, 'close'>;

export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'self'"], scriptSrc: ["'self'"], formAction: ["'self'"], baseUri: ["'none'"], frameAncestors: ["'none'"] },
      // Admin pages, the mail preview and Bull Board set a policy of their own (style-src 'self' and the like).
      overwrite: false,
    }),
  );
  app.use(limitBodies());
  app.route('/', healthRoutes(deps));
  // Prometheus: only with a token configured (see docs/operations.md); without one, /metrics is a plain 404.
  if (deps.env.METRICS_TOKEN) app.route('/', metricsRoutes(deps, { token: deps.env.METRICS_TOKEN }));
  app.route('/', unsubscribeRoutes(deps));
  // The admin's hashed stylesheet first: the public file table below answers 404 for names it does not know.
  app.route('/static', adminStaticRoutes());
  app.route('/', publicStaticRoutes());
  app.route('/', subscribeRoutes(deps));
  app.route('/', confirmRoutes(deps));
  app.route('/', manageRoutes(deps));
  app.route('/', evidenceReportRoutes(deps));
  app.route('/', ackRoutes(deps));
  app.route('/', absenceRoutes(deps));
  app.route('/', answerRoutes(deps));
  app.route('/', firmRoutes(deps));
  app.route('/', advisoriesRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  app.route('/api/v1', apiRoutes(deps));
  app.get('/', (c) =>
    c.html(
      publicPage(
        'Sicherheitswarnungen für Arztpraxen',
        html`<h1>Sicherheitswarnungen für Ihre Praxis</h1>
<p>praxiswarn sammelt Sicherheitshinweise zu Praxissoftware, Routern, TI-Konnektoren und Windows aus den Quellen der Hersteller, Verbände und Behörden und sagt Ihnen per E-Mail, was Ihre Praxis konkret tun sollte – nur zu den Produkten, die Sie wirklich einsetzen.</p>
<p><a class="button" href="/abonnieren">Warnungen für meine Praxis abonnieren</a></p>
<p><a href="/warnungen">Alle veröffentlichten Warnungen ansehen</a> · <a href="/warnungen.atom">als Atom-Feed</a></p>`,
      ),
    ),
  );
  app.notFound(notFound);
  app.onError(onError(deps.logger));
  return app;
}
