import { formatDate } from '../notify/templates/format.js';
import { html } from '../notify/templates/html.js';
import { publicPage } from '../web/public/page.js';
import type { Practice } from './practices.repository.js';

/**
 * What the links of old mails (manage, export, "erledigt") show once the practice unsubscribed: that it ended, how
 * to subscribe again and how to delete what is still stored, but none of the practice's data, since an old mail
 * may be read by someone who is no longer meant to see it.
 */
export function subscriptionEndedPage(practice: Pick<Practice, 'unsubscribedAt'>, manageToken: string): string {
  const when = practice.unsubscribedAt ? html` am ${formatDate(practice.unsubscribedAt)}` : '';
  return publicPage(
    'Abonnement beendet',
    html`<h1>Ihr Abonnement ist beendet</h1>
<p>Ihre Praxis hat sich${when} abgemeldet und erhält keine Sicherheitswarnungen mehr. Die Links in unseren früheren E-Mails führen deshalb nicht mehr zu Ihren Einstellungen und Warnungen.</p>
<p>Möchten Sie wieder Warnungen erhalten? Dann <a href="/abonnieren">melden Sie sich bitte neu an</a>; Sie erhalten danach eine E-Mail zur Bestätigung.</p>
<p>Sie können auch alle Daten, die wir noch über Ihre Praxis gespeichert haben, <a href="/verwalten/${manageToken}/loeschen">endgültig löschen</a>.</p>`,
  );
}
