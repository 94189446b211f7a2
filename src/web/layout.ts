import { html, type SafeHtml } from '../notify/templates/html.js';

/** The frame of every public page: German, readable on a phone, no script. */
export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – praxiswarn</title>
<style>body{font-family:system-ui,Arial,sans-serif;color:#1a1a1a;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.3rem;border:1px solid #1a4f8b;background:#1a4f8b;color:#fff;cursor:pointer}
button:focus{outline:3px solid #f0b400;outline-offset:2px}</style></head>
<body><main>${body}</main></body></html>`.value;
}
