import { Hono } from 'hono';
import { adminCss } from './admin.css.js';

/** The admin stylesheet; its URL carries a content hash (see admin.layout.ts), so it may be cached for a year. */
export function staticRoutes(): Hono {
  const app = new Hono();
  app.get('/admin.css', (c) => {
    c.header('cache-control', 'public, max-age=31536000, immutable');
    return c.body(adminCss, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  return app;
}
