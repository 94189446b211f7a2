import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { findActions } from '../src/normalize/actions.js';
import { extractDocument } from '../src/normalize/document.js';
import { compileCatalog } from '../src/normalize/products.js';
import { germanPhrase } from '../src/normalize/english-actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 13: English advice on everyday hygiene (what staff should not do with mails, links and accounts), found in
// the ninth batch's visible part. The sentences are made up for these tests; each class has negatives beside it.
const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('an English prohibition puts "nicht" before the verb, where it cannot turn into an adjective\'s negation', () => {
  // "Nicht verdächtige E-Mails öffnen" would ask to open the harmless ones.
  assert.deepEqual(actions('You must not open suspicious emails.'), ['Verdächtige E-Mails nicht öffnen']);
  assert.equal(germanPhrase('Do not open unexpected attachments'), 'Unerwartete Anhänge nicht öffnen');
  assert.equal(germanPhrase('Never reuse passwords across services'), 'Passwörter über Dienste nie wiederverwenden');
  // Before a preposition "nicht" may lead.
  assert.equal(germanPhrase('Do not click on links in unexpected emails'), 'Nicht auf Links in unerwarteten E-Mails klicken');
  assert.equal(germanPhrase('Do not reply to the email'), 'Nicht auf E-Mail antworten');
  // What is not negated keeps its order.
  assert.equal(germanPhrase('Always check the sender'), 'Immer Absender prüfen');
});

test('a negated second verb after "and" is a step of its own', () => {
  assert.deepEqual(actions('Use strong passwords and do not share accounts.'), ['Starke Passwörter verwenden', 'Konten nicht teilen']);
  assert.deepEqual(actions('Remind staff not to open attachments that arrive from personal email accounts.'), ['Anhänge von privaten E-Mail-Konten nicht öffnen']);
  // A negation that is no advice stays out.
  assert.deepEqual(actions('Attackers do not need to share accounts to get in.'), []);
});

test('"click" is a step for links and attachments, not for the buttons of a how-to', () => {
  assert.equal(germanPhrase('Do not click links in unexpected emails'), 'Links in unerwarteten E-Mails nicht anklicken');
  assert.equal(germanPhrase("Click 'Operating System'"), null);
  assert.equal(germanPhrase('Click Update System'), null);
});

test('"IT" is information technology, and phone systems are Telefonanlagen', () => {
  assert.equal(germanPhrase('Call your IT technician'), 'IT-Techniker anrufen');
  assert.equal(germanPhrase('Do not connect phone systems to the network'), 'Telefonanlagen mit dem Netzwerk nicht verbinden');
  // The pronoun still is one.
  assert.equal(germanPhrase('Install it'), null);
});

test('two polite imperatives joined by ", und" are two steps; a how-to click after it is none', () => {
  assert.deepEqual(actions('Trennen Sie das Gerät vom WAN, und nutzen Sie VPN.'), ['Das Gerät vom WAN trennen', 'VPN nutzen']);
  // A pronoun for the second's object is the first's object.
  assert.deepEqual(actions('Schulen Sie Ihr Praxisteam regelmäßig, und sensibilisieren Sie es für Phishing.'), ['Ihr Praxisteam regelmäßig schulen', 'Ihr Praxisteam für Phishing sensibilisieren']);
  // One that points into an object clause keeps the two together.
  assert.deepEqual(actions('Prüfen Sie, ob der Patch installiert ist, und spielen Sie ihn andernfalls ein.'), ['Prüfen, ob der Patch installiert ist, und ihn andernfalls einspielen']);
  assert.deepEqual(actions('Öffnen Sie die Einstellungen, und klicken Sie auf „Update“.'), ['Die Einstellungen öffnen']);
});

test('the practice staff as the subject behind the modal; as a passive\'s object they are the ones trained', () => {
  assert.deepEqual(actions('Wenn jemand anruft, sollten Praxismitarbeiter sofort auflegen.'), ['Sofort auflegen, wenn jemand anruft']);
  assert.deepEqual(actions('Unter keinen Umständen sollten Mitarbeiter den Anhang öffnen.'), ['Unter keinen Umständen den Anhang öffnen']);
  assert.deepEqual(actions('Deshalb sollten die Mitarbeiter regelmäßig geschult werden.'), ['Die Mitarbeiter regelmäßig schulen']);
  // Another firm's staff are not the practice's.
  assert.deepEqual(actions('Dann sollten Mitarbeiter der Firma den Fehler beheben.'), []);
});

test('a condition with its verb first keeps German order: particle joined, verb before a relative clause', () => {
  assert.deepEqual(actions('Meldet sich jemand, der vor Viren warnt, sollten Praxen sofort auflegen.'), ['Sofort auflegen, falls sich jemand meldet, der vor Viren warnt']);
  assert.deepEqual(actions('Meldet sich jemand, sollten Praxismitarbeiter sofort auflegen.'), ['Sofort auflegen, falls sich jemand meldet']);
  assert.deepEqual(actions('Ruft jemand an, sollten Sie auflegen.'), ['Auflegen, falls jemand anruft']);
  assert.deepEqual(actions('Ist das Update installiert, sollten Sie neu starten.'), ['Neu starten, falls das Update installiert ist']);
});

test('English backup advice: frequent backups are made, offline ones kept; a clause the table cannot carry is left out', () => {
  assert.deepEqual(actions('Medical practices must keep frequent backups.'), ['Häufige Backups anlegen']);
  assert.deepEqual(actions('Practices should consider keeping backups offline, where they cannot be reached from the network.'), ['Backups offline aufbewahren']);
  // A condition after a colon ends the object.
  assert.equal(germanPhrase('Open the management console: if it reports a risk, act'), 'Verwaltungsoberfläche öffnen');
});

test('what a notice advises against is a step with "nicht", never the deed itself', () => {
  assert.deepEqual(actions('The FBI does not recommend paying a ransom if your practice falls victim to ransomware.'), ['Lösegeld nicht zahlen']);
  assert.deepEqual(actions('We do not recommend that users disable the firewall.'), ['Firewall nicht deaktivieren']);
  assert.deepEqual(actions('We recommend that users enable the firewall.'), ['Firewall aktivieren']);
});

test('clauses that only look like advice: a modal closing a subordinate clause, holding a mail for true, a reflexive object', () => {
  assert.deepEqual(actions('Weist Sie der Anbieter darauf hin, dass Sie eine Software benutzen müssen (z. B. das Programm „CardAssist“), dürfen Sie diesen Hinweis ignorieren.'), []);
  // The modal of the main clause still counts.
  assert.deepEqual(actions('Weil der Anbieter das Update verteilt, müssen Sie den Konnektor neu starten.'), ['Den Konnektor neu starten']);
  assert.deepEqual(actions('Halten Sie eine Mail trotzdem für echt, fragen Sie vor dem Öffnen des Anhangs beim Absender nach.'), [
    'Vor dem Öffnen des Anhangs beim Absender nachfragen, falls Sie eine Mail trotzdem für echt halten',
  ]);
  assert.deepEqual(actions('Halten Sie die Software aktuell, prüfen Sie die Logs.'), ['Die Software aktuell halten', 'Die Logs prüfen']);
  assert.equal(germanPhrase('Protect themselves against the ongoing attacks'), null);
  assert.equal(germanPhrase('Enable multi-factor authentication (MFA): require MFA for every SSLVPN user'), 'Multi-Faktor-Authentifizierung aktivieren');
});

test('English addressees: "your medical facility", "dental clinics"', async () => {
  const tip = (await extractDocument(matcher, 'Email Phishing Tip\n\nPhishing attacks succeed because of human behavior. When in doubt about an email, call the source, e.g. the software vendor used in your medical facility. When in doubt, delete it.', { format: 'text' }))[0]!;
  assert.equal(tip.relevant, true, tip.relevanceReason);
  // Phishing advice with no one of the field addressed stays out.
  const consumer = (await extractDocument(matcher, 'Email Phishing Tip\n\nPhishing attacks succeed because of human behavior. When in doubt about an email from your bank, call the bank. When in doubt, delete it.', { format: 'text' }))[0]!;
  assert.equal(consumer.relevant, false, consumer.relevanceReason);
});

test('"tells users to" is advice; a maker\'s warning on a security appliance with a step is relevant', async () => {
  assert.deepEqual(actions('Because the risk is serious, the vendor tells users to install the patches immediately.'), ['Patches sofort einspielen']);
  assert.deepEqual(actions('The vendor told reporters that the patches are ready.'), []);
  const asa = (await extractDocument(matcher, 'Vulnerable Cisco Devices Exploited\n\nAttackers exploit a vulnerability in the Adaptive Security Appliance (ASA). Cisco urges every company using Cisco devices to download the latest patches immediately.', { format: 'text' }))[0]!;
  assert.equal(asa.relevant, true, asa.relevanceReason);
  // A hole in a data centre's gear with no device a practice runs stays out.
  const dc = (await extractDocument(matcher, 'Vulnerable Storage Arrays Exploited\n\nAttackers exploit a vulnerability in enterprise storage arrays. The vendor urges every company using them to download the latest patches immediately.', { format: 'text' }))[0]!;
  assert.equal(dc.relevant, false, dc.relevanceReason);
});

test('a name its maker writes in capitals from plain words is those words in English or with an ending of its own', async () => {
  const products = async (text: string) => (await extractDocument(matcher, text, { format: 'text' }))[0]!.products.map((p) => p.id);
  assert.deepEqual(await products('Ransomware warning\n\nRansomware attacks target practices. Phishing Emails Targeting Medical Offices are common. Keep backups offline.'), []);
  assert.deepEqual(await products('Sicherheitslücke in MEDICAL OFFICE\n\nEin Update für MEDICAL OFFICE ist da. Praxen sollten das Update einspielen.'), ['indamed-medical-office']);
  // Beside its maker's name, any spelling is the product.
  assert.deepEqual(await products('Sicherheitslücke in Medical Office\n\nIndamed hat ein Update für Medical Office veröffentlicht. Praxen sollten das Update einspielen.'), ['indamed-medical-office']);
  assert.deepEqual(await products('Lücke in Data Vital\n\nPraxen sollten das Update für Data Vital einspielen.'), ['cgm-data-vital']);
});

test('English duties: "requires that staff are trained" is the training; risk and threat analyses are German compounds', () => {
  assert.deepEqual(actions('HIPAA also requires that every member of staff is trained in security awareness.'), ['Alle Mitarbeitenden in Sicherheitsbewusstsein schulen']);
  assert.deepEqual(actions('Practices must carry out a risk assessment.'), ['Risikobewertung durchführen']);
  assert.deepEqual(actions('After patching, carry out a proactive threat assessment to confirm that nothing was exploited.'), ['Proaktive Bedrohungsanalyse durchführen']);
  // What a law requires of others is no step of the practice.
  assert.deepEqual(actions('The law requires that vendors are registered.'), []);
});

test('"Sehen Sie sich X genau an" is a step of checking; looking at the publisher\'s own video or checklist is a pointer', () => {
  assert.deepEqual(actions('Sehen Sie sich die Angaben zum Absender genau an – Abweichungen sind ein Hinweis auf Betrug.'), ['Sich die Angaben zum Absender genau ansehen']);
  assert.deepEqual(actions('Sehen Sie sich unser Video an.'), []);
  assert.deepEqual(actions('Sehen Sie sich dazu auch unsere Checkliste an.'), []);
});

test('a list item led by a short instruction as its label; best practices; the impersonal passive of a fake site', () => {
  assert.deepEqual(actions('Update firmware: Update your device to the latest firmware version immediately.'), ['Gerät auf neueste Firmware-Version sofort aktualisieren']);
  assert.deepEqual(actions('Review the security best practices.'), ['Bewährte Sicherheitsverfahren überprüfen']);
  assert.deepEqual(actions('An einer bestimmten Stelle wird man dann gebeten, seine Zugangsdaten einzugeben.'), []);
  // The notice's own request stays advice.
  assert.deepEqual(actions('Die KV bittet die Praxen, ihre Zugangsdaten zu ändern.').length, 1);
});

test('"make sure that X is Y" in German order, only when every word is carried over', () => {
  // Since round 15 a passive of a verb of the table is the deed itself (extract-round15.test.ts).
  assert.deepEqual(actions('Make sure your backups are tested.'), ['Backups testen']);
  assert.deepEqual(actions('Practices should make sure that all devices are updated.'), ['Alle Geräte aktualisieren']);
  assert.equal(germanPhrase('make sure that remote access is disabled'), 'Fernzugriff deaktivieren');
  assert.equal(germanPhrase('make sure that your backups are offline'), 'Sicherstellen, dass Backups offline sind');
  // Words the table does not know: nothing rather than half English.
  assert.deepEqual(actions('Make sure your Business Continuity arrangements are in place and tested.'), []);
});
