import { Hono } from 'hono';
import { firmPageRoutes } from './firm-page.routes.js';
import { firmSignupRoutes, type FirmSignupDeps } from './firm-signup.routes.js';
import { practiceFirmsRoutes } from './practice-firms.routes.js';

/** Every page of the view for IT service firms, and the practice's side of it; sign-up first (its paths are fixed). */
export function firmRoutes(deps: FirmSignupDeps): Hono {
  const app = new Hono();
  app.route('/', firmSignupRoutes(deps));
  app.route('/', firmPageRoutes(deps));
  app.route('/', practiceFirmsRoutes(deps));
  return app;
}
