import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { getAdvisory } from '../../advisories/advisories.repository.js';
import { CurationError } from '../../admin/curation.errors.js';
import { deliveryCounts, revisionsOf } from '../../admin/advisory-stats.repository.js';
import { approveAdvisory, archiveAdvisory, editAdvisory, mergeAdvisory, oldNews, rejectAdvisory, reopenAdvisory } from '../../admin/curation.usecases.js';
import { summarizeCsaf } from '../../admin/csaf-summary.js';
import { outageFacts } from '../../admin/outage-stats.repository.js';
import { previewAlert } from '../../admin/preview.js';
import { audienceFor, mergeTargets, sourcesOf } from '../../admin/review.repository.js';
import { products, vendors } from '../../catalog/catalog.table.js';
import { normalizeNotice } from '../../normalize/notice.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import { actorOf, first, germanIssues, readForm, setFlash, takeFlash, type AdminContext, type AdminEnv } from './admin.context.js';
import { editorView } from './editor.view.js';
import { anchorIndex, applyOp, editFromForm, withEdit } from './editor.form.js';

// The preview document may use the mail's inline styles, and nothing else: no scripts, no plugins, a sandbox.
const previewCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox; frame-ancestors 'self'";

export function editorRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  /** The editor page; `unsaved` shows the editor's refused input again instead of the stored advisory. */
  const render = (c: AdminContext, id: number, unsaved?: { edit: ReturnType<typeof editFromForm>; error: string }) => {
    const stored = getAdvisory(deps.db, id);
    if (!stored) return c.html(adminPage({ title: 'Nicht gefunden', session: c.get('session') }, html`<h1>Meldung #${id} gibt es nicht.</h1>`), 404);
    const advisory = unsaved ? withEdit(stored, unsaved.edit) : stored;
    const notices = sourcesOf(deps.db, id);
    const preview = previewAlert(deps, id, Number(c.req.query('praxis')) || undefined);
    const catalog = deps.db
      .select({ id: products.id, name: products.name, vendor: vendors.name })
      .from(products)
      .innerJoin(vendors, eq(vendors.id, products.vendorId))
      .orderBy(vendors.name, products.name)
      .all();
    const body = editorView({
      session: c.get('session'),
      advisory,
      notices,
      // The same reading as the pipeline's: a CSAF document is mapped field by field, not read as prose.
      extractions: notices.map((n) => normalizeNotice(deps.matcher, { title: n.title, text: n.text, publishedAt: n.publishedAt })),
      csaf: notices.map((n) => summarizeCsaf(n.text)),
      catalog,
      targets: mergeTargets(deps.db, id),
      revisions: revisionsOf(deps.db, id),
      counts: deliveryCounts(deps.db, id),
      audience: audienceFor(deps.db, stored.products.map((p) => p.productId), stored.severity),
      oldNews: oldNews(deps.db, id, deps.clock(), deps.delivery.alertMaxAgeDays),
      outage: outageFacts(deps.db, id),
      preview: preview
        ? { subject: preview.mail.subject, text: preview.mail.text, practiceName: preview.practice.name, practiceId: preview.practice.id, candidates: preview.candidates }
        : null,
    });
    const flash = unsaved ? { flash: null, error: `Nicht gespeichert: ${unsaved.error}` } : takeFlash(c, deps);
    const page = adminPage({ title: `Meldung #${id}`, session: c.get('session'), current: stored.status === 'draft' ? '/admin' : '/admin/veroeffentlicht', ...flash }, body);
    return c.html(page, unsaved ? 422 : 200);
  };

  app.get('/meldungen/:id{[0-9]+}', (c) => render(c, Number(c.req.param('id'))));

  app.get('/meldungen/:id{[0-9]+}/vorschau', (c) => {
    const preview = previewAlert(deps, Number(c.req.param('id')), Number(c.req.query('praxis')) || undefined);
    c.header('content-security-policy', previewCsp);
    if (!preview) return c.text('Keine Vorschau: die Meldung betrifft kein Produkt.', 404);
    return c.html(preview.mail.html);
  });

  app.post('/meldungen/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const back = `/admin/meldungen/${id}`;
    const form = await readForm(c);
    const op = first(form, 'op') || 'save';
    const edit = applyOp(editFromForm(form), op);
    try {
      const { changed } = await editAdvisory(deps, actorOf(c), id, edit);
      if (op === 'approve') {
        await approveAdvisory(deps, actorOf(c), id, { confirmOld: first(form, 'confirm_old') === 'ja' });
        setFlash(c, deps, `Meldung #${id} ist freigegeben; die Praxen werden benachrichtigt.`);
        return c.redirect('/admin', 303);
      }
      setFlash(c, deps, changed.length ? 'Änderungen gespeichert.' : 'Keine Änderungen.');
    } catch (error) {
      // A refused edit comes back with what the editor typed; other refusals (status, approval) as a message.
      if (error instanceof ZodError || (error instanceof CurationError && error.code === 'unknown_product')) return render(c, id, { edit, error: germanIssues(error) });
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect(op.startsWith('up:') || op.startsWith('down:') || op.startsWith('remove-action:') ? `${back}#action-${anchorIndex(op)}` : back, 303);
  });

  app.post('/meldungen/:id{[0-9]+}/ablehnen', async (c) => {
    const id = Number(c.req.param('id'));
    try {
      rejectAdvisory(deps, actorOf(c), id, { reason: first(await readForm(c), 'reason') });
      setFlash(c, deps, `Meldung #${id} wurde abgelehnt.`);
      return c.redirect('/admin', 303);
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
      return c.redirect(`/admin/meldungen/${id}`, 303);
    }
  });

  // Old news on purpose: an archived advisory goes out once the editor has confirmed its age.
  app.post('/meldungen/:id{[0-9]+}/senden', async (c) => {
    const id = Number(c.req.param('id'));
    try {
      await approveAdvisory(deps, actorOf(c), id, { confirmOld: first(await readForm(c), 'confirm_old') === 'ja' });
      setFlash(c, deps, `Meldung #${id} ist freigegeben; die Praxen werden benachrichtigt.`);
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect(`/admin/meldungen/${id}`, 303);
  });

  app.post('/meldungen/:id{[0-9]+}/archivieren', (c) => {
    const id = Number(c.req.param('id'));
    try {
      archiveAdvisory(deps, actorOf(c), id);
      setFlash(c, deps, `Meldung #${id} liegt im Archiv: öffentlich gelistet, nicht verschickt.`);
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect(`/admin/meldungen/${id}`, 303);
  });

  app.post('/meldungen/:id{[0-9]+}/wieder-oeffnen', (c) => {
    const id = Number(c.req.param('id'));
    try {
      reopenAdvisory(deps, actorOf(c), id);
      setFlash(c, deps, `Meldung #${id} ist wieder ein Entwurf.`);
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect(`/admin/meldungen/${id}`, 303);
  });

  app.post('/meldungen/:id{[0-9]+}/zusammenfuehren', async (c) => {
    const id = Number(c.req.param('id'));
    try {
      const targetId = first(await readForm(c), 'targetId').trim();
      // The select starts at "– bitte wählen –": a merge happens only on the editor's own choice.
      if (!targetId) {
        setFlash(c, deps, 'Bitte wählen Sie die Meldung aus, in die diese Meldung zusammengeführt werden soll.', 'error');
        return c.redirect(`/admin/meldungen/${id}#target`, 303);
      }
      await mergeAdvisory(deps, actorOf(c), id, { targetId });
      setFlash(c, deps, `Meldung #${id} wurde in #${targetId} zusammengeführt.`);
      return c.redirect(`/admin/meldungen/${targetId}`, 303);
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
      return c.redirect(`/admin/meldungen/${id}`, 303);
    }
  });

  return app;
}
