import { Hono } from 'hono';
import { resolveOutage, setAdvisoryCategory } from '../../admin/outage.usecases.js';
import type { WebDeps } from '../app.js';
import { actorOf, first, germanIssues, readForm, setFlash, type AdminEnv } from './admin.context.js';

/** The editor's TI outage actions: file a report as TI outage or security advisory; report an outage resolved. */
export function outageRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.post('/meldungen/:id{[0-9]+}/art', async (c) => {
    const id = Number(c.req.param('id'));
    try {
      const category = first(await readForm(c), 'category');
      const { changed } = await setAdvisoryCategory(deps, actorOf(c), id, { category });
      setFlash(c, deps, !changed ? 'Keine Änderung.' : category === 'ti_outage' ? `Meldung #${id} ist jetzt eine TI-Störung.` : `Meldung #${id} ist jetzt eine Sicherheitswarnung.`);
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect(`/admin/meldungen/${id}#art`, 303);
  });

  app.post('/meldungen/:id{[0-9]+}/stoerung-behoben', async (c) => {
    const id = Number(c.req.param('id'));
    try {
      await resolveOutage(deps, actorOf(c), id);
      setFlash(c, deps, `Störung #${id} ist als behoben gemeldet; die Praxen, die die Störungsmeldung erhalten haben, werden benachrichtigt.`);
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect(`/admin/meldungen/${id}#art`, 303);
  });

  return app;
}
