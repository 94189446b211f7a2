import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { decodeCsvFile } from '../src/admin/csv-charset.js';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { deliveries, practices } from '../src/db/schema.js';
import { sendDelivery } from '../src/notify/send.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let smtp: SmtpSink;
let deps: AppDeps;
let editor: AdminClient;
let token: string;

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url, OPERATOR_NAME: 'Ärzteverband Musterland e. V.', OPERATOR_ADDRESS: 'Musterstraße 1, 12345 Musterstadt' } }), { logger: createLogger('silent') });
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  editor = new AdminClient(createWebApp(deps));
  await editor.login('redaktion@verband.test', testPassword);
  token = await editor.csrf();
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

// What German Excel writes for "CSV (Trennzeichen-getrennt)": Latin-1 letters as one byte, „“ and € from 0x80-0x9F.
const cp1252Extra: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96 };
const cp1252 = (text: string) => Buffer.from([...text].map((ch) => cp1252Extra[ch] ?? ch.charCodeAt(0)));
const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

function upload(bytes: Buffer, fileName = 'praxen.csv'): Promise<Response> {
  const body = new FormData();
  body.set('_csrf', token);
  body.set('op', 'plan');
  body.set('datei', new File([new Uint8Array(bytes)], fileName, { type: 'text/csv' }));
  return editor.request('/admin/praxen/import', { method: 'POST', body });
}

async function dryRun(bytes: Buffer) {
  const res = await upload(bytes);
  assert.equal(res.status, 200);
  const $ = cheerio.load(await res.text());
  return {
    charset: $('p').filter((_, p) => $(p).text().startsWith('Zeichensatz:')).text(),
    names: $('tbody tr').map((_, tr) => $(tr).find('td').eq(1).text()).get(),
    results: $('tbody tr').map((_, tr) => $(tr).find('td').last().text()).get(),
    carried: $('textarea[name=csv]').text(),
  };
}

const nameOf = (email: string) => deps.db.select({ name: practices.name }).from(practices).where(eq(practices.email, email)).get()?.name;

test('a German Excel export in Windows-1252 is converted: "Müller" is stored and mailed as "Müller"', async () => {
  const csv = ['name;email;products', 'Praxis Dr. Müller;mueller@praxis.test;cgm-albis', 'Gemeinschaftspraxis Bäckerstraße;baecker@praxis.test;CGM ALBIS', 'Praxis „Am Markt“;markt@praxis.test;cgm-albis'].join('\r\n');
  const dry = await dryRun(cp1252(csv));
  assert.equal(dry.charset, 'Zeichensatz: Windows-1252 (umgewandelt)');
  assert.deepEqual(dry.names, ['Praxis Dr. Müller', 'Gemeinschaftspraxis Bäckerstraße', 'Praxis „Am Markt“']);
  assert.ok(dry.results.every((r) => r.startsWith('neu')), dry.results.join(' | '));

  assert.equal((await editor.post('/admin/praxen/import', { _csrf: token, csv: dry.carried, op: 'import' })).status, 303);
  assert.equal(nameOf('mueller@praxis.test'), 'Praxis Dr. Müller');
  assert.equal(nameOf('baecker@praxis.test'), 'Gemeinschaftspraxis Bäckerstraße');
  assert.equal(nameOf('markt@praxis.test'), 'Praxis „Am Markt“');

  const practiceId = deps.db.select({ id: practices.id }).from(practices).where(eq(practices.email, 'mueller@praxis.test')).get()!.id;
  const confirm = deps.db.select().from(deliveries).where(eq(deliveries.practiceId, practiceId)).get()!;
  assert.equal(confirm.kind, 'confirm');
  assert.equal(await sendDelivery(deps, confirm.id), 'sent');
  const mail = smtp.messages.find((m) => JSON.stringify(m.to).includes('mueller@praxis.test'))!;
  assert.match(mail.text ?? '', /\n\nGuten Tag,\n\nIhre Praxis „Praxis Dr\. Müller“ wurde/);
  assert.match(String(mail.html), /Ihre Praxis „Praxis Dr\. Müller“ wurde/);
  assert.doesNotMatch(`${mail.text}${mail.html}`, /\uFFFD/);
});

test('UTF-8 with and without BOM is read as UTF-8, and the BOM does not hide the first column', async () => {
  const csv = 'name;email;products\nPraxis Jürgens;juergens@praxis.test;cgm-albis\n';
  const withBom = await dryRun(utf8Bom(csv));
  assert.equal(withBom.charset, 'Zeichensatz: UTF-8 mit BOM');
  assert.deepEqual(withBom.names, ['Praxis Jürgens']);
  assert.match(withBom.results[0]!, /^neu/);
  const plain = await dryRun(Buffer.from(csv.replace('Jürgens', 'Jürgens-Öztürk'), 'utf8'));
  assert.equal(plain.charset, 'Zeichensatz: UTF-8');
  assert.deepEqual(plain.names, ['Praxis Jürgens-Öztürk']);
});

test('Excel "Unicode-Text" (UTF-16 LE with BOM, tab-separated) is converted', async () => {
  const dry = await dryRun(utf16le('name\temail\tproducts\r\nPraxis Weiß\tweiss@praxis.test\tcgm-albis\r\n'));
  assert.equal(dry.charset, 'Zeichensatz: UTF-16 LE (umgewandelt)');
  assert.deepEqual(dry.names, ['Praxis Weiß']);
  assert.match(dry.results[0]!, /^neu/);
});

test('a file that is neither UTF-8 nor Windows-1252 is refused with its first bad line, and nothing is stored', async () => {
  const before = deps.db.select().from(practices).all().length;
  const good = cp1252('name;email;products\r\nPraxis Dr. Müller;mueller2@praxis.test;cgm-albis\r\n');
  const broken = Buffer.concat([good, Buffer.from('Praxis Kaputt'), Buffer.from([0x81]), Buffer.from(';kaputt@praxis.test;cgm-albis\r\n')]);
  const res = await upload(broken);
  assert.equal(res.status, 422);
  const alert = cheerio.load(await res.text())('[role=alert]').text();
  assert.match(alert, /Zeile 3: Das Byte 0x81 in dieser Zeile ist weder gültiges UTF-8 noch ein Zeichen in Windows-1252/);
  assert.match(alert, /es wurde nichts gespeichert/);

  const binary = await upload(Buffer.concat([Buffer.from('name;email;products\nPraxis A;a@praxis.test;cgm-albis\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])]), 'praxen.xlsx');
  assert.equal(binary.status, 422);
  assert.match(cheerio.load(await binary.text())('[role=alert]').text(), /Zeile 3: Diese Zeile enthält das Steuerzeichen U\+0003, .*Excel-Arbeitsmappe \(\.xlsx\)/);

  // UTF-8 lines with one Windows-1252 line pasted in: read either way, one half would be mangled.
  const mixed = Buffer.concat([Buffer.from('name;email;products\nPraxis Jürgens;j@praxis.test;cgm-albis\n', 'utf8'), cp1252('Praxis Müller;m@praxis.test;cgm-albis\n')]);
  const mixedRes = await upload(mixed);
  assert.equal(mixedRes.status, 422);
  assert.match(cheerio.load(await mixedRes.text())('[role=alert]').text(), /Zeile 3: .*mischt zwei Zeichensätze/);

  // Pasted text that was already damaged before it was copied.
  const pasted = await editor.post('/admin/praxen/import', { _csrf: token, csv: 'name;email;products\nM\uFFFDller;mue@praxis.test;cgm-albis', op: 'import' });
  assert.equal(pasted.status, 422);
  assert.match(cheerio.load(await pasted.text())('[role=alert]').text(), /Zeile 2: .*Ersatzzeichen/);
  assert.equal(deps.db.select().from(practices).all().length, before);
});

test('nothing is dropped unseen: unread columns, extra cells and an unclosed quote are shown in the dry run', async () => {
  const extra = cheerio.load(await (await upload(Buffer.from('name;email;products;telefon\r\nPraxis Voll;voll@praxis.test;cgm-albis;0301234;cgm-medistar\r\n'))).text());
  assert.match(extra('p.err').text(), /Nicht importierte Spalten: telefon/);
  assert.match(extra('tbody td').last().text(), /^Fehler: Die Zeile hat mehr Spalten als die Kopfzeile/);

  const unclosed = cheerio.load(await (await upload(Buffer.from('name;email;products\r\nPraxis A;a@praxis.test;cgm-albis\r\n\r\nPraxis "Offen;offen@praxis.test;cgm-albis\r\n'))).text());
  const cells = unclosed('tbody td');
  assert.equal(cells.first().text(), '4', 'the line as an editor counts it, blank lines included');
  assert.match(cells.last().text(), /^Fehler: Ein Anführungszeichen wird nicht geschlossen/);
  assert.ok(unclosed('button[value=import]').is('[disabled]'), 'nothing to import');
});

test('Windows-1252 punctuation from 0x80-0x9F is decoded by its own table; NUL bytes are refused', () => {
  const decoded = decodeCsvFile(cp1252('name\r\n„Praxis“ – 5 €\r\n'));
  assert.deepEqual(decoded, { ok: true, text: 'name\r\n„Praxis“ – 5 €\r\n', charset: 'windows-1252' });
  // UTF-16 without its BOM: every other byte is NUL.
  const utf16NoBom = decodeCsvFile(Buffer.from('name\nPraxis Weiß\n', 'utf16le'));
  assert.equal(utf16NoBom.ok, false);
  assert.ok(!utf16NoBom.ok && utf16NoBom.line === 1 && /U\+0000 \(Nullbyte\)/.test(utf16NoBom.message));
});
