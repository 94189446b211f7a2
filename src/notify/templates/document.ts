import { footerHtml, type FooterData } from './footer.js';
import { html, type SafeHtml } from './html.js';

/** The frame of a mail to a practice: greeting, content, foot; inline styles because mail clients drop stylesheets. */
export function mailDocument(subject: string, practiceName: string, content: SafeHtml, footer: FooterData): string {
  return html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 640px; margin: 0 auto; padding: 16px;">
<p>Guten Tag, ${practiceName},</p>
${content}
${footerHtml(footer)}
</body></html>`.value;
}
