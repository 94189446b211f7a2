import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailer } from '../src/notify/mailer.js';
import { mimeWriter, quotedPrintable, rfc2822Date } from '../src/notify/mime.js';

const write = mimeWriter({ from: '"Ärztenetz Süd – Warndienst" <warnungen@praxiswarn.example>', replyTo: 'hilfe@praxiswarn.example' });
const date = new Date('2026-03-29T01:30:00Z');

const text = [
  'Guten Tag, Praxis Dr. Müller & Söhne,',
  '',
  'die Firmware 11.01.02.102 schließt die Lücke (Schweregrad = hoch).   ',
  `Ein sehr langer Satz ohne Umbruch: ${'Portweiterleitung prüfen, '.repeat(20)}Ende.`,
  '.Zeile mit Punkt am Anfang',
  'Tab am Ende\t',
  'Emoji und Zeichen außerhalb von Latin-1: ⚠️ „Anführungszeichen“ – Gedankenstrich',
  '=3D ist kein Escape, sondern Text',
].join('\n');
const html = `<p style="margin:0">Guten Tag, <strong>Praxis Dr. Müller &amp; Söhne</strong>,</p>${'<p>Bitte aktualisieren Sie die Firmware.</p>'.repeat(40)}`;

test('a written mail parses back to exactly its subject, text, HTML and headers', async () => {
  const raw = write(
    {
      to: 'praxis@mueller.example',
      cc: 'it@dienstleister.example',
      subject: 'Kritisch: Digitalisierungsbox öffnet benachbarte Ports – jetzt Firmware 11.01.02.102 einspielen und Portweiterleitungen prüfen',
      text,
      html,
      messageId: '<alert-7-42@praxiswarn.example>',
      headers: { 'List-Id': 'Sicherheitswarnungen <warnungen.praxiswarn.example>', 'List-Unsubscribe': `<https://praxiswarn.example/abmelden/${'a'.repeat(120)}>` },
    },
    date,
  );
  const mail = await simpleParser(raw);
  assert.equal(mail.subject, 'Kritisch: Digitalisierungsbox öffnet benachbarte Ports – jetzt Firmware 11.01.02.102 einspielen und Portweiterleitungen prüfen');
  assert.equal(mail.text, text);
  assert.equal(mail.html, html);
  assert.equal(mail.messageId, '<alert-7-42@praxiswarn.example>');
  assert.equal(mail.from?.value[0]?.name, 'Ärztenetz Süd – Warndienst');
  assert.equal(mail.from?.value[0]?.address, 'warnungen@praxiswarn.example');
  assert.equal((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text, 'praxis@mueller.example');
  assert.equal((Array.isArray(mail.cc) ? mail.cc[0] : mail.cc)?.text, 'it@dienstleister.example');
  assert.equal(mail.replyTo?.text, 'hilfe@praxiswarn.example');
  assert.equal(mail.date?.toISOString(), date.toISOString());
  const unsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r\n[ \t]+/g, ' ');
  assert.equal(unsubscribe, `List-Unsubscribe: <https://praxiswarn.example/abmelden/${'a'.repeat(120)}>`, 'folded only at white space');
  assert.equal(mail.headers.get('mime-version'), '1.0');
});

test('the message is 7-bit with CRLF line ends, header lines of at most 78 and body lines of at most 76 characters', () => {
  const raw = write({ to: 'praxis@mueller.example', subject: 'Hinweis für Ihre Praxis zur Digitalisierungsbox Premium und Smart', text, html, messageId: '<m@x.example>' }, date).toString('latin1');
  assert.match(raw, /^[\x00-\x7f]*$/, 'only ASCII on the wire');
  assert.doesNotMatch(raw, /[^\r]\n/, 'no bare LF');
  const [head, ...body] = raw.split('\r\n\r\n');
  for (const line of head!.split('\r\n')) assert.ok(line.length <= 78, `header line too long (${line.length}): ${line}`);
  for (const line of body.join('\r\n\r\n').split('\r\n')) assert.ok(line.length <= 76, `body line too long (${line.length}): ${line}`);
});

test('every message gets its own boundary', () => {
  const mail = { to: 'a@b.example', subject: 'x', text: 'x', html: 'x', messageId: '<1@b.example>' };
  const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString('latin1'))![1];
  assert.notEqual(boundary(write(mail, date)), boundary(write(mail, date)));
});

test('quoted-printable encodes "=", non-ASCII and white space before a line break, and nothing else', () => {
  assert.equal(quotedPrintable('a = b').toString(), 'a =3D b');
  assert.equal(quotedPrintable('Lücke').toString(), 'L=C3=BCcke');
  assert.equal(quotedPrintable('Ende \nweiter\t\r\nx ').toString(), 'Ende=20\r\nweiter=09\r\nx=20');
  const long = quotedPrintable('ü'.repeat(40)).toString();
  assert.ok(long.split('\r\n').every((l) => l.length <= 76));
  assert.equal(long.replace(/=\r\n/g, ''), '=C3=BC'.repeat(40), 'soft breaks never split an escape');
});

test('quoted-printable breaks plain printable text (links, names) after 75 characters, as the byte-wise encoder does', () => {
  const link = `https://praxiswarn.example/erledigt/ack.123456.789.-1.${'Ab_-9'.repeat(12)}`;
  assert.equal(quotedPrintable('a'.repeat(75)).toString(), 'a'.repeat(75));
  assert.equal(quotedPrintable('a'.repeat(76)).toString(), `${'a'.repeat(75)}=\r\na`);
  assert.equal(quotedPrintable(link).toString(), `${link.slice(0, 75)}=\r\n${link.slice(75)}`);
  // The same link behind a character that takes the byte-wise path breaks at the same columns after it.
  const mixed = quotedPrintable(`ü\n${link}`).toString();
  assert.equal(mixed, `=C3=BC\r\n${link.slice(0, 75)}=\r\n${link.slice(75)}`);
  assert.equal(quotedPrintable('').length, 0);
});

test('dates are RFC 5322 in UTC', () => {
  assert.equal(rfc2822Date(new Date('2026-10-25T00:59:59Z')), 'Sun, 25 Oct 2026 00:59:59 +0000');
});

test('addresses beyond plain ASCII are encoded by nodemailer (IDN as punycode)', async () => {
  const raw = write({ to: 'praxis@müller.example', subject: 'x', text: 'x', html: 'x', messageId: '<1@b.example>' }, date);
  assert.match(raw.toString('latin1'), /^To: praxis@xn--mller-kva\.example\r$/m);
});

test('without SMTP every mail becomes an .eml file that parses back to the same mail', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'praxiswarn-mails-'));
  const mailer = createMailer({ from: 'praxiswarn <warnungen@praxiswarn.example>', replyTo: 'hilfe@praxiswarn.example', mailDir: dir });
  try {
    await mailer.send({ to: 'praxis@mueller.example', subject: 'Hinweis für Ihre Praxis', text, html, messageId: '<file-1@praxiswarn.example>' });
    const files = readdirSync(dir);
    assert.equal(files.length, 1);
    assert.match(files[0]!, /\.eml$/);
    const mail = await simpleParser(readFileSync(join(dir, files[0]!)));
    assert.equal(mail.subject, 'Hinweis für Ihre Praxis');
    assert.equal(mail.text, text);
    assert.equal(mail.html, html);
    assert.equal(mail.messageId, '<file-1@praxiswarn.example>');
    assert.equal(mail.replyTo?.text, 'hilfe@praxiswarn.example');
  } finally {
    mailer.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
