import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englishActions, germanPhrase } from '../src/normalize/english-actions.js';
import { findActions } from '../src/normalize/actions.js';
import { assessRelevance } from '../src/normalize/relevance.js';
import { readText } from '../src/normalize/document.js';
import { findSeverity } from '../src/normalize/severity.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 15. The sentences are made up for these tests; each class has negatives beside it.
const severity = (text: string) => findSeverity(splitSentences(text)).severity;

test('a flaw called critical is rated so with a few words between: "a critical access control flaw"', () => {
  assert.equal(severity('The intrusions trace back to CVE-2024-40766, a critical access control flaw fixed in August.'), 'kritisch');
  assert.equal(severity('Microsoft fixed a critical SQL Server flaw this month.'), 'kritisch');
  assert.equal(severity('Die Hersteller schließen eine kritische Zero-Day-Lücke im Webinterface.'), 'kritisch');
  assert.equal(severity('Es handelt sich um eine kritische, aktiv ausgenutzte Schwachstelle.'), 'kritisch');
  // Not about a flaw: critical systems that have one, a critical look at the settings, a verb between.
  assert.equal(severity('Critical systems have a flaw in their backup routine.'), 'unbekannt');
  assert.equal(severity('Prüfen Sie kritisch, ob Fehler in der Konfiguration stecken.'), 'unbekannt');
  assert.equal(severity('Critical infrastructure operators reported the incident.'), 'unbekannt');
});

test('an English imperative to fix, or an encouragement, is advice to the reader: "immediately" rates it high', () => {
  assert.equal(severity('Update your device to the latest firmware version immediately.'), 'hoch');
  assert.equal(severity('Organisations are strongly encouraged to patch immediately.'), 'hoch');
  // What the vendor did at once, or a story, is no advice.
  assert.equal(severity('The vendor immediately started an investigation.'), 'unbekannt');
  assert.equal(severity('Updates were immediately available for all models.'), 'unbekannt');
});

test('"zeitnah" for what a vendor will release, or for an appointment offered, rates nothing', () => {
  assert.equal(severity('Der Hersteller bereitet ein Update vor, das zeitnah erscheinen und von der gematik freigegeben werden soll.'), 'unbekannt');
  assert.equal(severity('Wenden Sie sich an unser Supportteam und vereinbaren Sie einen zeitnahen Termin.'), 'unbekannt');
  // Said of the practice's step it still does.
  assert.equal(severity('Praxen sollten das Update zeitnah einspielen.'), 'mittel');
  assert.equal(severity('Bitte sorgen Sie für eine zeitnahe Aktualisierung der Konnektoren.'), 'mittel');
});

test('English guidance verbs with a preposition put it before the object: "watch out for", "take care with", "beware of"', () => {
  assert.deepEqual(englishActions('Watch out for unexpected attachments.', true), ['Auf unerwartete Anhänge achten']);
  assert.deepEqual(englishActions('Be careful with links in emails.', true), ['Bei Links in E-Mails vorsichtig sein']);
  assert.deepEqual(englishActions('Beware of phishing emails.', true), ['Sich vor Phishing-E-Mails hüten']);
  assert.equal(germanPhrase('Manage privileged accounts carefully'), 'Privilegierte Konten sorgfältig verwalten');
  assert.equal(germanPhrase('Develop an incident response plan'), 'Notfallplan erstellen');
  // A list's heading, and how-to steps that explain another step, are none.
  assert.equal(englishActions('Watch out for these types of phishing attacks:', true)?.length ?? 0, 0);
  assert.equal(englishActions('Sign in to QTS or QuTS hero as an administrator.', true)?.length ?? 0, 0);
  assert.equal(englishActions('Write down the model name and the firmware version.', true)?.length ?? 0, 0);
});

test('a label before an English instruction goes, in any case and with an abbreviation in brackets', () => {
  assert.deepEqual(englishActions('Multifactor Authentication (MFA): Turn on MFA for all websites and applications your practice uses.', false), ['MFA für alle Websites und Anwendungen aktivieren']);
  assert.deepEqual(englishActions('SSLVPN access: allow SSLVPN only from trusted sources.', true), ['SSLVPN nur von vertrauenswürdigen Quellen zulassen']);
  // A label that is an instruction itself stays the step; a label before a statement gives none.
  assert.deepEqual(englishActions('Enable multi-factor authentication (MFA): require MFA for every SSLVPN user.', true), ['Multi-Faktor-Authentifizierung aktivieren']);
  assert.equal(englishActions('Note: update is available for all models.', true)?.length ?? 0, 0);
});

test('two English verbs before one object are one step; a heading of two verbs without an object is none', () => {
  assert.deepEqual(englishActions('Update and patch all systems regularly so that security vulnerabilities are closed.', true), ['Alle Systeme regelmäßig aktualisieren und patchen']);
  assert.equal(englishActions('Patch and hunt', true)?.length ?? 0, 0);
  assert.equal(englishActions('Update and Security settings are shown.', true)?.length ?? 0, 0);
});

test('English terms as written: multi-factor stays multi-factor, MFA stays MFA; a setting for another deed is left out', () => {
  assert.equal(germanPhrase('Enable two-factor authentication'), 'Zwei-Faktor-Authentifizierung aktivieren');
  assert.equal(germanPhrase('Enable multi-factor authentication'), 'Multi-Faktor-Authentifizierung aktivieren');
  assert.equal(germanPhrase('Switch off internet access to the NAS'), 'Internetzugang auf NAS abschalten');
  assert.equal(germanPhrase('Report any concerns to the Service Desk'), 'Alle Bedenken an Servicedesk melden');
  assert.equal(englishActions('Do not set your email program to open attachments automatically.', true)?.length ?? 0, 0);
  assert.deepEqual(englishActions('Set antivirus tools to update automatically.', true), ['Virenschutzprogramme auf automatische Updates einstellen']);
});

test('a priority label rates like a severity label; a patch or update called critical is critical', () => {
  assert.equal(severity('Priority: Critical'), 'kritisch');
  assert.equal(severity('Priorität: hoch'), 'hoch');
  assert.equal(severity('Please review and deploy this critical patch as well.'), 'kritisch');
  // A priority in prose, and critical updates that no longer come, rate nothing.
  assert.equal(severity('Our priority is high availability.'), 'unbekannt');
  assert.equal(severity('Microsoft will no longer ship critical updates for Windows 10.'), 'unbekannt');
  assert.equal(severity('Windows 10 receives no critical security updates after October.'), 'unbekannt');
});

test('English clauses the table reads as one word: things you do not use or trust, "wherever you can", "until further notice"', () => {
  assert.deepEqual(englishActions('Always disable services and protocols you do not use', true), ['Immer ungenutzte Dienste und Protokolle deaktivieren']);
  assert.deepEqual(englishActions('Install and run only applications you trust on your systems', true), ['Nur vertrauenswürdige Anwendungen auf Systemen installieren und einsetzen']);
  assert.deepEqual(englishActions('Use Access Control Lists wherever you can', true), ['Access-Control-Lists wo immer möglich verwenden']);
  assert.deepEqual(englishActions('Enable brute force protection in the management settings', true), ['Brute-Force-Schutz in Verwaltungseinstellungen aktivieren']);
  assert.deepEqual(englishActions('Disable the SSLVPN service and, until further notice, limit connectivity to trusted IP addresses.', true), [
    'SSLVPN-Dienst deaktivieren und Verbindungen auf vertrauenswürdige IP-Adressen einschränken',
  ]);
  assert.deepEqual(englishActions('Test your recovery before you need it.', true), ['Wiederherstellung testen']);
  // "Use 2FA" names a thing; "Update 5.2 is out" is a version, no step.
  assert.deepEqual(englishActions('Use 2FA for user authentication', true), ['2FA für Benutzerauthentifizierung verwenden']);
  assert.equal(englishActions('Update 5.2 is out for all models.', true)?.length ?? 0, 0);
});

const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('a condition with its verb first may start with a phrase of place, and two such verbs each go to their end', () => {
  assert.deepEqual(
    actions('Erscheint beim Aufruf des Dashboards eine Warnmeldung oder taucht im Ressourcenmonitor ein Prozess namens synosync auf, sollen Nutzer ihr NAS sofort ausschalten.'),
    ['Ihr NAS sofort ausschalten, falls beim Aufruf des Dashboards eine Warnmeldung erscheint oder im Ressourcenmonitor ein Prozess namens synosync auftaucht'],
  );
  assert.deepEqual(actions('Ruft jemand an und fragt nach dem Passwort, sollten Sie auflegen.'), ['Auflegen, falls jemand anruft und nach dem Passwort fragt']);
  assert.deepEqual(actions('Fehlt das Update oder meldet die Software einen Fehler, sollten Praxen den Support kontaktieren.'), ['Den Support kontaktieren, falls das Update fehlt oder die Software einen Fehler meldet']);
  // "oder nicht" is no second verb.
  assert.deepEqual(actions('Ist unklar, ob der Konnektor läuft oder nicht, sollten Sie den Dienstleister anrufen.'), ['Den Dienstleister anrufen, falls unklar ist, ob der Konnektor läuft oder nicht']);
});

test('"die Teams" behind a modal are the practice teams; the teams of a maker are not', () => {
  assert.deepEqual(actions('Wenn Schadsoftware die Praxis-IT befallen hat, sollten die Teams die Passwörter ändern.'), ['Die Passwörter ändern, wenn Schadsoftware die Praxis-IT befallen hat']);
  assert.deepEqual(actions('Die Teams der Hersteller sollten die Lücke schließen.'), []);
});

test('an owner\'s noun becomes a compound, "as well as" is "sowie", and "upgrade it to" keeps the version without the pronoun', () => {
  assert.equal(germanPhrase("update the router's admin passwords as well as all VPN passwords"), 'Router-Administratorpasswörter sowie alle VPN-Passwörter aktualisieren');
  assert.equal(germanPhrase("Check the manufacturer's website regularly for firmware updates"), 'Herstellerwebsite regelmäßig für Firmware-Updates prüfen');
  assert.equal(germanPhrase('apply mitigations per vendor instructions'), 'Schutzmaßnahmen gemäß Anbieteranweisungen umsetzen');
  assert.equal(germanPhrase('upgrade it to firmware 3.9.6.3 or later as soon as possible'), 'Auf Firmware 3.9.6.3 oder neuer schnellstmöglich aktualisieren');
  // A pronoun alone is still no object.
  assert.equal(germanPhrase('update it'), null);
  assert.equal(germanPhrase('change them there as well'), null);
});

test('an English verb in the third person, or a function word in capitals, shows a clause the table did not understand', () => {
  assert.equal(germanPhrase('check that the web interface now reports the new firmware version'), null);
  assert.equal(germanPhrase('Assess risk immediately and determine WHETHER key suppliers are affected'), null);
  // A German step with a noun left as written stays.
  assert.equal(germanPhrase('Replace the default self-signed security certificates'), 'Standard selbstsignierte Sicherheitszertifikate ersetzen');
});

test('a relative clause with the reader\'s pronoun stays with its step; a list item told about someone else is none', () => {
  assert.deepEqual(actions('Installieren Sie niemals Software, die Ihnen Unbekannte anbieten.'), ['Niemals Software installieren, die Ihnen Unbekannte anbieten']);
  assert.deepEqual(actions('• Manchmal verlangen sie sogar, dass die Angerufenen eine Software auf ihrem Computer installieren.'), []);
  // Two steps after a comma are still two.
  assert.deepEqual(actions('• Firmware prüfen'), ['Firmware prüfen']);
});

test('"make sure X is done" is the deed itself: "Backups regelmäßig testen", not a clause in English order', () => {
  assert.deepEqual(englishActions('Make sure your backups are tested regularly.', true), ['Backups regelmäßig testen']);
  assert.deepEqual(englishActions('Make sure the firewall is configured correctly.', true), ['Firewall korrekt konfigurieren']);
  assert.deepEqual(englishActions('Make sure your locums have been briefed on cyber security.', true), ['Vertretungsärzte auf IT-Sicherheit unterweisen']);
  // A headline that starts with "Brief" asks for nothing.
  assert.equal(englishActions('Brief Statement Regarding Issues Found with FortiOS', true)?.length ?? 0, 0);
});

test('"every app" is all apps in German, and a thing placed somewhere gets its participle in front', () => {
  assert.deepEqual(englishActions('Update every app installed on your NAS.', true), ['Alle auf NAS installierten Apps aktualisieren']);
  assert.deepEqual(englishActions('Back up all files stored on the server.', true), ['Alle auf Server gespeicherten Dateien sichern']);
  assert.equal(germanPhrase('Change the password of every account'), 'Passwort aller Konten ändern');
  // A noun the table has no plural for stays as written, and is then left out as English.
  assert.equal(germanPhrase('Require MFA for every SSLVPN user'), null);
});

test('printers, fax machines and backups are practice IT: a hole in them with a fix, or backup steps for practices, is relevant', () => {
  const relevant = (body: string, actions = 1) => assessRelevance({ body, products: [], actions, fixedVersion: false, nothingToDo: false }).relevant;
  assert.equal(relevant('Sicherheitslücken in Multifunktionsdruckern: Der Hersteller stellt eine neue Firmware bereit. Installieren Sie das Update.'), true);
  assert.equal(relevant('Faxgeräte als Einfallstor für Hacker: Praxen sollten die Firmware ihrer Faxgeräte aktualisieren.'), true);
  assert.equal(relevant('So können Praxen ihre Daten sichern: Erstellen Sie regelmäßig eine Datensicherung auf einer externen Festplatte.'), true);
  // A printer without a flaw, and backup talk with nothing to do, are not.
  assert.equal(relevant('Der neue Laserdrucker druckt 40 Seiten pro Minute und spart Toner.', 0), false);
  assert.equal(relevant('Praxen sichern ihre Daten heute meist in der Cloud, ergab eine Umfrage.', 0), false);
});

test('a box of other articles set into the middle of an article does not end the notice', () => {
  const page = [
    'Sicherheitslücken in Druckern: Firmware aktualisieren',
    'Der Hersteller hat für mehrere Modelle eine neue Firmware bereitgestellt, die die meisten der gefundenen Lücken schließt; Besitzer sollten sie über das Menü des Geräts einspielen.',
    'MEHR ZUM THEMA',
    'Kritische Lücken gefährden zahlreiche Smartphones',
    'So erkennen Sie gefälschte Rechnungen',
    'Die gefährlichste Lücke',
    'Die gefährlichste der gefundenen Schwachstellen, CVE-2024-51978, kann kein Update beheben, weil die Geräte mit einem voreingestellten Kennwort ausgeliefert werden, das sich aus der Seriennummer ableiten lässt.',
    'Kommentare (3)',
    'Ein Leser schreibt, dass er seinen Drucker schon lange nicht mehr aktualisiert habe und das jetzt sofort nachholen werde, weil er sich Sorgen um seine Daten mache.',
  ].join('\n');
  const { text } = readText(page);
  assert.match(text, /CVE-2024-51978/);
  assert.doesNotMatch(text, /Smartphones/);
  // The comments below still end it; so does a box with nothing after it.
  assert.doesNotMatch(text, /Ein Leser/);
  assert.doesNotMatch(readText(page.split('\n').slice(0, 6).join('\n')).text, /Smartphones/);
});

test('a forbidden step keeps the clause that narrows what is forbidden, or is left out', () => {
  // Without "that are easy to guess" the step would forbid every username.
  assert.deepEqual(englishActions('Do NOT use usernames and passwords that are easy to guess, such as user1 or dictionary words.', true), ['Leicht zu erratende Benutzernamen und Passwörter nicht verwenden']);
  assert.deepEqual(englishActions('Do not open attachments that come from unknown senders.', true), ['Anhänge von unbekannten Absendern nicht öffnen']);
  assert.equal(englishActions('Do not use passwords which you use elsewhere.', true), null);
  // Not forbidden: the clause may go.
  assert.deepEqual(englishActions('Use strong passwords that are hard to guess.', true), ['Starke Passwörter verwenden']);
});

test('"put X in place" introduces X, and what follows a colon after the step says how', () => {
  assert.deepEqual(englishActions('Put an Account Lock-out Policy in place: lock the account for 30 minutes or longer after 3 failed attempts.', true), ['Kontosperrrichtlinie umsetzen']);
  assert.equal(germanPhrase('Implement software restriction policies or other controls'), 'Software-Einschränkungsrichtlinien oder andere Kontrollen umsetzen');
});

test('advice in the passive with an adverb before "be", and "it is just as important to …"', () => {
  assert.deepEqual(englishActions('The setup instructions must always be followed.', true), ['Einrichtungsanleitung befolgen']);
  assert.deepEqual(englishActions('It is just as important to keep your PACS system up to date.', true), ['PACS-System aktualisieren']);
  // What the flaw is, in the same shape, is no advice.
  assert.equal(englishActions('It is important that the vulnerability is fixed.', true), null);
});

test('a step before a semicolon, with its reason after it, is found; a statement before one is not a step', () => {
  assert.deepEqual(actions('In diesem Fall muss DSM 4.3 neu installiert werden; nur dann entfernt das Betriebssystem die Reste einer Infektion.'), ['In diesem Fall DSM 4.3 neu installieren']);
  assert.deepEqual(actions('Die Lücke ist bekannt; der Hersteller arbeitet an einem Update.'), []);
});

test('a duty said in a dass-clause keeps its step when a purpose follows it', () => {
  assert.deepEqual(actions('Die gematik weist darauf hin, dass diese Datei zwingend manuell eingespielt werden muss, damit die Störung behoben wird.'), ['Diese Datei zwingend manuell einspielen']);
  // Another comma inside the clause still leaves it out.
  assert.deepEqual(actions('Die gematik weist darauf hin, dass diese Datei, die seit gestern bereitsteht, eingespielt werden muss.'), []);
});

test('more guidance verbs and words of staff hygiene: suspicion, attention, disposal, avoiding a deed', () => {
  assert.deepEqual(englishActions('Be suspicious of urgent requests for payment.', true), ['Bei dringenden Anfragen für Zahlung misstrauisch sein']);
  assert.deepEqual(englishActions('Keep an eye on unusual activity.', true), ['Ungewöhnliche Aktivität im Blick behalten']);
  assert.deepEqual(englishActions('Dispose of old hard drives securely.', true), ['Alte Festplatten sicher entsorgen']);
  assert.deepEqual(englishActions('Hover over links to see the real address.', true), ['Mit dem Mauszeiger auf Links zeigen']);
  assert.deepEqual(englishActions('Refrain from opening attachments from unknown senders.', true), ['Anhänge von unbekannten Absendern nicht öffnen']);
  assert.deepEqual(englishActions('Staff should avoid clicking links in unexpected emails.', false), ['Links in unerwarteten E-Mails nicht anklicken']);
  assert.deepEqual(englishActions('Never send bank details by email.', true), ['Bankdaten per E-Mail nie senden']);
  // "Keep" alone still keeps: the longest verb that starts the phrase is the one meant.
  assert.deepEqual(englishActions('Keep backups offline.', true), ['Backups offline aufbewahren']);
});
