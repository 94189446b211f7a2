import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { queueNames } from '../../queues/queues.js';
import type { WebDeps } from '../app.js';
import type { AdminEnv } from './admin.context.js';

export const bullBoardPath = '/queues';

// Bull Board is a React app with its own scripts and inline styles: it gets a policy of its own, for this path only.
const boardCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

/** The queue dashboard, mounted under /admin so that the admin session (and, for writes, the editor role) guards it. */
export function bullBoardRoutes(deps: WebDeps): Hono<AdminEnv> {
  const serverAdapter = new HonoAdapter(serveStatic);
  serverAdapter.setBasePath(`/admin${bullBoardPath}`);
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(deps.queues[name])),
    // @bull-board/hono pins its own copy of @bull-board/api; the adapter interface is the same.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'praxiswarn' } },
  });
  const app = new Hono<AdminEnv>();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', boardCsp);
  });
  app.route('/', serverAdapter.registerPlugin() as unknown as Hono<AdminEnv>);
  return app;
}
