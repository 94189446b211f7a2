import { html, type SafeHtml } from '../../notify/templates/html.js';

/**
 * The frame of the public pages (subscribe, confirm, manage, advisories): German, readable on a phone, styles from
 * /static/app.css and scripts only as static files (the CSP allows nothing inline).
 */
export function publicPage(title: string, body: SafeHtml, { scripts = [], feed = '/warnungen.atom' }: { scripts?: string[]; feed?: string } = {}): string {
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – praxiswarn</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="alternate" type="application/atom+xml" title="praxiswarn: veröffentlichte Warnungen" href="${feed}">
${scripts.map((s) => html`<script src="${s}" defer></script>`)}
</head>
<body><header class="site"><a href="/" class="brand">praxiswarn</a>
<nav aria-label="Hauptnavigation"><a href="/warnungen">Warnungen</a> <a href="/abonnieren">Abonnieren</a></nav></header>
<main id="inhalt">${body}</main>
<footer class="site"><p>praxiswarn – Sicherheitswarnungen für Arztpraxen</p></footer></body></html>`.value;
}

/** A short page with a heading and one paragraph, for confirmations and refusals. */
export function messagePage(title: string, heading: string, text: string | SafeHtml): string {
  return publicPage(title, html`<h1>${heading}</h1><p>${text}</p>`);
}
