import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { impliedUpdates } from '../src/normalize/implied-actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 11: classes found by a marker audit of public pages outside both splits of the real corpus (sentences with
// "sollte", "darf", "ist … zu", "empfiehlt" … that gave no action). The sentences are made up for these tests; each
// class has negatives beside it.
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('"darf/dürfen" with a negation or "nur" forbids or restricts; without one it only permits', () => {
  assert.deepEqual(actions('Zugangsdaten dürfen niemals per Telefon weitergegeben werden.'), ['Zugangsdaten niemals per Telefon weitergeben']);
  assert.deepEqual(actions('Externe Festplatten dürfen nur während der Sicherung mit dem Server verbunden werden.'), [
    'Externe Festplatten nur während der Sicherung mit dem Server verbinden',
  ]);
  assert.deepEqual(actions('Praxen dürfen keine privaten USB-Sticks an Praxisrechner anschließen.'), ['Keine privaten USB-Sticks an Praxisrechner anschließen']);
  // A permission, a report and a statement about others are no steps.
  assert.deepEqual(actions('Praxen dürfen die Software weiterhin nutzen.'), []);
  assert.deepEqual(actions('Die Daten dürfen nach Angaben des Herstellers nicht abgeflossen sein.'), []);
  assert.deepEqual(actions('Hersteller dürfen keine Updates mehr ohne Prüfung ausliefern.'), []);
});

test('an impersonal passive with "es" in front names its object behind the modal', () => {
  assert.deepEqual(actions('Es sollten keine privaten Geräte an das Praxisnetz angeschlossen werden.'), [
    'Keine privaten Geräte an das Praxisnetz anschließen',
  ]);
  assert.deepEqual(actions('Es dürfen weder Vornamen noch Geburtsdaten als Kennwort verwendet werden.'), ['Weder Vornamen noch Geburtsdaten als Kennwort verwenden']);
  // "Es" as a real subject or a report stays out.
  assert.deepEqual(actions('Es sollte in wenigen Tagen behoben werden.'), []);
  assert.deepEqual(actions('Es müssen rund 30.000 Konnektoren getauscht werden.'), []);
});

test('"Es ist … zu tun, dass/ob …" asks for the step with its object clause', () => {
  assert.deepEqual(actions('Es ist sicherzustellen, dass die Sicherungskopien getrennt vom Netz aufbewahrt werden.'), [
    'Sicherstellen, dass die Sicherungskopien getrennt vom Netz aufbewahrt werden',
  ]);
  assert.deepEqual(actions('Es ist unbedingt darauf zu achten, dass nur Mitarbeitende das Kennwort kennen.'), [
    'Unbedingt darauf achten, dass nur Mitarbeitende das Kennwort kennen',
  ]);
  assert.deepEqual(actions('Es ist zu prüfen, ob der Fernzugang noch benötigt wird.'), ['Prüfen, ob der Fernzugang noch benötigt wird']);
  // Expecting, assuming and fearing are no deeds.
  assert.deepEqual(actions('Es ist davon auszugehen, dass weitere Praxen betroffen sind.'), []);
  assert.deepEqual(actions('Es ist zu erwarten, dass die Angriffe zunehmen.'), []);
  assert.deepEqual(actions('Es ist zu befürchten, dass Daten abgeflossen sind.'), []);
});

test('a deed named by its noun with "sollte … erfolgen" becomes the verb', () => {
  assert.deepEqual(actions('Die Aufbewahrung der Sicherungsbänder sollte außerhalb der Praxis erfolgen.'), ['Die Sicherungsbänder außerhalb der Praxis aufbewahren']);
  assert.deepEqual(actions('Die Installation der Sicherheitsupdates muss umgehend erfolgen.'), ['Die Sicherheitsupdates umgehend installieren']);
  // A masculine or neuter genitive would need the noun's gender for its accusative: left alone.
  assert.deepEqual(actions('Die Installation des Patches muss umgehend erfolgen.'), []);
  assert.deepEqual(actions('Die Aktualisierung sollte zeitnah erfolgen.'), ['Zeitnah aktualisieren']);
  assert.deepEqual(actions('Die Speicherung von Kennwörtern sollte nur in einem Passwortmanager erfolgen.'), ['Kennwörter nur in einem Passwortmanager speichern']);
  // What a vendor will do, and a plan, stay out.
  assert.deepEqual(actions('Die Auslieferung des Updates soll im März erfolgen.'), []);
  assert.deepEqual(actions('Die Umstellung durch den Hersteller sollte bis Freitag erfolgen.'), []);
});

test('"o.ä." and "u.ä." do not end a sentence, so the verb behind them stays with its clause', () => {
  assert.deepEqual(
    splitSentences('Kennwörter sollten nie aus Namen, Geburtsdaten o.ä. bestehen. Dann folgt mehr.').map((s) => s.text),
    ['Kennwörter sollten nie aus Namen, Geburtsdaten o.ä. bestehen.', 'Dann folgt mehr.'],
  );
  assert.deepEqual(splitSentences('Drucker, Scanner u.ä. Geräte gehören ins eigene Netz.').length, 1);
});

test('a purpose behind "… erfolgen" goes, and an object led by its own phrase ("Vom Hersteller voreingestellte …") stays', () => {
  assert.deepEqual(actions('Die Lagerung von Sicherungskopien sollte außerhalb der Praxis erfolgen, damit ein Brand nicht alle Daten zerstört.'), [
    'Sicherungskopien außerhalb der Praxis lagern',
  ]);
  assert.deepEqual(actions('Vom Hersteller vergebene Kennwörter dürfen nicht beibehalten werden.'), ['Vom Hersteller vergebene Kennwörter nicht beibehalten']);
  // A phrase in front that is no adjective's is still a circumstance without an object.
  assert.deepEqual(actions('Vom Hersteller dürfen keine Updates mehr kommen.'), []);
});

test('a restriction is no step where it is a rule stated of the world or a second predicate of a statement', () => {
  assert.deepEqual(actions('Im Netz der Praxis dürfen Geräte nur mit freigegebener Software betrieben werden.'), []);
  assert.deepEqual(actions('Meldet die Praxis den Vorfall selbst, dürfen die Angaben nicht für ein Bußgeldverfahren verwendet werden.'), []);
  assert.deepEqual(actions('Die alten Zertifikate laufen Ende des Jahres ab bzw. dürfen danach nicht mehr genutzt werden.'), []);
  assert.deepEqual(actions('Die Karten verlieren ihre Gültigkeit und dürfen nicht mehr eingesetzt werden.'), []);
});

test('a rule about versions in general does not stand in for the update a fixed version implies', () => {
  assert.deepEqual(impliedUpdates([{ name: 'KoCoBox MED+', fixedVersion: '2.3.24' }], ['Ausschließlich zugelassene Versionen betreiben']), [
    'KoCoBox MED+ auf Version 2.3.24 aktualisieren',
  ]);
  // A check of the running version, or an update, still does.
  assert.deepEqual(impliedUpdates([{ name: 'KoCoBox MED+', fixedVersion: '2.3.24' }], ['Die installierte Version im Menü prüfen']), []);
  assert.deepEqual(impliedUpdates([{ name: 'KoCoBox MED+', fixedVersion: '2.3.24' }], ['Die Firmware einspielen']), []);
});

test('practitioners named by a compound ("Vertragsärzte", "Hausärztinnen") are the practice as subject; bodies named "ärztlich" are not', () => {
  assert.deepEqual(actions('Vertragsärzte und -psychotherapeuten sollten das Konnektor-Update zeitnah einspielen.'), ['Das Konnektor-Update zeitnah einspielen']);
  assert.deepEqual(actions('Hausärztinnen sollten die Fernwartung abschalten.'), ['Die Fernwartung abschalten']);
  assert.deepEqual(actions('Die Kassenzahnärztliche Vereinigung ist selbst betroffen und muss ihre Server neu aufsetzen.'), []);
});

test('"Der beste Schutz ist, … zu tun" gives the step', () => {
  assert.deepEqual(actions('Der beste Schutz gegen solche Angriffe ist, die Router-Firmware stets aktuell zu halten.'), ['Die Router-Firmware stets aktuell halten']);
  assert.deepEqual(actions('Die wirksamste Maßnahme ist es, Sicherungen getrennt vom Netz zu lagern.'), ['Sicherungen getrennt vom Netz lagern']);
  assert.deepEqual(actions('Der Schutz ist, dass es keinen gibt.'), []);
});

test('a list item keeps its aside in brackets; items that continue a sentence before are no steps', () => {
  assert.deepEqual(actions('Nach Ablauf des Zertifikats:\n• das Zertifikat verlängern lassen (um drei Jahre per Update)'), [
    'Das Zertifikat verlängern lassen (um drei Jahre per Update)',
  ]);
  assert.deepEqual(actions('Sobald das Zertifikat abgelaufen ist:\n• ist die Praxis nicht mehr mit der TI verbunden.\n• können die Anwendungen nicht mehr genutzt werden.'), []);
  assert.deepEqual(actions('Betroffen sind Konnektoren,\n• die nur mit RSA-Zertifikaten arbeiten (RSA-Only),\n• deren Firmware älter ist.'), []);
  // An article in front of the object still starts a step.
  assert.deepEqual(actions('Bitte beachten:\n• die neue Firmware einspielen'), ['Die neue Firmware einspielen']);
});

test('a passive duty in a relative clause is the step on the thing before it', () => {
  assert.deepEqual(actions('Viele Router bieten eine automatische Aktualisierung, die unbedingt aktiviert sein sollte.'), ['Automatische Aktualisierung unbedingt aktivieren']);
  assert.deepEqual(actions('Seit gestern gibt es ein Sicherheitsupdate, das umgehend installiert werden sollte.'), ['Sicherheitsupdate umgehend installieren']);
  assert.deepEqual(actions('Das ist ein Problem, das gelöst werden muss.'), []);
  assert.deepEqual(actions('Betroffen sind Kunden, die informiert werden sollten.'), []);
});

test('a deed done "sobald …" keeps its condition behind the step', () => {
  assert.deepEqual(actions('Die Benachrichtigung muss erfolgen, sobald die Praxis von der Panne erfährt.'), ['Benachrichtigen, sobald die Praxis von der Panne erfährt']);
});

test('English: advice to "IT administrators", "recommended that users of X apply", "consider isolating", a labelled list item', () => {
  assert.deepEqual(actions('The vendor is advising all IT administrators to install the update as soon as possible.'), ['Update schnellstmöglich einspielen']);
  assert.deepEqual(actions('The vendor recommended that users of older appliances apply the hotfix.'), ['Hotfix einspielen']);
  assert.deepEqual(actions('Administrators should consider disabling remote access.'), ['Fernzugriff deaktivieren']);
  assert.deepEqual(actions('• Network Isolation: Temporarily isolate the affected devices from the network.'), ['Vorübergehend betroffene Geräte von Netzwerk isolieren']);
  assert.deepEqual(actions('• Immediate Action: Apply the patch now.'), ['Patch jetzt einspielen']);
  // The future in the subject is not part of who.
  assert.deepEqual(actions('Customers of version 7 will need to update their software.'), ['Software aktualisieren (bei Version 7)']);
  // What the attackers "should consider" stays out, and a vendor's advice to itself too.
  assert.deepEqual(actions('Attackers should consider exploiting the flaw.'), []);
});
