import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cvssInGerman, cvssSeverity, readCvss } from '../src/normalize/cvss.js';

const inGerman = (vector: string, score?: number) => {
  const reading = readCvss(vector, score);
  assert.ok(reading, vector);
  return cvssInGerman(reading);
};

test('the usual network vulnerability reads as the editor would say it', () => {
  assert.equal(
    inGerman('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5),
    '7,5 (hoch), aus dem Netz ausnutzbar, ohne Anmeldung, ohne Mitwirkung eines Nutzers; Angreifer können Daten auslesen',
  );
});

test('every metric value of CVSS 3.x has its words; the unremarkable ones stay silent', () => {
  assert.equal(
    inGerman('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1),
    '8,1 (hoch), aus dem Netz ausnutzbar, nur unter besonderen Bedingungen, ohne Anmeldung, ohne Mitwirkung eines Nutzers; Angreifer können Daten auslesen, Daten verändern und das System lahmlegen',
  );
  assert.equal(
    inGerman('CVSS:3.0/AV:A/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N', 5.4),
    '5,4 (mittel), nur aus demselben lokalen Netz ausnutzbar, mit einem einfachen Benutzerkonto, nur wenn ein Nutzer mitwirkt (etwa einen Link öffnet), wirkt über das betroffene Programm hinaus; Angreifer können einzelne Daten auslesen und einzelne Daten verändern',
  );
  assert.equal(inGerman('CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:N/I:N/A:L'), 'nur mit Zugang zum Gerät ausnutzbar, nur mit Administratorrechten, ohne Mitwirkung eines Nutzers; Angreifer können das System stören');
  assert.equal(inGerman('CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0), '0,0 (niedrig), nur mit direktem Zugriff auf die Hardware ausnutzbar, ohne Anmeldung, ohne Mitwirkung eines Nutzers');
});

test('the score gets the rating of the CVSS specification', () => {
  assert.deepEqual([9.8, 9.0, 8.9, 7.0, 6.9, 4.0, 3.9, 0.1].map(cvssSeverity), ['kritisch', 'kritisch', 'hoch', 'hoch', 'mittel', 'mittel', 'niedrig', 'niedrig']);
});

test('a CVSS 2 vector, a missing metric or an unknown value is not read at all', () => {
  assert.equal(readCvss('AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5), null);
  assert.equal(readCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 9.1), null);
  assert.equal(readCvss('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8), null);
  assert.equal(readCvss('', 5), null);
});
