import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { acknowledgements, firmDeliveries, firmPractices, firms, impactAnswers } from '../src/db/schema.js';
import { sendFirmDeliveries } from '../src/firms/firm-send.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { matchStep } from '../src/pipeline/pipeline.js';
import { matchAdvisory } from '../src/notify/match.js';
import { createWebApp } from '../src/web/app.js';
import { publishAdvisory } from './support/advisories.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

// The view for IT service firms, through the real web app, the real outbox and sender and a real SMTP server: a
// firm signs up (double opt-in), three practices invite it, it gets one mail per advisory listing the practices
// affected, sees and ticks their open actions on its page, and loses a practice at once when that practice revokes.

let smtp: SmtpSink;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let now = new Date('2026-12-07T09:00:00Z');
const origin = 'https://praxiswarn.test';
const firmEmail = 'support@praxis-it.test';
const hostileName = 'Praxis <script>alert(1)</script> & Söhne';
const hostileTitle = 'Lücke in <img src=x onerror=alert(2)> Digitalisierungsbox';
const ids: Record<'a' | 'b' | 'c' | 'd' | 'e', number> = { a: 0, b: 0, c: 0, d: 0, e: 0 };
let firmId = 0;
let firmPage = '';
let boxAdvisory = 0;

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const manage = (practiceId: number) => `/verwalten/${signLinkToken(deps.env.LINK_SECRET, 'manage', practiceId)}`;
const pendingFirmMails = () => deps.db.select().from(firmDeliveries).where(eq(firmDeliveries.status, 'pending')).all();
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);
async function sendPending(): Promise<ParsedMail[]> {
  const before = smtp.messages.length;
  const owed = pendingFirmMails();
  await sendFirmDeliveries(deps, owed.map((d) => d.id));
  const sent = deps.db.select().from(firmDeliveries).all().filter((d) => owed.some((o) => o.id === d.id) && d.status === 'sent').length;
  await smtp.waitFor(before + sent);
  return smtp.messages.slice(before);
}
const header = (mail: ParsedMail, key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
const counts = () => ({
  acks: deps.db.select().from(acknowledgements).all().length,
  answers: deps.db.select().from(impactAnswers).all().length,
  firms: deps.db.select().from(firms).all().map((f) => f.status).join(','),
  links: deps.db.select().from(firmPractices).all().map((l) => String(l.revokedAt?.getTime() ?? null)).join(','),
});

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url, OPERATOR_NAME: 'Ärzteverband Musterland e. V.' } }), { logger: createLogger('silent'), clock: () => now });
  app = createWebApp(deps);
  const add = (name: string, email: string, productIds: string[]) => addPractice(deps.db, { name, email, productIds }, { now, origin: 'cli' }).id;
  ids.a = add('Hausarztpraxis Dr. Adler', 'adler@praxis.test', ['telekom-digitalisierungsbox-premium']);
  ids.b = add('Praxis Bergmann', 'bergmann@praxis.test', ['telekom-digitalisierungsbox-premium', 'cgm-albis']);
  ids.c = add(hostileName, 'hostile@praxis.test', ['telekom-digitalisierungsbox-premium', 'cgm-albis']);
  // D runs the same router but never invites the firm; E invites it but runs nothing the advisories touch.
  ids.d = add('Praxis Dorn', 'dorn@praxis.test', ['telekom-digitalisierungsbox-premium']);
  ids.e = add('Praxis Eich', 'eich@praxis.test', ['cgm-albis']);
});
after(async () => {
  await removeQueues(deps.queues);
  const keys = await deps.redis.keys(`${deps.env.QUEUE_PREFIX}:ratelimit:*`);
  if (keys.length) await deps.redis.del(...keys);
  await deps.close();
  await smtp.close();
});

test('a firm signs up with double opt-in: GET on the confirmation link records nothing, POST activates; signing up again mails the page link', async () => {
  const bad = await app.request('/dienstleister/anmelden', form({ name: 'X', email: 'kein-at', consent: '' }));
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /Bitte prüfen Sie Ihre Angaben/);

  const res = await app.request('/dienstleister/anmelden', form({ name: 'Praxis-IT Müller & Co', email: firmEmail.toUpperCase(), consent: 'ja' }));
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Bitte prüfen Sie Ihr Postfach/);
  const firm = deps.db.select().from(firms).where(eq(firms.email, firmEmail)).get()!;
  firmId = firm.id;
  assert.equal(firm.status, 'pending');
  assert.equal(firm.consentVersion, 'dienstleister-2026-12-v1');

  const [confirm] = await sendPending();
  assert.equal(confirm!.subject, 'Bitte bestätigen Sie die Anmeldung Ihres Unternehmens bei praxiswarn');
  assert.equal(header(confirm!, 'list-unsubscribe'), '', 'no unsubscribe before there is anything to end');
  const confirmPath = new RegExp(`${origin}(/dienstleister/bestaetigen/\\S+)`).exec(confirm!.text ?? '')![1]!;
  assert.match(confirm!.html || '', /Praxis-IT Müller &amp; Co/);

  const shown = await app.request(confirmPath);
  assert.equal(shown.status, 200);
  assert.match(await shown.text(), /Ja, Anmeldung bestätigen/);
  assert.equal(deps.db.select().from(firms).where(eq(firms.id, firmId)).get()!.status, 'pending', 'a mail scanner opening the link confirms nothing');

  const confirmed = await app.request(confirmPath, { method: 'POST' });
  assert.equal(confirmed.status, 200);
  const confirmedPage = await confirmed.text();
  assert.match(confirmedPage, /Ihre Anmeldung ist bestätigt/);
  firmPage = /href="(\/dienstleister\/firm\.[^"]+)"/.exec(confirmedPage)![1]!;
  assert.equal(firmPage, `/dienstleister/${signLinkToken(deps.env.LINK_SECRET, 'firm', firmId)}`);
  assert.match(await (await app.request(confirmPath, { method: 'POST' })).text(), /bereits bestätigt/, 'confirming twice is harmless');

  now = new Date(now.getTime() + 60_000);
  await app.request('/dienstleister/anmelden', form({ name: 'Jemand anderes', email: firmEmail, consent: 'ja' }));
  const [access] = await sendPending();
  assert.equal(access!.subject, 'Sie sind bereits bei praxiswarn angemeldet');
  assert.ok((access!.text ?? '').includes(`${origin}${firmPage}`), 'the access mail carries the firm page link');
  assert.equal(deps.db.select().from(firms).where(eq(firms.id, firmId)).get()!.name, 'Praxis-IT Müller & Co', 'an active firm keeps its name');
});

test('three practices and one more invite the firm from /verwalten; each invitation mails the firm; an unknown address is asked to sign up', async () => {
  for (const p of [ids.a, ids.b, ids.c, ids.e]) {
    const res = await app.request(`${manage(p)}/dienstleister`, form({ firmEmail: ` ${firmEmail.toUpperCase()} ` }));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${manage(p)}?gespeichert=1#dienstleister`);
  }
  assert.equal((await app.request(`${manage(ids.a)}/dienstleister`, form({ firmEmail }))).status, 303);
  const invited = await sendPending();
  assert.equal(invited.length, 4, 'one invitation mail per practice; inviting again while invited sends nothing');
  const hostileInvite = invited.find((m) => (m.text ?? '').includes(hostileName))!;
  assert.equal(hostileInvite.subject, 'Eine Praxis hat Sie als IT-Dienstleister eingeladen');
  assert.ok(!(hostileInvite.html || '').includes('<script>alert(1)'), 'a practice name is escaped in the mail');
  assert.match(hostileInvite.html || '', /Praxis &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Söhne/);
  assert.match(header(hostileInvite, 'list-unsubscribe'), /^List-Unsubscribe: <https:\/\/praxiswarn\.test\/dienstleister\/abmelden\/firm-unsubscribe\./);

  const page = await (await app.request(manage(ids.a))).text();
  assert.match(page, /<h2 id="dienstleister">IT-Dienstleister<\/h2>/);
  assert.match(page, /Praxis-IT Müller &amp; Co<\/strong> \(support@praxis-it\.test\): sieht Ihre offenen Maßnahmen/);

  const own = await app.request(`${manage(ids.d)}/dienstleister`, form({ firmEmail: 'dorn@praxis.test' }));
  assert.equal(own.status, 400);
  assert.match(await own.text(), /muss sich von Ihrer eigenen unterscheiden/);

  // D invites a firm that is not signed up: the mail asks it to sign up, the address prefilled.
  assert.equal((await app.request(`${manage(ids.d)}/dienstleister`, form({ firmEmail: 'neu@andere-it.test' }))).status, 303);
  const [signupAsk] = await sendPending();
  assert.equal(signupAsk!.subject, 'Eine Praxis möchte Sie bei praxiswarn als IT-Dienstleister einladen');
  assert.ok((signupAsk!.text ?? '').includes(`${origin}/dienstleister/anmelden?email=neu%40andere-it.test`));
  assert.match(await (await app.request(manage(ids.d))).text(), /neu@andere-it\.test<\/strong>: eingeladen am/);
});

test('one mail per advisory reaches the firm, listing exactly its practices the advisory affects, with hostile text escaped', async () => {
  now = new Date(now.getTime() + 3600_000);
  boxAdvisory = publishAdvisory(deps.db, {
    title: hostileTitle,
    severity: 'kritisch',
    products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }],
    actions: ['Firmware auf 11.01.02.102 aktualisieren', 'Fernzugang prüfen'],
    releasedAt: now,
  });
  await matchStep(deps, { advisoryId: boxAdvisory });
  await matchStep(deps, { advisoryId: boxAdvisory }); // matching again writes no second firm mail
  const alerts = deps.db.select().from(firmDeliveries).where(eq(firmDeliveries.kind, 'firm_alert')).all();
  assert.equal(alerts.length, 1);
  assert.deepEqual(alerts[0]!.practiceIds, [ids.a, ids.b, ids.c].sort((x, y) => x - y));

  const [mail] = await sendPending();
  assert.equal(mail!.to && !Array.isArray(mail!.to) ? mail!.to.text : '', firmEmail);
  assert.match(mail!.subject ?? '', /^Sofort handeln: 3 Ihrer Praxen betroffen – Lücke in <img src=x onerror=alert\(2\)> Digitalisierungsbox$/);
  const text = mail!.text ?? '';
  const listed = /Betroffene Praxen:\n((?:- .*\n)+)/.exec(text)![1]!.trim().split('\n');
  assert.deepEqual(listed.sort(), ['- Hausarztpraxis Dr. Adler', '- Praxis Bergmann', `- ${hostileName}`].sort());
  assert.ok(!text.includes('Praxis Dorn') && !text.includes('Praxis Eich'), 'neither a practice the firm does not look after nor one not affected');
  const body = mail!.html || '';
  assert.ok(!body.includes('<script>alert(1)') && !body.includes('<img src=x'), 'practice names and advisory titles are escaped');
  assert.match(body, /Lücke in &lt;img src=x onerror=alert\(2\)&gt; Digitalisierungsbox/);
  assert.ok(text.includes(`${origin}${firmPage}`), 'the mail links to the firm page');
  assert.match(header(mail!, 'list-unsubscribe'), /^List-Unsubscribe: <https:\/\/praxiswarn\.test\/dienstleister\/abmelden\/firm-unsubscribe\.\d+\.[\w-]+>$/);
  assert.equal(header(mail!, 'list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');

  // An advisory for ALBIS affects B, C and E (invited, but not A).
  const albis = publishAdvisory(deps.db, { title: 'CGM ALBIS: Update schließt Lücke', severity: 'mittel', products: [{ id: 'cgm-albis' }], actions: ['Update installieren'], releasedAt: now });
  // Matching alone writes the firm's mail, in the commit of its matches: a worker killed before it enqueued anything
  // loses nothing, the sweep sends what is owed.
  matchAdvisory(deps.db, albis, { now, mailDomain: deps.mailDomain });
  assert.equal(pendingFirmMails().length, 1);
  const [second] = await sendPending();
  assert.match(second!.subject ?? '', /^Zeitnah handeln: 3 Ihrer Praxen betroffen/);
  assert.ok(!(second!.text ?? '').includes('Dr. Adler'));
  assert.ok((second!.text ?? '').includes('Praxis Eich'));
});

test("the firm's page lists all three practices' open actions, by urgency or by practice; reading it records nothing", async () => {
  const before = counts();
  const res = await app.request(firmPage);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const page = await res.text();
  for (const name of ['Hausarztpraxis Dr. Adler', 'Praxis Bergmann', 'Praxis &lt;script&gt;alert(1)&lt;/script&gt; &amp; Söhne', 'Praxis Eich']) assert.ok(page.includes(name), name);
  assert.ok(!page.includes('<script>alert(1)') && !page.includes('<img src=x'));
  assert.ok(!page.includes('Praxis Dorn'));
  for (const p of [ids.a, ids.b, ids.c]) assert.ok(page.includes(`id="p${p}-w${boxAdvisory}"`), `practice ${p} has its router advisory listed`);
  assert.equal((page.match(/<li>Firmware auf 11\.01\.02\.102 aktualisieren </g) ?? []).length, 3);
  // By urgency: the three "Sofort handeln" items come before every "Zeitnah handeln" one.
  const order = [...page.matchAll(/class="urgency urgency-(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(order, ['sofort', 'sofort', 'sofort', 'zeitnah', 'zeitnah', 'zeitnah']);
  const byPractice = await (await app.request(`${firmPage}?sortierung=praxis`)).text();
  const headings = [...byPractice.matchAll(/<h2 id="praxis-(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(headings, [ids.a, ids.c, ids.b, ids.e], 'practices by name');
  assert.deepEqual(counts(), before);
});

test('a firm tick and answer are recorded with its id, idempotent, and show on the practice\'s /verwalten; a practice not inviting it is refused', async () => {
  const tick = { practiceId: String(ids.a), advisoryId: String(boxAdvisory), position: '0', sortierung: 'praxis' };
  const res = await app.request(`${firmPage}/erledigt`, form(tick));
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${firmPage}?sortierung=praxis&gespeichert=1#p${ids.a}-w${boxAdvisory}`);
  now = new Date(now.getTime() + 60_000);
  assert.equal((await app.request(`${firmPage}/erledigt`, form(tick))).status, 303);
  const acks = deps.db.select().from(acknowledgements).where(eq(acknowledgements.practiceId, ids.a)).all();
  assert.equal(acks.length, 1, 'ticking twice records once');
  assert.equal(acks[0]!.firmId, firmId);
  assert.equal(acks[0]!.doneBy, 'Praxis-IT Müller & Co');

  const answer = { practiceId: String(ids.a), advisoryId: String(boxAdvisory), answer: 'betroffen', reason: 'nicht_im_einsatz' };
  assert.equal((await app.request(`${firmPage}/antwort`, form(answer))).status, 303);
  assert.equal((await app.request(`${firmPage}/antwort`, form(answer))).status, 303);
  const answers = deps.db.select().from(impactAnswers).where(eq(impactAnswers.practiceId, ids.a)).all();
  assert.equal(answers.length, 1);
  assert.deepEqual([answers[0]!.answer, answers[0]!.reason, answers[0]!.firmId], ['betroffen', null, firmId]);

  const practicePage = await (await app.request(manage(ids.a))).text();
  assert.match(practicePage, /Firmware auf 11\.01\.02\.102 aktualisieren <span class="done">/, 'the tick shows as done in the practice\'s list');
  assert.match(practicePage, /Vermerke Ihres IT-Dienstleisters/);
  assert.match(practicePage, /Praxis-IT Müller &amp; Co hat bei <a href="\/warnungen\/\d+">Lücke in &lt;img src=x onerror=alert\(2\)&gt; Digitalisierungsbox<\/a> „Firmware auf 11\.01\.02\.102 aktualisieren“ als erledigt vermerkt/);
  assert.match(practicePage, /„Betrifft uns“ geantwortet/);
  const firmView = await (await app.request(firmPage)).text();
  assert.match(firmView, /Ihre Antwort bisher: <strong>Betrifft uns<\/strong>, von Ihnen vermerkt/);

  // "nicht betroffen" takes the item off the firm's list.
  await app.request(`${firmPage}/antwort`, form({ ...answer, practiceId: String(ids.c), answer: 'nicht_betroffen', reason: 'anderes_modell' }));
  assert.ok(!(await (await app.request(firmPage)).text()).includes(`id="p${ids.c}-w${boxAdvisory}"`));

  const before = counts();
  const foreign = await app.request(`${firmPage}/erledigt`, form({ ...tick, practiceId: String(ids.d) }));
  assert.equal(foreign.status, 403);
  assert.match(await foreign.text(), /Kein Zugriff auf diese Praxis/);
  assert.equal((await app.request(`${firmPage}/erledigt`, form({ ...tick, position: '7' }))).status, 404);
  assert.equal((await app.request(`${firmPage}/antwort`, form({ ...answer, answer: 'vielleicht' }))).status, 400);
  const forged = firmPage.replace(`.${firmId}.`, `.${firmId + 1}.`);
  assert.equal((await app.request(`${forged}/erledigt`, form(tick))).status, 400);
  assert.deepEqual(counts(), before);
});

test('revoking removes access at once: gone from the firm page, its forms refused with 403, its practices dropped from a mail already written', async () => {
  now = new Date(now.getTime() + 3600_000);
  const routerFix = publishAdvisory(deps.db, { title: 'Digitalisierungsbox: zweite Lücke', severity: 'hoch', products: [{ id: 'telekom-digitalisierungsbox-premium' }], actions: ['Neustart nach Update'], releasedAt: now });
  await matchStep(deps, { advisoryId: routerFix });
  assert.deepEqual(deps.db.select().from(firmDeliveries).where(and(eq(firmDeliveries.kind, 'firm_alert'), eq(firmDeliveries.advisoryId, routerFix))).get()!.practiceIds, [ids.a, ids.b, ids.c].sort((x, y) => x - y));

  const res = await app.request(`${manage(ids.b)}/dienstleister/${firmId}/entfernen`, { method: 'POST' });
  assert.equal(res.status, 303);
  const page = await (await app.request(firmPage)).text();
  assert.ok(!page.includes('Praxis Bergmann'), 'the firm page no longer lists the practice');
  const tick = await app.request(`${firmPage}/erledigt`, form({ practiceId: String(ids.b), advisoryId: String(boxAdvisory), position: '0' }));
  assert.equal(tick.status, 403);
  assert.match(await tick.text(), /Die Praxis hat Ihnen den Zugriff entzogen/);
  assert.equal((await app.request(`${firmPage}/antwort`, form({ practiceId: String(ids.b), advisoryId: String(boxAdvisory), answer: 'unklar' }))).status, 403);
  assert.equal(deps.db.select().from(acknowledgements).where(eq(acknowledgements.practiceId, ids.b)).all().length, 0);
  assert.doesNotMatch(await (await app.request(manage(ids.b))).text(), /support@praxis-it\.test/);

  const [mail] = await sendPending();
  assert.ok((mail!.text ?? '').includes('Hausarztpraxis Dr. Adler'));
  assert.ok(!(mail!.text ?? '').includes('Praxis Bergmann'), 'a practice that revoked is left out of a mail written before');

  // Inviting again gives access again.
  await app.request(`${manage(ids.b)}/dienstleister`, form({ firmEmail }));
  assert.ok((await (await app.request(firmPage)).text()).includes('Praxis Bergmann'));
});

test('the firm unsubscribes: GET only asks, POST ends the subscription and every access', async () => {
  const token = signLinkToken(deps.env.LINK_SECRET, 'firm-unsubscribe', firmId);
  const before = counts();
  const ask = await app.request(`/dienstleister/abmelden/${token}`);
  assert.equal(ask.status, 200);
  assert.match(await ask.text(), /Ja, abmelden/);
  assert.deepEqual(counts(), before, 'a mail scanner opening the link unsubscribes nobody');
  assert.equal((await app.request(`/dienstleister/abmelden/${token.slice(0, -2)}xx`, { method: 'POST' })).status, 400);

  const done = await app.request(`/dienstleister/abmelden/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(done.status, 200);
  assert.equal(deps.db.select().from(firms).where(eq(firms.id, firmId)).get()!.status, 'unsubscribed');
  assert.equal(deps.db.select().from(firmPractices).where(eq(firmPractices.firmId, firmId)).all().filter((l) => l.revokedAt === null).length, 0);
  assert.equal((await app.request(firmPage)).status, 410);
  assert.equal((await app.request(`${firmPage}/erledigt`, form({ practiceId: String(ids.a), advisoryId: String(boxAdvisory), position: '1' }))).status, 410);

  // A new advisory writes no mail to a firm that left.
  now = new Date(now.getTime() + 3600_000);
  const later = publishAdvisory(deps.db, { title: 'Digitalisierungsbox: dritte Lücke', severity: 'kritisch', products: [{ id: 'telekom-digitalisierungsbox-premium' }], actions: ['Update'], releasedAt: now });
  await matchStep(deps, { advisoryId: later });
  assert.equal(deps.db.select().from(firmDeliveries).where(eq(firmDeliveries.advisoryId, later)).all().length, 0);
  assert.equal(mailsTo(firmEmail).filter((m) => /dritte Lücke/.test(m.subject ?? '')).length, 0);
});
