import { Hono } from 'hono';
import { appCss, productFilterJs } from './assets.js';

const files: Record<string, { body: string; type: string }> = {
  'app.css': { body: appCss, type: 'text/css; charset=utf-8' },
  'produktsuche.js': { body: productFilterJs, type: 'text/javascript; charset=utf-8' },
};

/** `/static/<file>`: the stylesheet and the one small script of the public pages. */
export function staticRoutes(): Hono {
  const app = new Hono();
  app.get('/static/:file', (c) => {
    const file = files[c.req.param('file')];
    if (!file) return c.notFound();
    return c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'public, max-age=3600' });
  });
  return app;
}
