import { randomBytes } from 'node:crypto';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import { html } from '../notify/templates/html.js';
import { adminPage } from './admin/admin.layout.js';
import { publicPage } from './public/page.js';
import { BodyTooLargeError, UnreadableBodyError } from './request-body.js';

type Failure = { status: 400 | 404 | 413 | 500; code: string; title: string; text: string; apiText: string; errorId?: string };

const isApi = (c: Context) => /^\/api(\/|$)/.test(c.req.path);
const isAdmin = (c: Context) => /^\/admin(\/|$)/.test(c.req.path);

/** A failure in the form its caller reads: the API's JSON envelope, an admin page or a public page, always German. */
function answer(c: Context, f: Failure): Response {
  if (isApi(c)) return c.json({ error: { code: f.code, message: f.apiText, ...(f.errorId ? { errorId: f.errorId } : {}) } }, f.status);
  const body = html`<h1>${f.title}</h1><p>${f.text}</p>${f.errorId ? html`<p>Fehler-ID: <code>${f.errorId}</code></p>` : ''}`;
  if (isAdmin(c)) return c.html(adminPage({ title: f.title }, html`${body}<p><a href="/admin">Zur Prüfliste</a></p>`), f.status);
  return c.html(publicPage(f.title, html`${body}<p><a href="/">Zur Startseite</a></p>`), f.status);
}

/** Unknown addresses: JSON under /api, a page everywhere else. */
export const notFound: NotFoundHandler = (c) =>
  answer(c, {
    status: 404,
    code: 'not_found',
    title: 'Seite nicht gefunden',
    text: 'Diese Seite gibt es nicht. Vielleicht ist der Link veraltet oder unvollständig.',
    apiText: 'Diese Adresse gibt es in der API nicht; die Beschreibung steht unter /api/v1/openapi.json.',
  });

/**
 * The one place a failed request is answered: a body we cannot read is a 400, one over its limit a 413, anything
 * unexpected a 500 with an error id that the page and the log line share (so a report can be found in the log).
 */
export function onError(logger: Logger): ErrorHandler {
  return (error, c) => {
    const where = { method: c.req.method, route: routePath(c) };
    if (error instanceof UnreadableBodyError) {
      logger.info({ ...where, code: error.code }, 'request body refused');
      return answer(c, {
        status: 400,
        code: error.code,
        title: 'Die Anfrage konnte nicht gelesen werden',
        text: 'Das Formular ist unvollständig oder beschädigt angekommen. Bitte laden Sie die Seite neu und senden Sie es noch einmal.',
        apiText: 'Der Inhalt der Anfrage konnte nicht gelesen werden; erwartet wird gültiges JSON.',
      });
    }
    if (error instanceof BodyTooLargeError) {
      logger.info({ ...where, code: error.code, maxSize: error.maxSize }, 'request body refused');
      const limit = `${Math.round(error.maxSize / 1024)} KB`;
      return answer(c, {
        status: 413,
        code: error.code,
        title: 'Die Anfrage ist zu groß',
        text: `Wir nehmen hier höchstens ${limit} an. Bitte kürzen Sie Ihre Eingaben und senden Sie das Formular noch einmal.`,
        apiText: `Der Inhalt ist zu groß (höchstens ${limit}).`,
      });
    }
    // Hono's own refusals (a 4xx it decided on) keep their answer; only failures of ours become a 500.
    if (error instanceof HTTPException && error.status < 500) return error.getResponse();
    const errorId = randomBytes(6).toString('hex');
    logger.error({ ...where, errorId, err: error }, 'request failed');
    return answer(c, {
      status: 500,
      code: 'internal',
      errorId,
      title: 'Ein Fehler ist aufgetreten',
      text: 'Das hätte nicht passieren dürfen, und es liegt nicht an Ihnen. Bitte versuchen Sie es später noch einmal. Wenn Sie uns den Fehler melden, nennen Sie bitte diese Fehler-ID:',
      apiText: `Interner Fehler. Bitte nennen Sie bei einer Meldung die Fehler-ID ${errorId}.`,
    });
  };
}
