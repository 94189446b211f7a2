import { Hono } from 'hono';
import { createApiToken, listApiTokens, revokeApiToken } from '../../admin/api-tokens.repository.js';
import { writeAudit } from '../../admin/audit.repository.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage, csrfField } from './admin.layout.js';
import { actorOf, first, readForm, setFlash, takeFlash, type AdminContext, type AdminEnv } from './admin.context.js';
import { when } from './admin.format.js';

/** Each admin's own tokens for /api/v1; a new token is shown once, on the page that created it. */
export function tokensRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const page = (c: AdminContext, created: string | null) => {
    const session = c.get('session');
    const tokens = listApiTokens(deps.db, session.admin.id);
    const body = html`<h1>API-Tokens</h1>
<p>Mit einem Token kann ein Programm die <a href="/api/v1/openapi.json">JSON-API</a> mit Ihren Rechten (${session.admin.role === 'editor' ? 'Redaktion' : 'nur lesen'}) nutzen: <code>Authorization: Bearer &lt;Token&gt;</code>.</p>
${created ? html`<div class="flash" role="status"><p>Neues Token – es wird nur jetzt angezeigt:</p><pre id="new-token">${created}</pre></div>` : ''}
<form method="post" action="/admin/tokens" class="card">${csrfField(session)}<label for="name">Name (wofür?)</label>
<div class="inline"><input id="name" name="name" type="text" required maxlength="100"><div class="narrow"><button type="submit">Token erstellen</button></div></div></form>
<table><thead><tr><th scope="col">Name</th><th scope="col">Erstellt</th><th scope="col">Zuletzt benutzt</th><th scope="col">Status</th><th scope="col"></th></tr></thead><tbody>
${tokens.map(
  (t) => html`<tr><td>${t.name}</td><td>${when(t.createdAt)}</td><td>${when(t.lastUsedAt)}</td><td>${t.revokedAt ? `widerrufen ${when(t.revokedAt)}` : 'aktiv'}</td>
<td>${t.revokedAt ? '' : html`<form method="post" action="/admin/tokens/${t.id}/widerrufen">${csrfField(session)}<button class="small danger" type="submit">Widerrufen</button></form>`}</td></tr>`,
)}</tbody></table>`;
    return adminPage({ title: 'API-Tokens', session, current: '/admin/tokens', ...takeFlash(c, deps) }, body);
  };
  app.get('/tokens', (c) => c.html(page(c, null)));
  app.post('/tokens', async (c) => {
    const name = first(await readForm(c), 'name').trim().slice(0, 100);
    const now = deps.clock();
    const { token, row } = createApiToken(deps.db, c.get('session').admin.id, name, now);
    writeAudit(deps.db, actorOf(c), { action: 'api_token.create', entity: 'api_token', entityId: row.id, after: { name: row.name } }, now);
    return c.html(page(c, token));
  });
  app.post('/tokens/:id{[0-9]+}/widerrufen', (c) => {
    const id = Number(c.req.param('id'));
    const session = c.get('session');
    // Anyone may post here (viewers manage their own tokens too), so a token of another account must be refused
    // out loud: a quiet redirect looked as if it had worked while the token stayed live.
    if (!listApiTokens(deps.db, session.admin.id).some((t) => t.id === id)) {
      const body = html`<h1>Nicht erlaubt</h1><p>Dieses Token gehört nicht zu Ihrem Konto. Sie können nur Ihre eigenen API-Tokens widerrufen; es wurde nichts geändert.</p><p><a href="/admin/tokens">Zurück zu Ihren API-Tokens</a></p>`;
      return c.html(adminPage({ title: 'Nicht erlaubt', session, current: '/admin/tokens' }, body), 403);
    }
    const now = deps.clock();
    if (revokeApiToken(deps.db, session.admin.id, id, now)) {
      writeAudit(deps.db, actorOf(c), { action: 'api_token.revoke', entity: 'api_token', entityId: id }, now);
      setFlash(c, deps, 'Token widerrufen.');
    }
    return c.redirect('/admin/tokens', 303);
  });
  return app;
}
