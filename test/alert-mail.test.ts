import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderAlert, type AlertData } from '../src/notify/templates/alert.js';

const base: AlertData = {
  practiceName: 'Praxis Dr. Sommer',
  title: 'Datenleck in Digitalisierungsboxen',
  summary: 'Beim Einrichten einer Portweiterleitung wurden benachbarte Ports geöffnet.',
  severity: 'hoch',
  publishedAt: new Date('2019-11-15T11:00:00Z'),
  products: [{ name: 'Digitalisierungsbox Premium', fixedVersion: '11.01.02.102' }],
  actions: ['Firmware-Version prüfen', 'Firmware auf Version 11.01.02.102 aktualisieren'],
  sources: [{ publisher: 'DGN', title: 'Datenleck', url: 'https://www.dgn.de/x/', publishedAt: new Date('2019-11-15T11:00:00Z') }],
  subscribedProducts: ['Digitalisierungsbox Premium'],
  unsubscribeUrl: 'https://praxiswarn.test/abmelden/t',
  operatorName: 'praxiswarn',
};

test('the alert names product and main action in the subject and lists the actions numbered, in German', () => {
  const mail = renderAlert(base);
  assert.equal(mail.subject, '[Hoch] Digitalisierungsbox Premium: Firmware auf Version 11.01.02.102 aktualisieren');
  assert.match(mail.text, /Sicherheitshinweis vom 15\. November 2019/);
  assert.match(mail.text, /Was Sie jetzt tun sollten:\n1\. Firmware-Version prüfen\n2\. Firmware auf Version 11\.01\.02\.102 aktualisieren/);
  assert.match(mail.text, /Digitalisierungsbox Premium \(behoben in Version 11\.01\.02\.102\)/);
  assert.match(mail.text, /Abmelden: https:\/\/praxiswarn\.test\/abmelden\/t/);
  assert.match(mail.html, /<ol><li>Firmware-Version prüfen<\/li>/);
});

test('scraped text is inert in the HTML mail and cannot break the subject line', () => {
  const mail = renderAlert({
    ...base,
    title: 'Warnung <script>alert(1)</script>',
    summary: '<img src=x onerror="alert(1)"> Text',
    products: [{ name: 'Box\r\nBcc: opfer@example.com', fixedVersion: null }],
    actions: ['<svg onload=alert(1)> prüfen'],
    sources: [{ publisher: 'Evil', title: 'Klick', url: 'javascript:alert(1)', publishedAt: null }],
  });
  assert.doesNotMatch(mail.html, /<script>|<img|<svg|javascript:/);
  assert.match(mail.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(mail.subject, /[\r\n]/);
  assert.doesNotMatch(mail.text, /javascript:/);
});

test('without actions the mail says so instead of showing an empty list', () => {
  const mail = renderAlert({ ...base, actions: [] });
  assert.match(mail.subject, /: neuer Sicherheitshinweis$/);
  assert.match(mail.text, /nennt keine konkreten Maßnahmen/);
});
