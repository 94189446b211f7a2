import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readText } from '../src/normalize/document.js';
import { readPage } from '../src/normalize/page.js';
import { statedDate } from '../src/normalize/published.js';

// Issue 16, publication dates: never invent a date, but find the stated one. Each test is one class of page shape.
const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;
const day = (lines: string[]) => iso(statedDate(lines));
const pageDay = (html: string) => iso(readPage(html).publishedAt);
const prose = 'Die Sicherheitslücke betrifft zahlreiche Praxen in ganz Deutschland und sollte rasch geschlossen werden.';
const english = 'The vulnerability affects many devices and should be patched by the administrators of the network.';
const article = (head: string) =>
  `<html><head>${head}</head><body><article><h1>Kritische Lücke in Praxissoftware</h1><p>${prose}</p><p>${prose}</p></article></body></html>`;

test('the first publication beats a later update or "Stand" in the same head', () => {
  assert.equal(day(['Lücke in Exchange', 'Aktualisiert am 14.03.2024', 'Veröffentlicht am 12.03.2024', prose]), '2024-03-12');
  assert.equal(day(['Flaw in VPN gateways', 'Last updated: March 14, 2024', 'Published: March 12, 2024', english]), '2024-03-12');
  assert.equal(day(['Lücke in Exchange', 'Update 14.03.2024: Microsoft hat inzwischen einen Patch bereitgestellt.', '12.03.2024 10:15 Uhr Von Dirk Knop', prose]), '2024-03-12');
  // Alone, an update stamp is the date the page states ("Stand", "zuletzt aktualisiert" are labelled as published).
  assert.equal(day(['Lücke in Exchange', 'Stand: 14.03.2024', prose]), '2024-03-14');
  assert.equal(day(['Lücke in Exchange', 'Letzte Aktualisierung: 14.03.2024', prose]), '2024-03-14');
});

test('a cue word inside a sentence dates an event, not the page', () => {
  assert.equal(day(['Patch for FortiOS', 'The fix was released on March 3, 2024 for all branches.', english]), null);
  assert.equal(day(['Patch for Exchange', english, english, 'Microsoft published on March 12, 2024 an out-of-band update.']), null);
  assert.equal(day(['Lücke in LCOS', 'Das Update vom 12.03.2024 schließt die Lücke.', prose]), null);
  // The words of a page's own label stay cues.
  assert.equal(day(['Patch for FortiOS', 'Originally published on March 3, 2024', english]), '2024-03-03');
});

test('a cited document or an incident "vom" a date is not the notice', () => {
  assert.equal(day(['Exchange-Lücke: Was Praxen tun sollten', 'Das BSI hat eine Warnung vom 12.03.2024 herausgegeben.', prose]), null);
  assert.equal(day(['Cyberangriff vom 12. März 2024: Was Praxen jetzt wissen müssen', prose]), null);
  assert.equal(day(['Hinweise zur Warnung des BSI vom 12.03.2024', prose]), null);
  // The notice's own document line.
  assert.equal(day(['Gemeinsame Pressemitteilung von KBV und gematik vom 3. Mai 2023', prose]), '2023-05-03');
  assert.equal(day(['Rundschreiben an alle Mitglieder der KV Hessen vom 25. Juli 2017', prose]), '2017-07-25');
  assert.equal(day(['Praxisinfo vom 03.05.2023', 'Phishing-Mails im Namen der KV', prose]), '2023-05-03');
  assert.equal(day(['News vom 03.05.2023', 'Phishing-Mails im Namen der KV', prose]), '2023-05-03');
  assert.equal(day(['Informationen zum Cyberangriff vom 03.05.2023', prose]), null);
});

test('dates named by a compound label are deadlines, expiries or event data, not the publication', () => {
  assert.equal(day(['Zertifikate der Konnektoren laufen ab', 'Ablaufdatum: 31.12.2025', prose]), null);
  assert.equal(day(['Informationsabend IT-Sicherheit', 'Datum: 12.03.2024', 'Uhrzeit: 18:00 Uhr', 'Ort: Haus der KV', prose]), null);
  // Compounds that do name the page's date.
  assert.equal(day(['Lücke in Exchange', 'Veröffentlichungsdatum: 12.03.2024', prose]), '2024-03-12');
});

test('a weekday after a cue or opening the date line is the page\'s', () => {
  assert.equal(day(['Lücke in Exchange', 'Dienstag, den 12. März 2024', prose]), '2024-03-12');
  assert.equal(day(['Lücke in Exchange', 'Veröffentlicht am Dienstag, 12.03.2024', prose]), '2024-03-12');
});

test('more shapes of a stated date: German labels and abbreviations, English ordinals and bylines, times after "um"', () => {
  assert.equal(day(['Phishing-Mails im Namen der KV', 'Eingestellt am 03.05.2023', prose]), '2023-05-03');
  assert.equal(day(['Phishing-Mails im Namen der KV', 'Erschienen am 3. Mai 2023', prose]), '2023-05-03');
  assert.equal(day(['Phishing-Mails im Namen der KV', '12. Okt. 2023 | Praxis-IT', prose]), '2023-10-12');
  assert.equal(day(['Phishing-Mails im Namen der KV', '03.05.2023 um 10:15 Uhr', prose]), '2023-05-03');
  assert.equal(day(['Flaw in VPN gateways', 'Posted on May 3rd, 2023 by Jane Doe', english]), '2023-05-03');
  assert.equal(day(['Flaw in VPN gateways', 'Published by Jane Doe on May 3, 2023', english]), '2023-05-03');
  assert.equal(day(['Flaw in VPN gateways', '3rd May 2023', english]), '2023-05-03');
});

test('a "Stand" line at the foot of a notice dates it; a "Stand" inside a sentence does not', () => {
  const lines = ['Kartenterminals: Firmware prüfen', prose, prose, prose, 'Stand: 03.05.2023'];
  assert.equal(day(lines), '2023-05-03');
  assert.equal(day(['Kartenterminals: Firmware prüfen', prose, prose, 'Der Stand vom 03.05.2023 ist veraltet.']), null);
});

test("a text copy's comments do not date it", () => {
  const text = ['Lücke in Praxissoftware', prose, prose, '', 'Kommentare', 'Posted on March 14, 2024 by Max', 'Danke für den Hinweis!'].join('\n');
  assert.equal(iso(readText(text).publishedAt), null);
});

test('a row of short fields dates the notice by its date field; "vom" after a numbered document; English time zones', () => {
  assert.equal(day(['Phishing-Mails im Namen der KV', 'Praxis-IT | 12.03.2024 | 3 Min. Lesezeit', prose]), '2024-03-12');
  assert.equal(day(['Phishing-Mails im Namen der KV', 'Redaktion · 12.03.2024', prose]), '2024-03-12');
  assert.equal(day(['Phishing-Mails im Namen der KV', 'Die Lücke ist bekannt. | 12.03.2024', prose]), null);
  assert.equal(day(['KV-Rundschreiben Nr. 5/2023 vom 3. Mai 2023', prose]), '2023-05-03');
  assert.equal(day(['Flaw in VPN gateways', 'May 3, 2023, 10:15 AM EST', english]), '2023-05-03');
});

test('Dublin Core and publish-date meta tags in any spelling date a page', () => {
  assert.equal(pageDay(article('<meta name="DCTERMS.issued" content="2024-03-12">')), '2024-03-12');
  assert.equal(pageDay(article('<meta name="publish-date" content="2024-03-12">')), '2024-03-12');
});
