import { Hono, type Context } from 'hono';
import { desc, eq } from 'drizzle-orm';
import { ZodError, z } from 'zod';
import { adminForToken } from '../../admin/api-tokens.repository.js';
import type { Admin } from '../../admin/admins.repository.js';
import type { Actor } from '../../admin/audit.repository.js';
import { CurationError } from '../../admin/curation.errors.js';
import { approveAdvisory, editAdvisory, mergeAdvisory, rejectAdvisory } from '../../admin/curation.usecases.js';
import { fetchSourceNow } from '../../admin/sources-admin.usecases.js';
import { audienceFor, productsOf, sourcesOf } from '../../admin/review.repository.js';
import { getAdvisory } from '../../advisories/advisories.repository.js';
import { advisories, advisoryStatuses } from '../../advisories/advisories.table.js';
import { listSources } from '../../sources/sources.repository.js';
import type { WebDeps } from '../app.js';
import { readJsonBody } from '../request-body.js';
import { openApiDocument } from './openapi.js';

type ApiEnv = { Variables: { admin: Admin } };

const listQuery = z.object({ status: z.enum(advisoryStatuses).default('draft'), limit: z.coerce.number().int().min(1).max(500).default(100) });
const idParam = z.coerce.number().int().positive();

const statusFor: Record<CurationError['code'], 404 | 409 | 422> = { not_found: 404, wrong_status: 409, invalid_target: 409, no_products: 422, unknown_product: 422, old_news: 409 };

/** /api/v1: the curation operations for automation, with per-admin bearer tokens; same rules and audit as the web UI. */
export function apiRoutes(deps: WebDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/openapi.json', (c) => c.json(openApiDocument(deps.publicUrl)));

  app.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const admin = token ? adminForToken(deps.db, token, deps.clock()) : undefined;
    if (!admin) {
      c.header('www-authenticate', 'Bearer realm="praxiswarn"');
      return c.json({ error: { code: 'unauthorized', message: 'Gültiges API-Token erforderlich (Authorization: Bearer …).' } }, 401);
    }
    if (c.req.method !== 'GET' && admin.role !== 'editor') return c.json({ error: { code: 'forbidden', message: 'Ihre Rolle erlaubt nur das Lesen.' } }, 403);
    c.set('admin', admin);
    await next();
  });

  app.onError((error, c) => {
    if (error instanceof ZodError) return c.json({ error: { code: 'invalid', message: 'Ungültige Eingabe.', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } }, 422);
    if (error instanceof CurationError) return c.json({ error: { code: error.code, message: error.message } }, statusFor[error.code]);
    // Unreadable or oversized bodies and unexpected failures are answered for the whole site (src/web/error-responses.ts).
    throw error;
  });

  app.get('/advisories', (c) => {
    const { status, limit } = listQuery.parse(c.req.query());
    const rows = deps.db.select().from(advisories).where(eq(advisories.status, status)).orderBy(desc(advisories.createdAt), desc(advisories.id)).limit(limit).all();
    return c.json({
      advisories: rows.map((a) => {
        const products = productsOf(deps.db, a.id);
        return {
          id: a.id, title: a.title, severity: a.severity, status: a.status, relevanceReason: a.relevanceReason, createdAt: a.createdAt, releasedAt: a.releasedAt,
          products: products.map((p) => ({ id: p.productId, name: p.name })),
          sources: sourcesOf(deps.db, a.id).map((s) => ({ sourceId: s.sourceId, title: s.title, url: s.url })),
          audience: audienceFor(deps.db, products.map((p) => p.productId), a.severity),
        };
      }),
    });
  });

  app.get('/advisories/:id', (c) => {
    const advisory = getAdvisory(deps.db, idParam.parse(c.req.param('id')));
    if (!advisory) throw new CurationError('not_found', 'Diese Meldung gibt es nicht.');
    return c.json({ advisory: present(advisory) });
  });

  app.put('/advisories/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    const { changed } = await editAdvisory(deps, actor(c), id, await readJsonBody(c));
    return c.json({ changed, advisory: present(getAdvisory(deps.db, id)!) });
  });

  app.post('/advisories/:id/approve', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    // Old news goes out only on purpose: `?confirmOld=true` (the 409 old_news says how old it is).
    await approveAdvisory(deps, actor(c), id, { confirmOld: c.req.query('confirmOld') === 'true' });
    return c.json({ advisory: present(getAdvisory(deps.db, id)!) });
  });

  app.post('/advisories/:id/reject', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    rejectAdvisory(deps, actor(c), id, await readJsonBody(c));
    return c.json({ advisory: present(getAdvisory(deps.db, id)!) });
  });

  app.post('/advisories/:id/merge', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    await mergeAdvisory(deps, actor(c), id, await readJsonBody(c));
    return c.json({ advisory: present(getAdvisory(deps.db, id)!) });
  });

  app.get('/sources', (c) =>
    c.json({
      sources: listSources(deps.db).map((s) => ({
        id: s.id, name: s.name, publisher: s.publisher, kind: s.kind, url: s.url, trust: s.trust, enabled: s.enabled,
        lastSuccessAt: s.lastSuccessAt, lastError: s.lastError, errorCount: s.errorCount, nextCheckAt: s.nextCheckAt,
      })),
    }),
  );

  app.post('/sources/:id/fetch', async (c) => {
    const id = z.string().min(1).max(100).parse(c.req.param('id'));
    await fetchSourceNow(deps, actor(c), id);
    return c.json({ queued: true }, 202);
  });

  return app;
}

function actor(c: Context<ApiEnv>): Actor {
  const admin = c.get('admin');
  return { adminId: admin.id, name: `${admin.email} (API)` };
}

function present(a: NonNullable<ReturnType<typeof getAdvisory>>) {
  return {
    id: a.id, title: a.title, summary: a.summary, severity: a.severity, status: a.status, revision: a.revision, relevanceReason: a.relevanceReason,
    rejectReason: a.rejectReason, mergedIntoId: a.mergedIntoId, publishedAt: a.publishedAt, releasedAt: a.releasedAt, createdAt: a.createdAt,
    products: a.products.map((p) => ({ productId: p.productId, affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
    actions: a.actions.map((x) => ({ id: x.id, text: x.text, evidence: x.evidence })),
    cves: a.cves,
    noticeIds: a.noticeIds,
  };
}
