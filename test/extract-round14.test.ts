import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { findActions } from '../src/normalize/actions.js';
import { extractNotice } from '../src/normalize/extract.js';
import { compileCatalog } from '../src/normalize/products.js';
import { germanPhrase } from '../src/normalize/english-actions.js';
import { endDative, germanGrammar, markDative } from '../src/normalize/english-grammar.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 14: English steps in German an editor can keep. Word by word, "Change default passwords on all network
// devices" became "Standard Passwörter auf alle Netzwerk Geräte ändern"; German joins the nouns and puts the plural
// after "on" in the dative. The sentences are made up for these tests; each class has negatives beside it.
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('nouns side by side become one German compound: joined for German words, hyphenated for loans and acronyms', () => {
  assert.equal(germanPhrase('Change default passwords on all network devices'), 'Standardpasswörter auf allen Netzwerkgeräten ändern');
  assert.equal(germanPhrase('Review firewall rules'), 'Firewall-Regeln überprüfen');
  assert.equal(germanPhrase('Restrict RDP access to the internal network'), 'RDP-Zugriff auf interne Netzwerk einschränken');
  // A compound that grows takes the linking "s" of its middle part.
  assert.equal(germanPhrase('Restrict firewall management access to trusted IP addresses'), 'Firewall-Verwaltungszugriff auf vertrauenswürdige IP-Adressen einschränken');
  assert.equal(germanPhrase('Enable multi-factor authentication on all remote access accounts'), 'Multi-Faktor-Authentifizierung auf allen Fernzugriffskonten aktivieren');
  // Not joined: a noun after a name the table left as written, words the table did not write, a list with "und".
  const nouns = new Set(['Funktion', 'Geräte', 'Passwörter']);
  assert.equal(germanGrammar('VPN Funktion von QNAP NAS deaktivieren', nouns), 'VPN-Funktion von QNAP NAS deaktivieren');
  assert.equal(germanGrammar('QNAP NAS Funktion', nouns), 'QNAP NAS Funktion');
  assert.equal(germanGrammar('Netzwerk und Geräte', nouns), 'Netzwerk und Geräte');
  assert.equal(germanGrammar('Windows Passwörter', nouns), 'Windows Passwörter');
});

test('a plural after "on", "in", "from", "with" or "at" takes the dative; other words keep their form', () => {
  assert.equal(germanPhrase('Check for email updates on mobile devices'), 'E-Mail-Updates auf mobilen Geräten suchen');
  assert.equal(germanPhrase('Do not click on links in unexpected emails'), 'Nicht auf Links in unerwarteten E-Mails klicken');
  assert.equal(germanPhrase('Disable port forwarding on routers'), 'Portweiterleitung auf Routern deaktivieren');
  // Names may stand between: "on your SQL Server systems".
  assert.equal(germanPhrase('Patch the flaw on your SQL Server systems first'), 'Lücke auf SQL-Server-Systemen zuerst patchen');
  // Already in the dative, or no plural: "Konten", "Firewalls", "access", "at all times".
  assert.equal(endDative('Konten'), 'Konten');
  assert.equal(endDative('Firewalls'), 'Firewalls');
  assert.equal(markDative('with remote access'), 'with remote access');
  assert.equal(markDative('on this'), 'on this');
  assert.equal(germanPhrase('Keep the system updated to the latest version at all times'), 'System auf neueste Version jederzeit aktualisieren');
  // After "to" the accusative stays: "Anhänge auf alle Geräte" is not changed into a dative.
  assert.equal(markDative('to all devices'), 'to all devices');
});

test('an adverb of time stays an adverb unless a noun follows it', () => {
  assert.equal(germanPhrase('Back up patient data daily'), 'Patientendaten täglich sichern');
  assert.equal(germanPhrase('Store daily backups offline'), 'Tägliche Backups offline speichern');
});

test('what is reported or passed on goes "an" someone; "from the network" is "vom Netzwerk"', () => {
  assert.equal(germanPhrase('Report suspicious emails to your IT provider'), 'Verdächtige E-Mails an IT-Dienstleister melden');
  assert.equal(germanPhrase('Forward the message to your IT service provider'), 'Nachricht an IT-Dienstleister weiterleiten');
  assert.equal(germanPhrase('Disconnect infected computers from the network immediately'), 'Infizierte Computer vom Netzwerk sofort trennen');
  // Other verbs keep "auf": the update goes to a version.
  assert.equal(germanPhrase('Update the router to version 7.57'), 'Router auf Version 7.57 aktualisieren');
});

test('"any" under a prohibition is "kein"; a positive "any" is not', () => {
  assert.equal(germanPhrase('Do not install any software when unknown callers ask you to'), 'Keine Software installieren');
  assert.equal(germanPhrase('Never open any attachments from unknown senders'), 'Keine Anhänge von unbekannten Absendern öffnen');
  // After "alle" an adjective ends in "-en".
  assert.equal(germanPhrase('Remove any unknown accounts'), 'Alle unbekannten Konten entfernen');
});

test('training staff to recognise something names what they are to recognise', () => {
  assert.equal(germanPhrase('Train all team members to recognize social engineering attacks such as phishing'), 'Alle Teammitglieder darin schulen, Social-Engineering-Angriffe wie Phishing zu erkennen');
  assert.equal(germanPhrase('Educate employees on how to spot phishing emails'), 'Mitarbeitende darin schulen, Phishing-E-Mails zu erkennen');
  assert.equal(germanPhrase('Teach staff to report suspicious messages'), 'Mitarbeitende darin schulen, verdächtige Nachrichten zu melden');
  // What the table cannot carry over stays out rather than half in English.
  assert.equal(germanPhrase('Train staff to recognize deepfake voicemail lures'), null);
  // "… so they recognize and avoid …" is what the staff will do; the step is the training.
  assert.deepEqual(actions('Train your staff in cybersecurity best practices so they recognize and avoid phishing attempts.'), ['Mitarbeitende in bewährte Verfahren der IT-Sicherheit schulen']);
});

test('"consider" before a deed makes the deed the step', () => {
  assert.deepEqual(actions('Consider replacing end-of-life devices.'), ['Nicht mehr unterstützte Geräte ersetzen']);
  // "Consider" before a noun is no instruction the table can carry.
  assert.deepEqual(actions('Consider the risks of remote access.'), []);
});

test('two steps joined by "and", each with one English word left, are left out together', () => {
  // Alone each piece passed; joined, "hypervisor" and "henceforth" show the sentence was not understood.
  assert.deepEqual(actions('Disable WAN access to the hypervisor and use VPN for remote access henceforth.'), []);
  // Since round 15 "instead" and "and/or" are German: the second piece stands on its own.
  assert.deepEqual(actions('Disable WAN access to both and use VPN and/or Sophos Central for remote access and management instead.'), ['VPN und/oder Sophos Central für Fernzugriff und Verwaltung stattdessen verwenden']);
  // An English determiner at the start counts as a word left.
  assert.deepEqual(actions('Scan every attachment you receive with anti-virus software.'), []);
  // A joined step the table carried over whole stays.
  assert.deepEqual(actions('Update and stay current.'), ['Updates einspielen und auf dem aktuellen Stand bleiben']);
  assert.deepEqual(actions('Use strong passwords and do not share accounts.'), ['Starke Passwörter verwenden', 'Konten nicht teilen']);
});

test('the commas of a list of things are part of the object; a list of steps is not a list of things', () => {
  assert.equal(germanPhrase('Update your routers, firewalls and VPN appliances to the latest firmware'), 'Router, Firewalls und VPN-Appliances auf neueste Firmware aktualisieren');
  assert.deepEqual(actions('Back up your database, image files and documents on a regular basis, and keep the copy in a cloud service.'), ['Datenbank, Bilddateien und Dokumente regelmäßig sichern', 'Kopie in Cloud-Dienst aufbewahren']);
  // Negated items are steps of their own, and a phrase after "and" that starts with a preposition is no thing.
  assert.equal(germanPhrase('Do not click links, do not download attachments and do not reply'), 'Links nicht anklicken');
  assert.equal(germanPhrase('Block outbound SMB from your network with a perimeter firewall, a local firewall and through your VPN settings'), 'Ausgehenden SMB von Netzwerk mit Perimeter Firewall blockieren');
  // A clause after the comma still ends the object.
  assert.equal(germanPhrase('Check the logs, which are stored on the server'), 'Logs prüfen');
});

test('English advice the table leaves out is still advice: the notice stays relevant, with no half-English step', () => {
  const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
  const notice = (text: string) => extractNotice(matcher, { title: 'Zyxel firewalls under attack', text, publishedAt: null });
  const advised = notice('Attackers are exploiting a flaw in Zyxel USG FLEX firewalls. Disable WAN access to the hypervisor and use VPN for remote access henceforth.');
  assert.equal(advised.relevant, true);
  assert.deepEqual(advised.actions, []);
  // Without the advice the same notice names neither a step nor a fix.
  assert.equal(notice('Attackers are exploiting a flaw in Zyxel USG FLEX firewalls.').relevant, false);
});

test('German appeals in the past tense ("rief … auf", "forderte … auf", "bat") are advice; the attacker\'s are not', () => {
  assert.deepEqual(actions('Mit Blick auf die Angriffe rief der Vorstand alle Praxen auf, ihre Sicherheitsmaßnahmen noch einmal zu überprüfen.'), ['Ihre Sicherheitsmaßnahmen noch einmal überprüfen']);
  assert.deepEqual(actions('Die Kammer bat alle Mitglieder, verdächtige Mails zu melden.'), ['Verdächtige Mails melden']);
  assert.deepEqual(actions('Der Angreifer forderte die Praxis auf, 5.000 Euro zu zahlen.'), []);
  assert.deepEqual(actions('In der Mail bat der angebliche Support, die Zugangsdaten zu bestätigen.'), []);
});

test('German modal advice: doctors named with "und" and a relative clause, "Hausärztinnen und Hausärzte", a plural "sie"', () => {
  assert.deepEqual(actions('Ärztinnen und Ärzte, die auf den Anruf hereingefallen sind, sollten Anzeige bei der Polizei erstatten.'), ['Anzeige bei der Polizei erstatten, falls Sie auf den Anruf hereingefallen sind']);
  assert.deepEqual(actions('Weil sich die Warnungen häufen, sollten Hausärztinnen und Hausärzte ihr Praxisteam für Phishing sensibilisieren.'), ['Ihr Praxisteam für Phishing sensibilisieren']);
  // A report on practices calls them "sie" behind a plural modal, with an object or a phrase in front.
  assert.deepEqual(actions('Auf keinen Fall sollten sie die verlangten Downloads starten.'), ['Auf keinen Fall die verlangten Downloads starten']);
  assert.deepEqual(actions('Links sollten sie nicht anklicken.'), ['Links nicht anklicken']);
  // Not a state, not after "damit", not the singular (a mail, a device).
  assert.deepEqual(actions('Damit sollten sie keinen Erfolg haben.'), []);
  assert.deepEqual(actions('Im Zweifel sollten sie vorsichtig sein.'), []);
  assert.deepEqual(actions('Ab morgen sollte sie wieder laufen.'), []);
});

test('German reminders ("Denken Sie daran", "Vergessen Sie nicht", "darauf achten, … zu") make their infinitive the step', () => {
  assert.deepEqual(actions('Denken Sie daran, auch den Vertrag mit Ihrem KIM-Anbieter rechtzeitig zu kündigen.'), ['Auch den Vertrag mit Ihrem KIM-Anbieter rechtzeitig kündigen']);
  assert.deepEqual(actions('Vergessen Sie nicht, die Sicherung zu prüfen.'), ['Die Sicherung prüfen']);
  assert.deepEqual(actions('Praxen sollten darauf achten, die Firmware aktuell zu halten – denn nur so ist sie geschützt.'), ['Die Firmware aktuell halten']);
  // A thing to think of, or care that something is so, stays as it was.
  assert.deepEqual(actions('Denken Sie an Ihre Passwörter.'), []);
  assert.deepEqual(actions('Praxen sollten darauf achten, dass die Firmware aktuell ist.'), ['Darauf achten, dass die Firmware aktuell ist']);
});

test('"Alle, die …" and "Wer …, soll" name the readers; each participle of a passive becomes a verb', () => {
  assert.deepEqual(actions('Alle, die Outlook 2016 einsetzen, sollten das Update einspielen.'), ['Das Update einspielen, falls Sie Outlook 2016 einsetzen']);
  assert.deepEqual(actions('Wer DSM 4.3 einsetzt, soll mindestens auf DSM 4.3-3827 aktualisieren.'), ['Mindestens auf DSM 4.3-3827 aktualisieren, falls man DSM 4.3 einsetzt']);
  // "soll" elsewhere is a plan or a claim, and a state is no step.
  assert.deepEqual(actions('Das Update soll im Mai erscheinen.'), []);
  assert.deepEqual(actions('Wer betroffen ist, soll angeblich zahlen.'), []);
  assert.deepEqual(actions('Wer Weiterleitungen eingerichtet hat, soll danach nur noch zwei Ports offen haben.'), []);
  assert.deepEqual(actions('Im Zweifel sollte das Gerät zurückgesetzt und danach neu eingerichtet werden.'), ['Im Zweifel das Gerät zurücksetzen und danach neu einrichten']);
});

test('the lines of an English how-to are English without long function words; "follow these steps:" heads them', () => {
  assert.deepEqual(actions('A search box appears.'), []);
  assert.deepEqual(actions('Click OK.'), []);
  assert.deepEqual(actions('To update Helpdesk on your NAS, follow these steps:'), []);
  assert.deepEqual(actions('Disable macro scripts in office files that arrive by e-mail.'), ['Makroskripte in Office-Dateien deaktivieren']);
  // A German verbless list item is still German.
  assert.deepEqual(actions('• Firmware aktualisieren'), ['Firmware aktualisieren']);
});

test('a colon before an address ends a German instruction; "Sie müssen … liegen" speaks of things', () => {
  assert.deepEqual(actions('Laden Sie die aktuelle Firmware herunter: https://example.com/downloads'), ['Die aktuelle Firmware herunterladen']);
  assert.deepEqual(actions('Kopieren Sie die Dateien auf den USB-Stick. Sie müssen direkt im Stammverzeichnis liegen.'), ['Die Dateien auf den USB-Stick kopieren']);
  assert.deepEqual(actions('Sie müssen das Update einspielen.'), ['Das Update einspielen']);
});

test('English: a tool used for a deed, automatic updates, a feature kept on, and a determiner no compound crosses', () => {
  assert.deepEqual(actions('Use vulnerability scanning tools to scan your computers and firewalls every day.'), ['Computer und Firewalls täglich mit Schwachstellenscannern durchsuchen']);
  assert.deepEqual(actions('Use strong passwords to protect all accounts.'), ['Alle Konten mit starken Passwörtern schützen']);
  // The deed must keep its tool: "create unique, strong passwords" would lose it at the comma.
  assert.deepEqual(actions('Use a password manager to create unique, strong passwords.'), ['Passwortmanager verwenden']);
  assert.deepEqual(actions('Set antivirus and anti-malware tools to update automatically.'), ['Virenschutz und Anti-Malware Programme auf automatische Updates einstellen']);
  assert.deepEqual(actions('Keep the "Allow automatic installation of hotfixes" feature turned on.'), ['Funktion „Allow automatic installation of hotfixes“ aktiviert lassen']);
  assert.deepEqual(actions('Use a VPN to access the practice network.'), ['VPN für den Zugriff auf Praxisnetzwerk verwenden']);
  assert.deepEqual(actions('Log on to QTS as administrator.'), ['Bei QTS als Administrator anmelden']);
  // An English function word left in a step counts twice: "both" alone leaves it out.
  assert.equal(germanPhrase('Disable WAN access to both'), null);
});

test('English "senders you do not recognize" are unknown senders', () => {
  assert.deepEqual(actions('Do not click on links or attachments from senders you do not recognize.'), ['Nicht auf Links oder Anhänge von unbekannten Absendern klicken']);
  assert.equal(germanPhrase('Never call numbers you don\'t know'), 'Unbekannte Nummern nie anrufen');
  // What you know stays known.
  assert.equal(germanPhrase('Only call numbers you know'), null);
});

test('a passive with a quantity for subject reports; practices behind a preposition are no subject; "keep in mind" is no deed', () => {
  assert.deepEqual(actions('Weil bestimmte Chips eine Lücke haben, muss eine weitere große Zahl von Karten getauscht werden.'), []);
  assert.deepEqual(actions('Weitere Informationen und Handlungsempfehlungen für die Praxen sollen ab Februar folgen.'), []);
  // A passive of advice with its object stays; practices with a qualifier stay the subject.
  assert.deepEqual(actions('Die Karten sollten bis Juli getauscht werden.'), ['Die Karten bis Juli tauschen']);
  assert.deepEqual(actions('Praxen mit KoCoBox sollten das Update einspielen.'), ['Das Update einspielen']);
  assert.equal(germanPhrase('Keep in mind that the update takes a while'), null);
});

test('a statement about the reader in a list of steps is no step; "follow these … best practices:" heads a list', () => {
  const list = 'So gehen Sie vor:\n• Über den Antragslink in der E-Mail gelangen Sie direkt zum Antrag.\n• Prüfen Sie Ihre Angaben.';
  assert.deepEqual(actions(list), ['Ihre Angaben prüfen']);
  // An imperative after "und" is one.
  assert.deepEqual(actions('So gehen Sie vor:\n• Rufen Sie den Support an und lassen Sie Ihr System prüfen!'), ['Den Support anrufen', 'Ihr System prüfen lassen']);
  assert.equal(germanPhrase('Follow these email best practices:'), null);
  assert.equal(germanPhrase('Follow the instructions of your IT provider'), 'Anweisungen von IT-Dienstleister befolgen');
});

test('a purpose at the end does not make a step an offer; an object clause with "Ob" in front follows the step', () => {
  assert.deepEqual(actions('Wir empfehlen Ihnen deshalb, Ihren Rechner auf den aktuellen Stand zu bringen, damit Sie alle Online-Angebote nutzen können.'), ['Ihren Rechner auf den aktuellen Stand bringen']);
  assert.deepEqual(actions('Nutzen Sie unser Angebot, um Ihre Praxis zu schützen.'), []);
  assert.deepEqual(actions('Ob eine Fehlerbehebung aus der Ferne infrage kommt, müssen Praxen mit ihrem Dienstleister klären.'), ['Mit Ihrem Dienstleister klären, ob eine Fehlerbehebung aus der Ferne infrage kommt']);
  assert.deepEqual(actions('Ob es weitere Opfer gibt, muss die Polizei klären.'), []);
});

test('a how-to\'s instruction with a phrase of when or what for in front of "… Sie" is a step; descriptions and contacts are not', () => {
  assert.deepEqual(actions('Bei der Aktivierung ersetzen Sie diese Transport-PINs durch PINs Ihrer Wahl.'), ['Bei der Aktivierung diese Transport-PINs durch PINs Ihrer Wahl ersetzen']);
  assert.deepEqual(actions('Vor dem Update sichern Sie alle Daten.'), ['Vor dem Update alle Daten sichern']);
  assert.deepEqual(actions('Mit dem eHBA unterschreiben Sie elektronische Dokumente rechtssicher.'), []);
  assert.deepEqual(actions('Für Anfragen und Bestellungen wenden Sie sich bitte an Ihren Dienstleister.'), []);
  assert.deepEqual(actions('Im Kundenportal finden Sie weitere Informationen.'), []);
  assert.deepEqual(actions('Bei der Aktivierung erhalten Sie eine E-Mail.'), []);
});

test('a second main clause after ", und" with its own modal and reader is a step', () => {
  assert.deepEqual(actions('Alle Komponenten sollten mit der aktuellen Firmware laufen, und Updates und Patches sollten Sie immer sofort einspielen.'), ['Updates und Patches immer sofort einspielen']);
  // Not when the second clause only says how things are.
  assert.deepEqual(actions('Die Angreifer sind geschickt, und Praxen sollten daher besonders vorsichtig sein.'), []);
});

test('a table of contents is no headline; a card slot or an update channel of the headline\'s terminal is no product', async () => {
  const { readFileSync } = await import('node:fs');
  const { catalogSchema } = await import('../src/catalog/catalog.models.js');
  const { compileCatalog } = await import('../src/normalize/products.js');
  const { extractDocument } = await import('../src/normalize/document.js');
  const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
  const page = [
    'Hilfe-Center',
    'Kartenterminal ORGA6141 – Kurzanleitung',
    'Inhalt',
    '1 Aufbau',
    '1.1 Updates',
    '1.1.1 Update via USB-Stick',
    'Das ORGA6141 online ist ein stationäres Kartenterminal der Praxis. Es hat einen Steckplatz 2 für den Heilberufsausweis (HBA).',
    'Laden Sie die aktuelle Firmware herunter und kopieren Sie sie auf einen USB-Stick.',
  ].join('\n');
  const [x] = await extractDocument(matcher, page);
  assert.equal(x!.title, 'Kartenterminal ORGA6141 – Kurzanleitung');
  assert.deepEqual(x!.products.map((p) => p.id), ['worldline-orga-6141']);
  // Named for itself, the eHBA stays a product of the notice.
  const [y] = await extractDocument(matcher, 'Kartenterminal ORGA6141: eHBA wird nicht erkannt\nDer Heilberufsausweis (HBA) wird nach dem Update nicht erkannt. Stecken Sie den eHBA neu.');
  assert.ok(y!.products.some((p) => p.id === 'gematik-ehba'));
});
