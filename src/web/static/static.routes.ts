import { Hono } from 'hono';
import { adminCss } from './admin.css.js';

/** The admin stylesheet; its URL carries a content hash (see admin.layout.ts), so it may be cached for a year. */
export function staticRoutes(): Hono {
  const app = new Hono();
  app.get('/admin.css', (c) => {
    c.header('cache-control', 'public, max-age=31536000, immutable');
    return c.body(adminCss, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  // Browsers ask for an icon on every page; without one each admin page logs a 404.
  app.get('/favicon.svg', (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.body(favicon, 200, { 'content-type': 'image/svg+xml' });
  });
  return app;
}

const favicon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 1 2 3.5V8c0 3.6 2.6 6.2 6 7 3.4-.8 6-3.4 6-7V3.5Z" fill="#12355e"/><path d="M7.2 4h1.6v5H7.2zm0 6.2h1.6v1.6H7.2z" fill="#fff"/></svg>';
