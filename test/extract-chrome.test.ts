import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isChromeLine, stripChrome } from '../src/normalize/chrome.js';
import { readText } from '../src/normalize/document.js';
import { isDateLine } from '../src/normalize/published.js';

test('menus, breadcrumbs, banners, share rows and bylines are chrome by their shape', () => {
  for (const line of [
    'News   Archiv   Medizin   Politik   Ärzteschaft',
    'Zahnärzte · Patienten · Presse · KZBV',
    'Startseite › Themen › Cyberattacke',
    'Blog > News',
    'Sie sind hier: Startseite / Praxis / Meldungen',
    'Zum Inhalt springen',
    'Please enable JavaScript!',
    'Inhaltsverzeichnis',
    'Diese Website verwendet Cookies, um Ihnen den besten Service zu bieten.',
    'Teilen: LinkedIn · E-Mail',
    'Von unserer Redaktion',
    'Autor: KV Berlin',
    '3 min. Lesezeit',
    'Menü',
    'Advertisement',
    '© Kassenärztliche Vereinigung Berlin',
  ]) assert.ok(isChromeLine(line), line);
  for (const line of [
    'Cyberattacke auf Medatixx: Ärzte sollen Passwörter ändern',
    'Betroffene Versionen',
    'LCOS 10.80 RU1   10.80 RU2   10.80 RU3',
    'Bitte löschen Sie diese Nachrichten ungelesen und öffnen Sie auf keinen Fall den Anhang.',
    '• ATP-Serie',
  ]) assert.ok(!isChromeLine(line), line);
});

test('the title of a page copy is its headline, not the site name or "Menu"', () => {
  const page = [
    'Deutsches Ärzteblatt',
    'Suche   Login   Newsletter   Abo',
    'Menü',
    'Ärzteschaft',
    'Cyberattacke auf Medatixx: Ärzte sollen Passwörter ändern',
    'Dienstag, 9. November 2021',
    'Eltville – Wer in der Praxis mit Software von Medatixx arbeitet, sollte seine Passwörter ändern.',
    'Mehr zum Thema',
    'Medatixx: Praxissoftware wieder erreichbar',
  ];
  const { title, lines } = stripChrome(page, isDateLine);
  assert.equal(title, 'Cyberattacke auf Medatixx: Ärzte sollen Passwörter ändern');
  assert.deepEqual(lines, ['Eltville – Wer in der Praxis mit Software von Medatixx arbeitet, sollte seine Passwörter ändern.']);
});

test('a text copy keeps its stated date although its date line is chrome', () => {
  const notice = readText('KV Berlin – Für Praxen\nHome | Aktuelles | Archiv | Suche\n\nAchtung: E-Mails mit Schadsoftware im Umlauf\n\nBitte löschen Sie diese Nachrichten ungelesen.\n\nAutor: KV Berlin | Erstellt am: 06.06.2019\n\nCopyright © Kassenärztliche Vereinigung Berlin\n');
  assert.equal(notice.title, 'Achtung: E-Mails mit Schadsoftware im Umlauf');
  assert.equal(notice.publishedAt?.toISOString().slice(0, 10), '2019-06-06');
  assert.equal(notice.text, 'Bitte löschen Sie diese Nachrichten ungelesen.');
});

test('a plain text that starts with its title stays as it was', () => {
  const notice = readText('Datenleck in Digitalisierungsboxen\nDie Telekom hat ein Firmware-Update bereitgestellt. Praxen sollten es einspielen.\n');
  assert.equal(notice.title, 'Datenleck in Digitalisierungsboxen');
  assert.equal(notice.text, 'Die Telekom hat ein Firmware-Update bereitgestellt. Praxen sollten es einspielen.');
});

test('a heading in a text copy labels its paragraph and does not swallow its first instruction', () => {
  const notice = readText(
    'Sicherheitslücke im Praxisrouter\n\nDer Hersteller hat ein Update bereitgestellt.\n\nBetroffene Versionen\nFirmware 4.2 und älter.\n\nWorkaround\nSchalten Sie die Fernwartung ab.\nSchritt 2 – Update\nSpielen Sie die Firmware 4.3 ein.\n• Schalten Sie die Fernwartung wieder ein\nErst danach ist der Router wieder aus der Ferne erreichbar.\n',
  );
  assert.deepEqual(notice.text.split('\n'), [
    'Der Hersteller hat ein Update bereitgestellt.',
    // The label stays with its line, so that the version cue still sees it.
    'Betroffene Versionen: Firmware 4.2 und älter.',
    'Workaround: Schalten Sie die Fernwartung ab.',
    'Schritt 2 – Update: Spielen Sie die Firmware 4.3 ein.',
    // A list item without its full stop does not take in the sentence after it.
    '• Schalten Sie die Fernwartung wieder ein',
    'Erst danach ist der Router wieder aus der Ferne erreichbar.',
  ]);
});

test("the headline above its date line is the notice's title, not the site's name and tagline in the copy's first line", () => {
  const text = [
    'psyprax – Praxissoftware für Psychotherapeuten',
    'Start  Produkt  Preise  Hilfecenter  Neuigkeiten',
    'Neuigkeiten',
    'Informationen zu Windows 10',
    'veröffentlicht am 27. Oktober 2015',
    '',
    'Im Zusammenspiel von psyprax und Windows 10 haben wir keine Probleme festgestellt, doch einige Einstellungen betreffen Patientendaten.',
  ].join('\n');
  const notice = readText(text);
  assert.equal(notice.title, 'Informationen zu Windows 10');
  assert.equal(notice.publishedAt?.toISOString().slice(0, 10), '2015-10-27');
});

test('a row of topics with a semicolon between two of them is chrome, not the headline above which it stands', () => {
  assert.equal(isChromeLine('Newsletterbeitrag     Digitalisierung; Meine Praxis'), true);
  const { title } = stripChrome(['Neue Probleme mit Kartenterminals', 'Newsletterbeitrag     Digitalisierung; Meine Praxis', 'Nach dem Einlesen mancher Karten stürzen Kartenterminals ab. Ein Neustart behebt den Zustand nur bis zur nächsten Karte.']);
  assert.equal(title, 'Neue Probleme mit Kartenterminals');
  // A headline with a semicolon is no row of topics.
  assert.equal(isChromeLine('Update verfügbar; Praxen sollten es zeitnah einspielen'), false);
});

test("a letter's salutation is never the title; without a headline the first sentence after it stands in", () => {
  const notice = readText(['Liebe Mitglieder,', 'derzeit kursieren gefälschte Rechnungen im Namen der Kammer. Öffnen Sie keine Anhänge.'].join('\n'));
  assert.equal(notice.title, 'derzeit kursieren gefälschte Rechnungen im Namen der Kammer.');
  const headed = readText(['Gefälschte Rechnungen im Umlauf', 'Sehr geehrte Damen und Herren,', 'derzeit kursieren gefälschte Rechnungen. Öffnen Sie keine Anhänge.'].join('\n'));
  assert.equal(headed.title, 'Gefälschte Rechnungen im Umlauf');
});

test('a date line with two rubrics after it dates the notice', () => {
  const notice = readText(['Veraltete Browser in der Praxis', '', '06.08.2018 KV aktuell, Praxisinfos', '', 'Die KV rät, den Browser zu aktualisieren. Alte Versionen erhalten keine Updates mehr.'].join('\n'));
  assert.equal(notice.publishedAt?.toISOString().slice(0, 10), '2018-08-06');
});

test("a question to the reader or a section's short question is not the title", () => {
  const listed = readText(['You May Need To Replace Old VPN Routers', '', 'Do you own one of the following products?', '', '• The RV130 VPN Router', '• The RV215W VPN Router', '', 'A critical flaw affects these routers. Replace them.'].join('\n'));
  assert.equal(listed.title, 'You May Need To Replace Old VPN Routers');
  const sections = readText(['Vendor patches critical firewall flaw', "What's Happening?", 'The vendor has released a patch for a critical flaw in its firewalls. Customers should apply it.'].join('\n'));
  assert.equal(sections.title, 'Vendor patches critical firewall flaw');
  // A question that is the headline stays one.
  assert.equal(readText(['Was tun bei gefälschten KV-Mails?', '', 'Derzeit kursieren gefälschte Mails. Löschen Sie diese.'].join('\n')).title, 'Was tun bei gefälschten KV-Mails?');
});

test("a picture's caption that ends in its credit is chrome, not the title", () => {
  assert.ok(isChromeLine('Pixabay Keyboard PCVirus (Foto: Pixabay)'));
  assert.ok(isChromeLine('Tastatur mit Warnhinweis (Bild: Hausärzteverband)'));
  assert.ok(!isChromeLine('Sicherheitsupdate für den Konnektor (Version 5.1.3)'));
  const notice = readText(['hvwl logo', '', 'Achtung: Schadsoftware in Bewerbungsmails', '', 'Tastatur mit Virus (Foto: Pixabay)', '', 'Der Verband warnt Praxen vor Bewerbungsmails mit Schadsoftware. Öffnen Sie keine Anhänge.'].join('\n'));
  assert.equal(notice.title, 'Achtung: Schadsoftware in Bewerbungsmails');
});
