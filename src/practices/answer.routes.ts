import { Hono, type Context } from 'hono';
import { inArray } from 'drizzle-orm';
import { getAdvisory, type AdvisoryDetails } from '../advisories/advisories.repository.js';
import { products } from '../catalog/catalog.table.js';
import type { Db } from '../db/client.js';
import { affectedProducts } from '../notify/alert-data.js';
import { html, type SafeHtml } from '../notify/templates/html.js';
import { messagePage, publicPage } from '../web/public/page.js';
import { readFormBody } from '../web/request-body.js';
import { impactAnswerOf, recordImpactAnswer } from './answers.repository.js';
import { answerLabels, answerWords, reasonLabels } from './answers.view.js';
import { hasOwnSubscription, recordInstalledVersion, removeSubscription } from './inventory.repository.js';
import { signLinkToken, verifyAnswerToken, type AnswerChoice } from './links.js';
import { impactReasons, type ImpactReason } from './practices.table.js';
import { coveredProducts } from './preferences.repository.js';
import { getPractice, type Practice } from './practices.repository.js';
import { subscriptionEndedPage } from './subscription-ended.view.js';

const invalidPage = messagePage('Link ungültig', 'Dieser Link ist ungültig', 'Bitte verwenden Sie den Link aus unserer E-Mail vollständig und unverändert.');
const gonePage = messagePage('Nicht gefunden', 'Diese Warnung oder Anmeldung gibt es nicht mehr', 'Es ist nichts weiter zu tun.');
const versionPattern = /^[0-9][0-9A-Za-z.\-]{0,39}$/;

type Product = { productId: string; name: string };
type Resolved = { practice: Practice; advisory: AdvisoryDetails; answer: AnswerChoice; token: string; products: Product[] };
type Refusal = { error: 'invalid' | 'gone' | 'ended'; practice?: Practice };

/**
 * `/betrifft/:token`: "Betrifft uns?", the practice's answer to an advisory from the signed links of the alert mail
 * and of /verwalten. GET only shows the question (mail scanners open every link), POST records it; the last answer
 * counts and the same answer twice changes nothing. "Produkt nicht im Einsatz" then offers, with one more click, to
 * remove the product from the subscription; "bereits aktualisiert" stores the installed version as the practice's.
 */
export function answerRoutes({ db, linkSecret, clock }: { db: Db; linkSecret: string; clock: () => Date }): Hono {
  const app = new Hono();

  const resolve = (token: string): Resolved | Refusal => {
    const t = verifyAnswerToken(linkSecret, token);
    if (!t) return { error: 'invalid' };
    const advisory = getAdvisory(db, t.advisoryId);
    const practice = getPractice(db, t.practiceId);
    if (!advisory || !practice) return { error: 'gone' };
    if (practice.status === 'unsubscribed') return { error: 'ended', practice };
    return { practice, advisory, answer: t.answer, token, products: productsOf(db, practice.id, advisory) };
  };

  const refuse = (c: Context, r: Refusal) => {
    if (r.error === 'ended' && r.practice) return c.html(subscriptionEndedPage(r.practice, signLinkToken(linkSecret, 'manage', r.practice.id)), 410);
    return r.error === 'invalid' ? c.html(invalidPage, 400) : c.html(gonePage, 404);
  };
  const manageUrl = (practiceId: number) => `/verwalten/${signLinkToken(linkSecret, 'manage', practiceId)}`;

  app.get('/betrifft/:token', (c) => {
    const r = resolve(c.req.param('token'));
    if ('error' in r) return refuse(c, r);
    c.header('Cache-Control', 'no-store');
    return c.html(questionPage(r, impactAnswerOf(db, r.practice.id, r.advisory.id)));
  });

  app.post('/betrifft/:token', async (c) => {
    const r = resolve(c.req.param('token'));
    if ('error' in r) return refuse(c, r);
    c.header('Cache-Control', 'no-store');
    const body = await readFormBody(c);
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    let reason: ImpactReason | null = null;
    let product: Product | undefined;
    let version: string | null = null;
    if (r.answer === 'nicht_betroffen') {
      reason = impactReasons.find((x) => x === field('reason')) ?? null;
      if (!reason) return c.html(questionPage(r, impactAnswerOf(db, r.practice.id, r.advisory.id), 'Bitte wählen Sie einen Grund.'), 400);
      product = r.products.find((p) => p.productId === field('product')) ?? (r.products.length === 1 ? r.products[0] : undefined);
      if (reason === 'aktualisiert' && field('version') !== '') {
        if (!versionPattern.test(field('version'))) return c.html(questionPage(r, impactAnswerOf(db, r.practice.id, r.advisory.id), 'Bitte nur die Versionsnummer eingeben, zum Beispiel 8.02.'), 400);
        version = field('version');
      }
    }
    const now = clock();
    recordImpactAnswer(db, { practiceId: r.practice.id, advisoryId: r.advisory.id, answer: r.answer, reason, productId: product?.productId ?? null, version }, now);
    // The installed version is the practice's inventory: a practice on the fixed version is no longer alerted.
    const versionStored = reason === 'aktualisiert' && product && version ? recordInstalledVersion(db, r.practice.id, product.productId, version) : false;
    const offerRemoval = reason === 'nicht_im_einsatz' && product && hasOwnSubscription(db, r.practice.id, product.productId);
    return c.html(
      publicPage(
        'Antwort vermerkt',
        html`<h1>Vielen Dank – vermerkt</h1>
<p>Warnung: <strong>${r.advisory.title}</strong></p>
<p>Ihre Antwort: <strong>${answerWords(impactAnswerOf(db, r.practice.id, r.advisory.id)!)}</strong>. Sie können sie jederzeit ändern.</p>
${versionStored && product ? html`<p>Wir haben Version ${version} für ${product.name} in Ihren Geräten und Programmen eingetragen.</p>` : ''}
${r.answer === 'nicht_betroffen' ? html`<p>Zu dieser Warnung erinnern wir Sie nicht mehr.</p>` : ''}
${
  offerRemoval && product
    ? html`<h2>${product.name} aus Ihrem Abonnement entfernen?</h2>
<p>Sie setzen ${product.name} nicht ein. Wenn Sie das Produkt entfernen, erhalten Sie dazu keine Warnungen mehr.</p>
<form method="post" action="/betrifft/${r.token}/entfernen"><input type="hidden" name="product" value="${product.productId}"><button type="submit">${product.name} entfernen</button></form>
<p class="hint">Ohne diesen Klick bleibt das Produkt abonniert.</p>`
    : reason === 'nicht_im_einsatz' && product
      ? html`<p class="hint">${product.name} erhalten Sie über einen Hersteller oder eine Produktgruppe, die Sie abonniert haben. Das können Sie <a href="${manageUrl(r.practice.id)}#einstellungen">in Ihren Einstellungen</a> ändern.</p>`
      : ''
}
<p><a class="button secondary" href="${manageUrl(r.practice.id)}#warnungen">Zu Ihren Warnungen</a></p>`,
      ),
    );
  });

  // The second click after "Produkt nicht im Einsatz": only a product of this advisory that the practice subscribed itself.
  app.post('/betrifft/:token/entfernen', async (c) => {
    const r = resolve(c.req.param('token'));
    if ('error' in r) return refuse(c, r);
    if (r.answer !== 'nicht_betroffen') return c.html(invalidPage, 400);
    const body = await readFormBody(c);
    const productId = typeof body.product === 'string' ? body.product : '';
    const product = r.advisory.products.find((p) => p.productId === productId);
    if (!product) return c.html(invalidPage, 400);
    const name = db.select({ name: products.name }).from(products).where(inArray(products.id, [productId])).get()?.name ?? productId;
    const removed = removeSubscription(db, r.practice.id, productId);
    return c.html(
      publicPage(
        'Produkt entfernt',
        html`<h1>${removed ? `${name} entfernt` : `${name} ist nicht (mehr) abonniert`}</h1>
<p>Sie erhalten zu ${name} keine Warnungen mehr. Sie können es in Ihren Einstellungen jederzeit wieder hinzufügen.</p>
<p><a class="button secondary" href="${manageUrl(r.practice.id)}#geraete">Ihre Geräte und Programme</a></p>`,
      ),
    );
  });
  return app;
}

/** The advisory's products the practice hears about and does not run in a fixed version, with their names. */
function productsOf(db: Db, practiceId: number, advisory: AdvisoryDetails): Product[] {
  const affected = affectedProducts(advisory.products, coveredProducts(db, practiceId));
  if (affected.length === 0) return [];
  const names = new Map(db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, affected.map((p) => p.productId))).all().map((p) => [p.id, p.name]));
  return affected.map((p) => ({ productId: p.productId, name: names.get(p.productId) ?? p.productId }));
}

function questionPage(r: Resolved, current: ReturnType<typeof impactAnswerOf>, error?: string): string {
  const currentLine = current ? html`<p>Bisher vermerkt: <strong>${answerWords(current)}</strong>.</p>` : '';
  const errorLine = error ? html`<p class="notice" role="alert">${error}</p>` : '';
  const names = r.products.map((p) => p.name).join(', ');
  let body: SafeHtml;
  if (r.answer === 'nicht_betroffen') {
    const productChoice =
      r.products.length > 1
        ? html`<label for="product">Welches Produkt?</label>
<select id="product" name="product">${r.products.map((p) => html`<option value="${p.productId}">${p.name}</option>`)}</select>`
        : '';
    body = html`<h1>Ihre Praxis ist nicht betroffen?</h1>
<p>Warnung: <strong>${r.advisory.title}</strong></p>
${names ? html`<p>Betroffene Produkte: ${names}</p>` : ''}
${currentLine}${errorLine}
<form method="post">
${productChoice}
<fieldset><legend>Warum nicht?</legend>
<p><button type="submit" name="reason" value="nicht_im_einsatz">${reasonLabels.nicht_im_einsatz}</button></p>
<p><button type="submit" name="reason" value="anderes_modell">Wir haben ein ${reasonLabels.anderes_modell}</button></p>
<p><label for="version">Installierte Version (freiwillig)</label>
<input id="version" name="version" type="text" inputmode="decimal" maxlength="40" autocomplete="off">
<button type="submit" name="reason" value="aktualisiert">Wir haben ${reasonLabels.aktualisiert}</button></p>
</fieldset>
</form>
<p class="hint">Bei „${reasonLabels.nicht_im_einsatz}“ fragen wir Sie danach, ob wir das Produkt aus Ihrem Abonnement entfernen sollen. Mit der Version von „${reasonLabels.aktualisiert}“ warnen wir Sie zu dieser Version nicht mehr.</p>`;
  } else {
    const question = r.answer === 'betroffen' ? 'Ist Ihre Praxis von dieser Warnung betroffen?' : 'Sie wissen nicht, ob Ihre Praxis betroffen ist?';
    const hint =
      r.answer === 'betroffen'
        ? 'Bitte erledigen Sie dann die Maßnahmen der Warnung; wir erinnern Sie, solange welche offen sind.'
        : 'Fragen Sie am besten Ihren IT-Dienstleister. Ihre Antwort können Sie jederzeit ändern.';
    body = html`<h1>${question}</h1>
<p>Warnung: <strong>${r.advisory.title}</strong></p>
${names ? html`<p>Betroffene Produkte: ${names}</p>` : ''}
${currentLine}${errorLine}
<form method="post"><button type="submit">${r.answer === 'betroffen' ? 'Ja, wir sind betroffen' : `„${answerLabels.unklar}“ vermerken`}</button></form>
<p class="hint">${hint}</p>`;
  }
  return publicPage('Betrifft uns?', body);
}
