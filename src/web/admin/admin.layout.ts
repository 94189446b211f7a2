import { createHash } from 'node:crypto';
import { html, type SafeHtml } from '../../notify/templates/html.js';
import { adminCss } from '../static/admin.css.js';
import type { Session } from '../../admin/auth.usecases.js';

/** Changes with the stylesheet, so browsers may cache it for a long time. */
export const cssVersion = createHash('sha256').update(adminCss).digest('hex').slice(0, 10);

const nav: [string, string][] = [
  ['/admin', 'Prüfliste'],
  ['/admin/veroeffentlicht', 'Veröffentlicht'],
  ['/admin/quellen', 'Quellen'],
  ['/admin/katalog', 'Katalog'],
  ['/admin/praxen', 'Praxen'],
  ['/admin/extraktion', 'Extraktion'],
  ['/admin/protokoll', 'Protokoll'],
  ['/admin/queues', 'Warteschlangen'],
  ['/admin/tokens', 'API-Tokens'],
  ['/admin/konto', 'Konto'],
];

const roleLabel = { editor: 'Redaktion', viewer: 'nur lesen' } as const;

/** The frame of every admin page: navigation, the signed-in admin, the logout button (a POST with CSRF token). */
export function adminPage(
  { title, session, current, flash, error }: { title: string; session?: Session; current?: string; flash?: string | null; error?: string | null },
  body: SafeHtml,
): string {
  const header = session
    ? html`<header class="top"><strong>praxiswarn</strong>
<nav aria-label="Hauptnavigation">${nav.map(([href, label]) => (href === current ? html`<a href="${href}" aria-current="page">${label}</a>` : html`<a href="${href}">${label}</a>`))}</nav>
<span class="who">${session.admin.email} (${roleLabel[session.admin.role]})</span>
<form method="post" action="/admin/abmelden"><input type="hidden" name="_csrf" value="${session.csrfToken}"><button class="small secondary" type="submit">Abmelden</button></form>
</header>`
    : html``;
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – praxiswarn Redaktion</title>
<link rel="stylesheet" href="/static/admin.css?v=${cssVersion}"><link rel="icon" href="/static/favicon.svg" type="image/svg+xml"></head>
<body><a class="skip" href="#inhalt">Zum Inhalt springen</a>${header}
<main id="inhalt">${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}${error ? html`<p class="flash error" role="alert">${error}</p>` : ''}${body}</main></body></html>`.value;
}

/** The hidden field every state-changing form carries. */
export function csrfField(session: Session): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;
}
