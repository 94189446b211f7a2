import type { Context } from 'hono';
import type { Db } from '../db/client.js';
import { html } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { verifyLinkToken } from './links.js';
import { getPractice, type Practice } from './practices.repository.js';
import { subscriptionEndedPage } from './subscription-ended.view.js';

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus einer unserer E-Mails vollständig und unverändert.');
const gonePage = publicPage('Keine Anmeldung', html`<h1>Zu diesem Link gibt es keine Anmeldung mehr</h1><p>Ihre Daten wurden gelöscht. Sie können sich jederzeit <a href="/abonnieren">neu anmelden</a>.</p>`);

export type ManagedPage = (practice: Practice, token: string) => Response | Promise<Response>;

/**
 * The guard of every page behind a practice's manage link (`/verwalten/:token…`): a tampered or foreign link is a
 * 400, a deleted practice a 404, an ended subscription only says so (410) unless the page serves ended ones too
 * (deleting the data); personal data, so no shared or back-button caches.
 */
export function withManagedPractice({ db, linkSecret }: { db: Db; linkSecret: string }) {
  return (c: Context, then: ManagedPage, { unsubscribedToo = false } = {}): Response | Promise<Response> => {
    const token = c.req.param('token') ?? '';
    const id = verifyLinkToken(linkSecret, 'manage', token);
    if (id === null) return c.html(invalidPage, 400);
    const practice = getPractice(db, id);
    if (!practice) return c.html(gonePage, 404);
    c.header('Cache-Control', 'no-store');
    if (practice.status === 'unsubscribed' && !unsubscribedToo) return c.html(subscriptionEndedPage(practice, token), 410);
    return then(practice, token);
  };
}
