import { html, type SafeHtml } from './html.js';

/** Every mail greets the practice the same way; the next sentence names the practice (see `practiceWords`). */
export const greeting = 'Guten Tag,';

/** „Hausarztpraxis Dr. Müller“: the practice's name as the mails quote it after "Ihre Praxis". */
export function practiceWords(name: string): string {
  return `„${name}“`;
}

/**
 * The frame of a mail to a practice: an optional box before the greeting (what to do by when), the greeting, the
 * content, the foot; inline styles because mail clients drop stylesheets.
 */
export function mailDocument(subject: string, parts: { lead?: SafeHtml; content: SafeHtml; foot: SafeHtml }): string {
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 640px; margin: 0 auto; padding: 16px;">
${parts.lead ?? ''}<p>${greeting}</p>
${parts.content}
${parts.foot}
</body></html>`.value;
}
