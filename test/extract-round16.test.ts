import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englishActions, germanPhrase } from '../src/normalize/english-actions.js';
import { findActions } from '../src/normalize/actions.js';
import { assessRelevance } from '../src/normalize/relevance.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 16. The sentences are made up for these tests from the field's general guidance; each class has negatives.
const en = (s: string) => englishActions(s, true);
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('a polite English imperative after "Please" is read: the capital goes to the verb once "Please" is gone', () => {
  assert.deepEqual(en('Please update the firmware.'), ['Firmware aktualisieren']);
  assert.deepEqual(en('Please check, download and upgrade the firmware for each model as soon as possible.'), ['Firmware für alle Modelle schnellstmöglich prüfen, herunterladen und aktualisieren']);
  // "Please note" points at a fact.
  assert.deepEqual(en('Please note that the update is available.'), null);
});

test('incident steps of general guidance: cut off, reimage, rebuild from backups, preserve, take backups', () => {
  assert.deepEqual(en('Cut infected computers off from the network.'), ['Infizierte Computer vom Netzwerk trennen']);
  assert.deepEqual(en('Cut the affected machines off from the network so the infection cannot spread further.'), ['Betroffene Rechner vom Netzwerk trennen']);
  assert.deepEqual(en('Reimage compromised computers.'), ['Kompromittierte Computer neu aufsetzen']);
  assert.deepEqual(en('Rebuild affected servers from clean backups.'), ['Betroffene Server aus sauberen Backups neu aufsetzen']);
  assert.deepEqual(en('Preserve the log files.'), ['Logdateien sichern']);
  assert.deepEqual(en('Take regular backups of patient data.'), ['Regelmäßige Backups von Patientendaten anlegen']);
  // What is taken that is no backup or step is no deed of the table's: "take a layered approach".
  assert.deepEqual(en('Take a multi-layered approach to security.'), null);
});

test('accounts and access: grant, tighten, reduce the number, leave in a state, stop using', () => {
  assert.deepEqual(en('Tighten your firewall rules.'), ['Firewall-Regeln verschärfen']);
  assert.deepEqual(en('Minimize the number of administrator accounts.'), ['Die Anzahl der Administratorkonten minimieren']);
  assert.deepEqual(en('Leave macros disabled.'), ['Makros deaktiviert lassen']);
  assert.deepEqual(en('Never leave your computer unlocked.'), ['Computer nie ungesperrt lassen']);
  assert.deepEqual(en('Do NOT leave the RDP port exposed to the public internet.'), ['RDP-Port nicht aus dem Internet erreichbar lassen']);
  assert.deepEqual(en('Stop using Windows 7.'), ['Windows 7 nicht mehr verwenden']);
  assert.deepEqual(en('Locate all devices running Windows 10.'), ['Alle Geräte mit Windows 10 ermitteln']);
  // The goal of the steps around it is no step; nor is a thing left somewhere without a state the table knows.
  assert.deepEqual(en('Reduce the risk of exploitation.'), null);
  assert.deepEqual(en('Leave the building through the rear exit.'), null);
});

test('help and information: engage, consult, subscribe, watch, pay particular attention, stay alert', () => {
  assert.deepEqual(en('Consult your IT service provider.'), ['IT-Dienstleister hinzuziehen']);
  assert.deepEqual(en('Subscribe to security notifications.'), ['Sicherheitsbenachrichtigungen abonnieren']);
  assert.deepEqual(en('Watch SQL Server activity for anything suspicious.'), ['SQL-Server-Aktivität auf Auffälligkeiten überwachen']);
  assert.deepEqual(en('Pay particular attention to accounts that have SSLVPN access.'), ['Besonders auf Konten mit SSLVPN-Zugriff achten']);
  assert.deepEqual(en('Stay alert to fake invoices.'), ['Auf gefälschte Rechnungen achten']);
  assert.deepEqual(en('Disable SSLVPN services wherever it is practical.'), ['SSLVPN-Dienste wo immer möglich deaktivieren']);
});

test('what staff are asked or must learn to do, and what you are not sure of', () => {
  assert.deepEqual(en('Encourage staff to report suspicious emails.'), ['Verdächtige E-Mails melden']);
  assert.deepEqual(en('Staff should learn how to recognize possible phishing emails.'), ['Mitarbeitende darin schulen, mögliche Phishing-E-Mails zu erkennen']);
  assert.deepEqual(en('Never click a link you are not sure about.'), ['Zweifelhafte Links nie anklicken']);
  assert.deepEqual(en('Do not open an attachment you were not expecting.'), ['Unerwartete Anhänge nicht öffnen']);
  assert.deepEqual(en('Keep your web use to work-related sites, and do not download anything.'), ['Internetnutzung auf dienstliche Websites beschränken und nichts herunterladen']);
  assert.deepEqual(en('Always use strong, unique passwords for your accounts.'), ['Immer starke, eindeutige Passwörter für Konten verwenden']);
  // Adjectives cut off from their noun leave no thing to act on.
  assert.deepEqual(en('Find the latest clean, verified recovery point from before the attack.'), null);
});

test('make sure: of having, knowing and being able to, and of a deed done by the reader', () => {
  assert.deepEqual(en('Make sure all devices get automatic updates.'), ['Sicherstellen, dass alle Geräte automatische Updates erhalten']);
  assert.deepEqual(en('Make sure your staff know about phishing.'), ['Sicherstellen, dass Mitarbeitende über Phishing Bescheid wissen']);
  assert.deepEqual(en('Make sure you can restore your backups.'), ['Sicherstellen, dass sich Backups wiederherstellen lassen']);
  assert.deepEqual(en('Make sure all computers have the latest updates installed.'), ['Neueste Updates auf allen Computern installieren']);
  assert.deepEqual(en('Make sure you have changed the default password.'), ['Standardpasswort ändern']);
  // A singular subject would need its German article, which the table does not know.
  assert.deepEqual(en('Make sure the system gets automatic updates.'), null);
});

test('an update without an object updates what the addressees run', () => {
  assert.deepEqual(en('We strongly urge every organization that runs Sophos XG firewalls to patch right away.'), ['Sophos XG Firewalls sofort patchen']);
  assert.deepEqual(en('Customers using FortiOS 7.2 should update as soon as possible.'), ['FortiOS 7.2 schnellstmöglich aktualisieren']);
  // A target version is an object of its own; the users' qualifier then says where.
  assert.deepEqual(en('Users of older versions should upgrade to 7.2.5.'), ['Auf 7.2.5 aktualisieren (bei älteren Versionen)']);
  assert.deepEqual(en('Users should update immediately.'), null);
});

test('an English list read under its lead: a checklist of states made sure of, and things not to do', () => {
  const checklist = [
    'Please make sure that the following security is in place wherever possible:',
    '• The system sits behind your firewall.',
    '• You have changed the default password.',
    '• You monitor the log files.',
    '• You subscribe to updates for your PACS.',
  ].join('\n');
  assert.deepEqual(actions(checklist), ['Standardpasswort ändern', 'Logdateien überwachen', 'Updates für PACS abonnieren']);
  const donts = ['You should not', '• Leave devices unattended.', '• Do not install unknown software.'].join('\n');
  assert.deepEqual(actions(donts), ['Geräte nicht unbeaufsichtigt lassen', 'Unbekannte Software nicht installieren']);
  // The same items under a neutral heading are read as they stand: a statement of the reader's own deed is none.
  assert.deepEqual(actions(['Our setup:', '• You have changed the default password.', '• Leave devices unattended.'].join('\n')), ['Geräte unbeaufsichtigt lassen']);
});

test('germanPhrase keeps what was right: "keep following good practice:" heads a list', () => {
  assert.equal(germanPhrase('keep following good practice:'), null);
  assert.equal(germanPhrase('follow good practice'), 'Bewährte Verfahren befolgen');
});

test('German: "es ist eine gute Idee, … zu V" recommends; an assumption about the reader and the firm\'s own service are no steps', () => {
  assert.deepEqual(actions('Bis dahin ist es eine gute Idee, Ihre Geräte aktuell zu halten und Ihre Sicherheitseinstellungen regelmäßig zu überprüfen.'), [
    'Ihre Geräte aktuell halten',
    'Ihre Sicherheitseinstellungen regelmäßig überprüfen',
  ]);
  assert.deepEqual(actions('Eine gute Idee ist es, die Daten täglich zu sichern.'), ['Die Daten täglich sichern']);
  assert.deepEqual(actions('Die Idee, Passwörter zu teilen, ist schlecht.'), []);
  assert.deepEqual(actions('Jetzt fragen Sie sich bestimmt, was Sie tun können.'), []);
  assert.deepEqual(actions('Nutzen Sie die Gelegenheit und lassen Sie Ihren Drucker bei uns überprüfen.'), []);
  // A self-check the reader is asked to make, and a check by someone the reader engages, stay.
  assert.deepEqual(actions('Fragen Sie sich, ob Sie die Rechnung erwarten.'), ['Sich fragen, ob Sie die Rechnung erwarten']);
  assert.deepEqual(actions('Lassen Sie Ihre Firewall regelmäßig prüfen.'), ['Ihre Firewall regelmäßig prüfen lassen']);
});

test('German: a second verb that takes no object of its own is a step of its own, not a second verb on the first one\'s object', () => {
  assert.deepEqual(actions('Prüfen Sie die Logs und achten Sie auf Auffälligkeiten.'), ['Die Logs prüfen', 'Auf Auffälligkeiten achten']);
  assert.deepEqual(actions('Schalten Sie das Gerät aus und wenden Sie sich an den Hersteller.'), ['Das Gerät ausschalten', 'Sich an den Hersteller wenden']);
  // One object, two verbs: one step.
  assert.deepEqual(actions('Laden Sie die Firmware herunter und installieren Sie sie.'), ['Die Firmware herunterladen und sie installieren']);
});

test('relevance: the health sector\'s English names for practices, and a chamber or KV as publisher, address practices', () => {
  const relevant = (body: string, actions = 1) => assessRelevance({ body, products: [], actions, fixedVersion: false, nothingToDo: false }).relevant;
  assert.equal(relevant('High severity cyber risk\nNHS Digital has warned NHS organisations about phishing emails. Do not open attachments you were not expecting.'), true);
  assert.equal(relevant('Phishing alert\nPrimary care teams are seeing phishing emails with malicious attachments. Delete them.'), true);
  assert.equal(relevant('Spam-Mails – Landeszahnärztekammer für Burgenland\nSeien Sie auf der Hut bei Phishing-Mails mit Anhängen.'), true);
  // The same warning to consumers addresses no practice.
  assert.equal(relevant('Phishing alert\nShoppers are seeing phishing emails with malicious attachments. Delete them.'), false);
  assert.equal(relevant('Spam-Mails – Verbraucherzentrale\nSeien Sie auf der Hut bei Phishing-Mails mit Anhängen.'), false);
});

test('English guidance of the field (HHS, NCSC, CISA checklists): how often, where, with what, which ones', () => {
  assert.deepEqual(en('Test your backups at least once a quarter.'), ['Backups mindestens einmal pro Quartal testen']);
  assert.deepEqual(en('Review user accounts every quarter and disable accounts of former employees.'), ['Benutzerkonten vierteljährlich überprüfen und Konten ehemaliger Mitarbeitender deaktivieren']);
  assert.deepEqual(en('Use a different password for each account.'), ['Eigene Passwörter für alle Konten verwenden']);
  assert.deepEqual(en('Remove software that is no longer needed.'), ['Nicht benötigte Software entfernen']);
  assert.deepEqual(en('Replace devices that no longer receive security updates.'), ['Nicht unterstützte Geräte ersetzen']);
  assert.deepEqual(en('Encrypt emails that contain patient information.'), ['E-Mails mit Patientendaten verschlüsseln']);
  assert.deepEqual(en('Store backups in a separate location.'), ['Backups örtlich getrennt speichern']);
  assert.deepEqual(en('Require strong passwords of at least 12 characters.'), ['Starke Passwörter mit mindestens 12 Zeichen vorschreiben']);
  assert.deepEqual(en('Set up automatic screen locks after 15 minutes of inactivity.'), ['Automatische Bildschirmsperren nach 15 Minuten Inaktivität einrichten']);
  assert.deepEqual(en('Delete suspicious emails without opening them.'), ['Verdächtige E-Mails ungeöffnet löschen']);
  assert.deepEqual(en('Notify the data protection authority within 72 hours.'), ['Datenschutzbehörde innerhalb von 72 Stunden benachrichtigen']);
  assert.deepEqual(en('Contact the sender through a known phone number.'), ['Absender über bekannte Telefonnummer kontaktieren']);
  assert.deepEqual(en('Restrict physical access to servers.'), ['Zutritt zu Servern einschränken']);
  assert.deepEqual(en('Hover over links to check where they lead.'), ['Mit dem Mauszeiger auf Links zeigen']);
  // A relative clause the table does not know still leaves the step out rather than widening it.
  assert.deepEqual(en('Do not rely on the free antivirus that ships with Windows.'), null);
});

test('German: "gut beraten, … zu V" and "Zu empfehlen ist …" recommend', () => {
  assert.deepEqual(actions('Praxen sind gut beraten, ihre Passwörter zu ändern.'), ['Ihre Passwörter ändern']);
  assert.deepEqual(actions('Zu empfehlen ist eine tägliche Datensicherung.'), ['Eine tägliche Datensicherung anlegen']);
  // Advised by someone, to someone: no recommendation to the reader.
  assert.deepEqual(actions('Die Kammer hat die Praxen gut beraten, wie sie vorgehen.'), []);
});

test('German: goals and calls to act that name no step are none ("kein Risiko eingehen", "selbst tätig werden")', () => {
  assert.deepEqual(actions('Gehen Sie kein Risiko ein.'), []);
  assert.deepEqual(actions('Werden Sie selbst tätig, falls Sie ein betroffenes Gerät besitzen.'), []);
  assert.deepEqual(actions('Achten Sie dabei auf einige Eckpunkte.'), []);
  assert.deepEqual(actions('Gewährleisten Sie die Datensicherheit.'), []);
  assert.deepEqual(actions('Wer in der Praxis das Internet nutzt, muss seine Rechner schützen.'), []);
  // With the means named, it is a step.
  assert.deepEqual(actions('Schützen Sie Ihre Rechner mit einer Firewall.'), ['Ihre Rechner mit einer Firewall schützen']);
});

test('English: what addressees should consider doing, passing information on, speaking with IT, bringing in help', () => {
  assert.deepEqual(en('HHS strongly recommends that all health care and public health entities consider patching several new critical vulnerabilities as soon as possible.'), [
    'Mehrere neue kritische Schwachstellen schnellstmöglich patchen',
  ]);
  assert.deepEqual(en('Please pass this information on to your IT staff as soon as you can.'), ['Diese Informationen an IT-Mitarbeitende schnellstmöglich weitergeben']);
  assert.deepEqual(en('Please speak with your IT officials immediately.'), ['Mit IT-Verantwortlichen sofort sprechen']);
  assert.deepEqual(en('If your practice lacks the skills, please consider bringing in a third party to assist you.'), ['Externen Dienstleister hinzuziehen']);
  assert.deepEqual(en("Don't skimp on antivirus software."), ['Nicht an Virenschutzsoftware sparen']);
  assert.deepEqual(en('Keep your computer up-to-date.'), ['Computer aktualisieren']);
  assert.deepEqual(en('If you do not recognize the file ending, follow up with the person who sent it.'), ['Absender kontaktieren']);
  assert.deepEqual(en('Disconnect your machine from the Internet immediately and power it down.'), ['Rechner vom Internet sofort trennen']);
  assert.deepEqual(en('Place printers behind a firewall.'), ['Drucker hinter einer Firewall platzieren']);
  assert.deepEqual(en('CISA recommends following the alternative mitigations described in the vendor blog.'), ['Alternative Schutzmaßnahmen befolgen']);
});

test('English: a deed named as a gerund and recommended is the step; a zero-day and unauthorised access are flaws', () => {
  assert.deepEqual(en('Updating/patching the product is recommended.'), ['Produkt aktualisieren']);
  assert.deepEqual(en('Using strong passwords is essential.'), ['Starke Passwörter verwenden']);
  assert.deepEqual(en('Disable remote firmware upload for network attached printers.'), ['Firmware-Upload aus der Ferne für Netzwerkdrucker deaktivieren']);
  // A gerund the table does not know is no deed.
  assert.deepEqual(en('Thinking about it is recommended.'), null);
  const relevant = (body: string) => assessRelevance({ body, products: [], actions: 1, fixedVersion: false, nothingToDo: false }).relevant;
  assert.equal(relevant('Zero-Day Notice: Veeam Backup & Replication\nUpdating the product is recommended.'), true);
  assert.equal(relevant('HP LaserJet firmware update\nPlease update your printers so that they cannot be accessed without authorization.'), true);
  // A printer update with no flaw named is a feature release.
  assert.equal(relevant('HP LaserJet firmware update\nPlease update your printers to get the new scan-to-mail feature.'), false);
});

test('an English list item the table cannot read is no German bullet either', () => {
  assert.deepEqual(actions('• Weak security: Most home NAS devices ship with default settings that leave several ways in wide open.'), []);
  // A German verbless item stays a step.
  assert.deepEqual(actions('Unsere Tipps:\n• Regelmäßige Datensicherung auf externen Festplatten'), ['Regelmäßige Datensicherung auf externen Festplatten anlegen']);
});

test('English: "ensure" reads its clause as "make sure" does, and a second finite clause leaves the step out', () => {
  assert.deepEqual(en('Ensure all devices are properly configured.'), ['Sicherstellen, dass alle Geräte ordnungsgemäß konfiguriert sind']);
  assert.deepEqual(en('Ensure all on-premises, cloud services, mobile, and personal devices are properly configured and security features are enabled.'), null);
  assert.deepEqual(en('Make regular backups of patient data.'), ['Regelmäßige Backups von Patientendaten anlegen']);
  assert.deepEqual(en('Make a difference.'), null);
  assert.deepEqual(en('Create separate user accounts for each staff member.'), ['Separate Benutzerkonten für alle Mitarbeitenden anlegen']);
  assert.deepEqual(en('Avoid using public Wi-Fi for practice business.'), ['Öffentliches WLAN für dienstliche Zwecke nicht verwenden']);
  assert.deepEqual(en('Restrict Server Message Block (SMB) protocol within the network.'), ['SMB-Protokoll im Netzwerk einschränken']);
  assert.deepEqual(en('Apply the principle of least privilege to all systems and services.'), ['Prinzip der minimalen Rechte auf alle Systeme und Dienste umsetzen']);
  assert.deepEqual(en("Check the sender's email address carefully."), ['Absender-E-Mail-Adresse sorgfältig prüfen']);
  assert.deepEqual(en('Disable macro scripts for Microsoft Office files transmitted via email.'), ['Makroskripte für Microsoft Office-Dateien deaktivieren']);
});

test('English: a particle split from its verb goes back to it ("turn X off", "carried out"); a footnote number is no word', () => {
  assert.deepEqual(en('Switch automatic updates on.'), ['Automatische Updates einschalten']);
  assert.deepEqual(en('Turn SMBv3 compression off [4], or limit access to the host with a firewall rule.'), ['SMBv3 Komprimierung deaktivieren oder Zugriff auf Host mit Firewall-Regel einschränken']);
  assert.deepEqual(en('The firmware upgrade should be carried out as soon as possible.'), ['Firmware-Upgrade schnellstmöglich durchführen']);
  // What is said of the update itself is no step of the practice's.
  assert.deepEqual(en('The update should be rolled out to all clients.'), null);
});

test('"keep" and "leave" share the states a thing stays in, and a negation in front stays with the step', () => {
  assert.deepEqual(en('Keep the automatic hotfix feature turned on.'), ['Automatische Hotfix Funktion aktiviert lassen']);
  assert.deepEqual(en('Never keep remote access enabled.'), ['Fernzugriff nie aktiviert lassen']);
  assert.deepEqual(en('Leave macros disabled.'), ['Makros deaktiviert lassen']);
});
