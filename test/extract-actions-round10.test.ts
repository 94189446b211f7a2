import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { readText } from '../src/normalize/document.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 10: classes seen on public pages outside both splits of the real corpus. The sentences are made up for these
// tests; each class has negatives beside it.
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('"man" as the subject of a modal is the reader, capitalised at the start of a sentence too', () => {
  assert.deepEqual(actions('Man sollte die Kennwörter der Praxisrechner regelmäßig ändern.'), ['Die Kennwörter der Praxisrechner regelmäßig ändern']);
  assert.deepEqual(actions('Man muss das Sicherheitsupdate sofort einspielen.'), ['Das Sicherheitsupdate sofort einspielen']);
  // Reported advice keeps working, and what can be done stays out.
  assert.deepEqual(actions('Man kann die Funktion auch später aktivieren.'), []);
});

test('what to believe or assume is no deed, whoever is told to', () => {
  assert.deepEqual(actions('Man muss davon ausgehen, dass Patientendaten abgeflossen sind.'), []);
  assert.deepEqual(actions('Praxen müssen davon ausgehen, dass die Zugangsdaten bekannt sind.'), []);
  assert.deepEqual(actions('Man muss sich bewusst sein, dass Angreifer schnell handeln.'), []);
  assert.deepEqual(actions('Man sollte meinen, dass ein Virenscanner genügt.'), []);
});

test('a passive with its participle right behind the modal and "es" for its object clause is a step to check', () => {
  assert.deepEqual(actions('Es muss geprüft werden, ob die Firewall des Routers aktiv ist.'), ['Prüfen, ob die Firewall des Routers aktiv ist']);
  assert.deepEqual(actions('Es sollte sichergestellt werden, dass die Datensicherung täglich läuft.'), ['Sicherstellen, dass die Datensicherung täglich läuft']);
  assert.deepEqual(actions('Zudem sollte überprüft werden, ob unbekannte Benutzerkonten angelegt wurden.'), ['Überprüfen, ob unbekannte Benutzerkonten angelegt wurden']);
  // Without an object clause a bare passive says nothing to do.
  assert.deepEqual(actions('Dann sollte gewartet werden.'), []);
});

test('English "prioritise patching" and "make it a priority to" lead the step with "Vorrangig"', () => {
  assert.deepEqual(actions('We urge everyone running Exchange to prioritise patching their servers.'), ['Vorrangig Server patchen']);
  assert.deepEqual(actions('Customers should make it a top priority to install the update.'), ['Vorrangig Update einspielen']);
  // Without the priority the step is as before.
  assert.deepEqual(actions('Customers should install the update.'), ['Update einspielen']);
});

test('a heading kept before its paragraph behind a colon does not hide the sentence after it', () => {
  assert.deepEqual(
    actions('Wer kümmert sich darum: Betreut ein IT-Dienstleister das Praxisnetz, sollte mit ihm vereinbart werden, dass er die Router-Updates übernimmt.'),
    ['Mit dem IT-Dienstleister vereinbaren, dass er die Router-Updates übernimmt, falls ein IT-Dienstleister das Praxisnetz betreut'],
  );
  // A sentence before the colon is no heading: its pronoun's noun stays where it was.
  assert.deepEqual(actions('Die Broschüre nennt nun auch das Praxisteam: Nach der Richtlinie muss es jährlich geschult werden.'), []);
});

test('a purpose in front of the advice goes, and so does one behind it', () => {
  assert.deepEqual(actions('Um die Praxis zu schützen, sollten Sie die Firewall des Routers aktivieren.'), ['Die Firewall des Routers aktivieren']);
  assert.deepEqual(actions('Damit keine Befunde verloren gehen, sollten Praxen täglich eine Sicherung anlegen.'), ['Täglich eine Sicherung anlegen']);
  assert.deepEqual(actions('Daher empfehlen wir, Ihren Praxisrechner zu aktualisieren, um das Portal weiter nutzen zu können.'), ['Ihren Praxisrechner aktualisieren']);
  // A condition behind it stays.
  assert.deepEqual(actions('Wir empfehlen, das Update einzuspielen, sobald es verfügbar ist.'), ['Das Update einspielen, sobald es verfügbar ist']);
});

test('what is ever harder to tell apart is a statement, not a duty', () => {
  assert.deepEqual(actions('Gefälschte Rechnungen werden derzeit massenhaft verschickt und sind immer schwerer von echten zu unterscheiden.'), []);
  assert.deepEqual(actions('Die Kennwörter der Kartenterminals sind regelmäßig zu ändern.'), ['Die Kennwörter der Kartenterminals regelmäßig ändern']);
});

test('steps joined by a bare comma are steps of their own; a relative clause after the comma is not', () => {
  assert.deepEqual(actions('• Absender genau prüfen, im Zweifel keine Anhänge öffnen und verdächtige Mails sofort löschen.'), [
    'Absender genau prüfen',
    'Im Zweifel keine Anhänge öffnen',
    'Verdächtige Mails sofort löschen',
  ]);
  assert.deepEqual(actions('Ersetzen Sie Rechner, die die Anforderungen von Windows 11 nicht erfüllen.'), ['Rechner ersetzen, die die Anforderungen von Windows 11 nicht erfüllen']);
  assert.deepEqual(actions('Deinstallieren Sie Programme, die Sie nicht benötigen.'), ['Programme deinstallieren, die Sie nicht benötigen']);
});

test('two verbs sharing one "Sie" after a first step, and a click after a step, read as the notice meant them', () => {
  assert.deepEqual(actions('Laden Sie das Installationspaket herunter, entpacken und installieren Sie es.'), ['Das Installationspaket herunterladen, entpacken und installieren']);
  // "klicken Sie auf …" is how-to behind the step, not part of its object.
  assert.deepEqual(actions('Öffnen Sie die Einstellungen des Konnektors, klicken Sie auf „Aktualisieren“.'), ['Die Einstellungen des Konnektors öffnen']);
});

test('deeds named by their nouns under an advice heading become infinitive steps', () => {
  const text = [
    'Wichtige Maßnahmen für mehr Sicherheit',
    '• Technische Absicherung: z. B. Einrichtung einer Firewall sowie das Abkoppeln der Mail-Konten vom Praxisserver.',
    '• Regelmäßige Datensicherung auf externen Festplatten',
    '• Internetnutzung nur auf einem getrennten Rechner',
    '• Sicheres Arbeiten im Alltag:',
  ].join('\n');
  assert.deepEqual(actions(text), [
    'Eine Firewall einrichten',
    'Die Mail-Konten vom Praxisserver abkoppeln',
    'Regelmäßige Datensicherung auf externen Festplatten anlegen',
    'Internet nur auf einem getrennten Rechner nutzen',
  ]);
  // Without an advice heading the same items are a description.
  assert.deepEqual(actions(['Neu in Version 5', '• Einrichtung einer Firewall', '• Verschlüsselung der Festplatten'].join('\n')), []);
  // An English condition in a list of advice is no noun phrase.
  assert.deepEqual(actions(['What you should do', '• If you used the same password elsewhere, change it there too.'].join('\n')), []);
});

test('a circumstance narrowed by its own clause stays in front of the step', () => {
  assert.deepEqual(actions('Im Falle eines Einbruchs, insbesondere wenn Patientenakten betroffen sind, sollten Sie sich mit der Meldepflicht vertraut machen.'), [
    'Im Falle eines Einbruchs, insbesondere wenn Patientenakten betroffen sind, sich mit der Meldepflicht vertraut machen',
  ]);
});

test('"wichtig, dass X eingespielt wird" is the step of doing it; what is done to people is not', () => {
  assert.deepEqual(actions('Es sei wichtig, dass das Sicherheitsupdate schnellstmöglich eingespielt wird.'), ['Das Sicherheitsupdate schnellstmöglich einspielen']);
  assert.deepEqual(actions('Wichtig ist, dass der Fernzugang gesperrt wird.'), ['Den Fernzugang sperren']);
  assert.deepEqual(actions('Wichtig ist, dass die Praxen rechtzeitig informiert werden.'), []);
});

test('a purpose after modal advice goes, and being careful stays no step whatever adverbs lead it', () => {
  assert.deepEqual(actions('Praxen sollten den Fernzugang sperren, um weitere Schäden zu vermeiden.'), ['Den Fernzugang sperren']);
  assert.deepEqual(actions('Praxen sollten den Fernzugang sperren, falls sie betroffen sind.'), ['Den Fernzugang sperren, falls sie betroffen sind']);
  assert.deepEqual(actions('Doch schon jetzt müssen Admins vorsichtig sein, um Übernahmen zu verhindern.'), []);
});

test('English: end-of-life hardware is replaced, a manager\'s order to update is the update, a summing-up phrase goes', () => {
  assert.deepEqual(actions('All that to say, if you are still using one of these routers, upgrade to a newer piece of equipment as soon as possible.'), [
    'Schnellstmöglich auf ein neueres Gerät umsteigen',
  ]);
  assert.deepEqual(actions('The vendor urges customers still using the older routers to upgrade to a supported model.'), ['Auf ein unterstütztes Gerät umsteigen']);
  assert.deepEqual(actions('Mandate an immediate update to Fireware OS for all appliances.'), ['Fireware OS für alle Appliances aktualisieren']);
  // An update to a version stays an update.
  assert.deepEqual(actions('Upgrade to version 5.2 or later.'), ['Auf Version 5.2 oder neuer aktualisieren']);
});

test('English: of two steps joined by "and", the one the table can put in German stands alone; interfaces and secrets are named in German', () => {
  assert.deepEqual(actions('Verify that no unauthorized administrative accounts have been created in the last 48 hours and rotate VPN shared secrets if possible.'), ['VPN-Schlüssel erneuern']);
  assert.deepEqual(actions('Disable the remote management interface.'), ['Fernverwaltungsoberfläche deaktivieren']);
  // Two steps for the same users: each keeps whom it is for.
  assert.deepEqual(actions('Organizations using Firebox firewalls should review their VPN configurations and apply the patch immediately.'), [
    'VPN-Konfigurationen überprüfen (bei Firebox Firewalls)',
    'Patch sofort einspielen (bei Firebox Firewalls)',
  ]);
});

test('rules pointed at and given as examples are the steps', () => {
  assert.deepEqual(
    actions('Praxen sollten daher einige Regeln beachten, zum Beispiel Sonderzeichen zu verwenden und die Kennwörter jährlich zu ändern.'),
    ['Sonderzeichen verwenden', 'Die Kennwörter jährlich ändern'],
  );
  // Without examples the rules stay the step, as editors label it ("Grundregeln beim Surfen einhalten").
  assert.deepEqual(actions('Praxen sollten beim Surfen einige Grundregeln einhalten.'), ['Beim Surfen einige Grundregeln einhalten']);
});

test('"diese Möglichkeit" names the feature the sentence before offered', () => {
  assert.deepEqual(
    actions('Fast alle Portale bieten inzwischen die Zwei-Faktor-Authentifizierung an. Nutzen Sie diese Möglichkeit, wann immer es sie gibt.'),
    ['Die Zwei-Faktor-Authentifizierung nutzen, wann immer es sie gibt'],
  );
  // Nothing offered before: the words stay as they are.
  assert.deepEqual(actions('Die Lage ist ernst. Nutzen Sie diese Möglichkeit zur Meldung.'), ['Diese Möglichkeit zur Meldung nutzen']);
});

test('"Dabei helfen regelmäßige Updates des Betriebssystems, des Browsers …": the means named as subject is the step', () => {
  assert.deepEqual(actions('Dabei helfen regelmäßige Updates des Betriebssystems, des Browsers und aller eingesetzten Programme – zusammen mit einem Virenschutz.'), [
    'Regelmäßige Updates des Betriebssystems, des Browsers und aller eingesetzten Programme einspielen',
  ]);
  // What helps an attacker is no advice.
  assert.deepEqual(actions('Dabei hilft den Tätern die Unachtsamkeit vieler Nutzer.'), []);
});

test('a condition in front of "empfehlen wir" holds for each step, and "diese" is the thing received', () => {
  assert.deepEqual(actions('„Sollten Sie eine solche Bewerbungsmail erhalten, empfehlen wir, diese gar nicht zu öffnen und Ihren IT-Betreuer zu informieren.“'), [
    'Eine solche Bewerbungsmail gar nicht öffnen',
    'Ihren IT-Betreuer informieren, falls Sie eine solche Bewerbungsmail erhalten',
  ]);
  assert.deepEqual(actions('Wenn Sie betroffen sind, empfehlen wir, die Kennwörter zu ändern.'), ['Die Kennwörter ändern, wenn Sie betroffen sind']);
});

test("what a scam message asks for is its demand, not advice, also in a \"Mitteilung\"; being careful, \"also\" or not, is no step", () => {
  assert.deepEqual(actions('In der Mitteilung versichert die Firma einen Gewinn und fordert dazu auf, den angeblichen Kontoauszug herunterzuladen.'), []);
  assert.deepEqual(actions('„Seien Sie also äußerst vorsichtig und informieren Sie auch Ihr Praxisteam.“'), ['Ihr Praxisteam informieren']);
});

test('items numbered "1.)" are a list; a lead-in to "erledigen" points at them', () => {
  assert.deepEqual(
    actions(readText(['Sicherheitshinweis für Router-Nutzer', '', 'Wer einen Router betreibt, sollte jetzt folgende Punkte erledigen:', '1.) Das bereitgestellte Update einspielen', '2.) Das Kennwort für den Fernzugang ändern'].join('\n')).text),
    ['Das bereitgestellte Update einspielen', 'Das Kennwort für den Fernzugang ändern'],
  );
});

test('the scam message\'s demand stays out also with "darin" behind the subject; "zum Anlass nehmen" is no step; "darauf hinweisen, …" keeps what to point out', () => {
  assert.deepEqual(actions('Die Empfänger werden darin gebeten, ihren Ausweis abzufotografieren und zurückzuschicken.'), []);
  assert.deepEqual(
    actions('Die Kammer empfiehlt, diesen Fall zum Anlass zu nehmen und alle Beschäftigten darauf hinzuweisen, wachsam gegenüber gefälschten E-Mails zu sein, über die Betrüger an Daten gelangen wollen.'),
    ['Alle Beschäftigten darauf hinweisen, wachsam gegenüber gefälschten E-Mails zu sein, über die Betrüger an Daten gelangen wollen'],
  );
  // Practices asked without a message in between still get the step.
  assert.deepEqual(actions('Praxen werden gebeten, die Passwörter zu ändern.'), ['Die Passwörter ändern']);
});

test('"Die Basis für wirksamen Schutz sind sichere Passwörter": the basis of protection named is the step; other bases are not', () => {
  assert.deepEqual(actions('Die Basis für wirksamen Schutz seien sichere Passwörter, so der Händler.'), ['Sichere Passwörter verwenden']);
  assert.deepEqual(actions('Die Basis für den Erfolg ist eine gute Planung.'), []);
  assert.deepEqual(actions('Den besten Schutz bieten regelmäßige Backups.'), ['Regelmäßige Backups anlegen']);
});

test('"Sehen Sie … nach, ob …" is a step of checking; a link word inside a step goes', () => {
  assert.deepEqual(actions('Sehen Sie bitte in Ihrem Posteingang und im Spam-Ordner nach, ob Ihr Kartenanbieter Ihnen geschrieben hat.'), [
    'In Ihrem Posteingang und im Spam-Ordner nachsehen, ob Ihr Kartenanbieter Ihnen geschrieben hat',
  ]);
  assert.deepEqual(actions('Tauschen Sie Ihre Karten deshalb bis spätestens 31.12.2025 aus.'), ['Ihre Karten bis spätestens 31.12.2025 austauschen']);
});

test('English: "rely on" is to use', () => {
  assert.deepEqual(actions('The company still advises users to rely on unique passwords and two-factor authentication.'), ['Eindeutige Passwörter und Zwei-Faktor-Authentifizierung verwenden']);
});

test('"Grundregeln befolgen: etwa X kombinieren und Y wechseln": the examples after the colon are the steps, a list of objects does not hide the joint', () => {
  assert.deepEqual(actions('Wer weiter mit Passwörtern arbeitet, sollte ein paar Grundregeln befolgen: etwa Ziffern, Buchstaben und Sonderzeichen kombinieren und Passwörter wechseln.'), [
    'Ziffern, Buchstaben und Sonderzeichen kombinieren, falls man weiter mit Passwörtern arbeitet',
    'Passwörter wechseln, falls man weiter mit Passwörtern arbeitet',
  ]);
  // A relative clause among the commas is no list of objects.
  assert.deepEqual(actions('• Geräte, die noch laufen, austauschen und die Firmware prüfen'), ['Geräte, die noch laufen, austauschen und die Firmware prüfen']);
});

test('a zu-infinitive behind a colon is a step; "rät zu" a plural without article names the means, in the accusative', () => {
  assert.deepEqual(actions('Ein wichtiger Baustein der Abwehr: das Praxisteam für Phishing-Mails zu sensibilisieren und entsprechend zu schulen.'), [
    'Das Praxisteam für Phishing-Mails sensibilisieren und entsprechend schulen',
  ]);
  assert.deepEqual(actions('Die Polizei rät zu Offline-Backups.'), ['Offline-Backups anlegen']);
  assert.deepEqual(actions('Die KV rät zu regelmäßigen Updates.'), ['Regelmäßige Updates einspielen']);
  assert.deepEqual(actions('Die Polizei rät zu Vorsicht.'), []);
});
