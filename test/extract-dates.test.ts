import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statedDate } from '../src/normalize/published.js';

const day = (lines: string[]) => statedDate(lines)?.toISOString().slice(0, 10) ?? null;

test('a notice dates itself in the shapes German pages use', () => {
  assert.equal(day(['Sicherheitsupdates einspielen', '16.12.2021 - Eine jüngst bekannt gewordene Sicherheitslücke betrifft auch Praxen.']), '2021-12-16');
  assert.equal(day(['Zahnärztliche Mitteilungen', 'zm Nr. 10 / 29. Juni 2023', 'Titel der Meldung']), '2023-06-29');
  assert.equal(day(['Pressemitteilung vom 11. Juli 2022', 'Unsere Stellungnahme']), '2022-07-11');
  assert.equal(day(['25.05.2023 - Sicherheitslücke beim Authenticator : Bei der Prüfung wurde eine Schwachstelle gefunden.']), '2023-05-25');
  assert.equal(day(['Titel', 'Veröffentlicht am 14.09.2023']), '2023-09-14');
  assert.equal(day(['Titel', 'Stand: 17.12.2021']), '2021-12-17');
  assert.equal(day(['Titel', 'Datum: 2025-10-28']), '2025-10-28');
  assert.equal(day(['Security advisory', 'Published February 13, 2024']), '2024-02-13');
  assert.equal(day(['Vorsicht bei E-Mail-Bewerbungen', 'Münster, 21. September 2017']), '2017-09-21');
  // A date line with its rubric after it.
  assert.equal(day(['Falsche Techniker am Telefon', '03.04.2019 KV aktuell', 'Betrüger geben sich als Servicetechniker aus.']), '2019-04-03');
  assert.equal(day(['Falsche Techniker am Telefon', '03.04.2019 rief ein angeblicher Techniker in mehreren Praxen an.']), null);
});

test('a date that merely ends a headline is not taken: it is as often the date of the event reported', () => {
  assert.equal(day(['AnyDesk Incident Response 2-2-2024', 'Following indications of an incident we carried out an audit.']), null);
  assert.equal(day(['Störung der TI am Wochenende 12.12.2024', 'Die Störung ist behoben.']), null);
});

test('a byline or footer that dates the page counts wherever it stands', () => {
  const body = ['Achtung: E-Mails mit Schadsoftware', 'Bitte löschen Sie diese Nachrichten ungelesen.', 'Die Mails kommen nicht von der TK, es handelt sich um einen Angriff.', 'Prüfen Sie den Absender.', 'Autor: KV Berlin | Erstellt am: 06.06.2019'];
  assert.equal(day(body), '2019-06-06');
});

test('deadlines, events and print dates are not publication dates, and nothing is invented', () => {
  assert.equal(day(['Wichtig: Bitte bis zum 15. März 2022 das Update einspielen']), null);
  assert.equal(day(['Wartung', 'Die Wartung findet am 17.12.2024 statt.']), null);
  assert.equal(day(['KVB — Ausdruck vom 25.11.2025 15:49 Uhr', 'KVB Direkt']), null);
  assert.equal(day(['Frist: 30.06.2024', 'Titel']), null);
  assert.equal(day(['Aktueller Stand', 'Am 03.05.2023 hat die CGM die Zulassung erhalten, am 10.05.2023 folgte die nächste.']), null);
  assert.equal(day(['Titel', 'Erster Absatz ohne Datum, aber mit einem Satz.', 'Zweiter Absatz ohne Datum, auch ein Satz.', 'Am 5. Juni 2019 informierte die TK die KV darüber.']), null);
});
