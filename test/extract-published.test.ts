import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readText } from '../src/normalize/document.js';
import { readPage } from '../src/normalize/page.js';
import { statedDate } from '../src/normalize/published.js';

const day = (lines: string[]) => statedDate(lines)?.toISOString().slice(0, 10) ?? null;
const prose = 'Die Sicherheitslücke betrifft zahlreiche Praxen in ganz Deutschland und sollte rasch geschlossen werden.';
const english = 'The vulnerability affects many devices and should be patched by the administrators of the network.';

test('bylines and rubrics around a date line date the notice', () => {
  assert.equal(day(['Lücke in Praxissoftware', '12.03.2024 10:15 Uhr Von Dirk Knop', prose]), '2024-03-12');
  assert.equal(day(['Flaw in VPN', 'By Sergiu Gatlan · March 12, 2024 · 10:15 AM', english]), '2024-03-12');
  assert.equal(day(['Lücke in Praxissoftware', 'PRESSEMITTEILUNG | 12.03.2024', prose]), '2024-03-12');
  assert.equal(day(['Lücke in Praxissoftware', 'zm online – 12.03.2024', prose]), '2024-03-12');
  assert.equal(day(['Lücke in Praxissoftware', 'Di 12.03.2024 - 10:15', prose]), '2024-03-12');
  // A sentence that starts with a date and "von" is an event, not a byline.
  assert.equal(day(['Lücke in Praxissoftware', '12.03.2024 von Hackern angegriffen', prose]), null);
});

test("a notice's version line, a press dateline and a revision history's first entry date it", () => {
  assert.equal(day(['FAQ zur Cyberattacke', 'Version 1.0 · Eltville & Bamberg, 08.11.2021, 12 Uhr', prose]), '2021-11-08');
  assert.equal(day(['Security Advice', 'BELLEVUE, Wash. - January 15, 2018 - On January 4, Synology released an advisory on the flaws.']), '2018-01-15');
  // A place and a dash on a line of their own, with the press office's spaced slashes.
  assert.equal(day(['Wichtige Information zum Kartenterminal', 'Flintbek — 16 / 06 / 2022', prose]), '2022-06-16');
  assert.equal(day(['Lücke in Praxissoftware', 'Bad Homburg – 12.03.2024', prose]), '2024-03-12');
  // Not a dateline: a sentence or a deadline before the dash, or more text after the date; no ratio is a date.
  assert.equal(day(['Lücke in Praxissoftware', 'Die Frist endet – 12.03.2024', prose]), null);
  assert.equal(day(['Lücke in Praxissoftware', 'Berlin – 12.03.2024 wurde die Praxis angegriffen', prose]), null);
  assert.equal(day(['Lücke in Praxissoftware', 'Ergebnis 12 / 06 / 20', prose]), null);
  const history = ['Advice on patches', english, english, english, 'Changes', '• 20 January 2020, 18:11: News item updated.', '• 19 January 2020, 22:00: First version of this news item published.'];
  assert.equal(day(history), '2020-01-19');
});

test('slash dates: month first on English pages, day first on German ones, two-digit years only on a line of their own', () => {
  assert.equal(day(['09/05/18', 'Configuration of devices', english]), '2018-09-05');
  assert.equal(day(['12/03/2024', 'Lücke in Praxissoftware', prose]), '2024-03-12');
  assert.equal(day(['Advisory', '• Guidance for investigating attacks - Microsoft Security Blog - Published 24/03/23', english]), null);
});

test("a text copy's footer stamp dates the page below its related list; a page's JSON-LD, entry header and h2 headline too", () => {
  const text = ['Docs', 'Backup policy', english, '', 'Related Topics', 'Creating Jobs', '', 'Page updated 6/19/2024', '© 2024 Vendor'].join('\n');
  assert.equal(readText(text).publishedAt?.toISOString().slice(0, 10), '2024-06-19');
  const body = `<p>${prose}</p><p>${prose}</p>`;
  const ld = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-12T08:00:00+01:00"}</script></head><body><article><h1>Lücke</h1>${body}</article></body></html>`;
  assert.equal(readPage(ld).publishedAt?.toISOString().slice(0, 10), '2024-03-12');
  const header = `<html><body><header class="entry-header"><h1>Kritische Lücke</h1><span class="date">12.03.2024</span></header><article>${body}</article></body></html>`;
  assert.equal(readPage(header).publishedAt?.toISOString().slice(0, 10), '2024-03-12');
  const h2 = `<html><body><article><div class="news-date">12.03.2024</div><h2>Kritische Lücke in Praxissoftware</h2>${body}</article></body></html>`;
  const page = readPage(h2);
  assert.equal(page.title, 'Kritische Lücke in Praxissoftware');
  assert.equal(page.publishedAt?.toISOString().slice(0, 10), '2024-03-12');
});

test("a page without article: the dateline Readability takes out as a byline still dates it", () => {
  const body = `<p>${prose} ${prose}</p><p>${prose} ${prose}</p><p>${prose}</p>`;
  const page = (line: string) =>
    `<html><body><nav><a href="/">Start</a> <a href="/presse">Presse</a></nav><div class="press"><h1>Wichtige Information zum Kartenterminal</h1><p class="dateline">${line}</p>${body}</div><footer>© Hersteller</footer></body></html>`;
  assert.equal(readPage(page('Flintbek — 16 / 06 / 2022')).publishedAt?.toISOString().slice(0, 10), '2022-06-16');
  // A byline without a date dates nothing, and a date in the body is an event.
  const authorOnly = page('Von Anna Beispiel').replace('</p><p>', '</p><p>Am 12.03.2024 wurde die Lücke bekannt.</p><p>');
  assert.equal(readPage(authorOnly).publishedAt, null);
});

