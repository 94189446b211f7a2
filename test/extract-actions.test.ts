import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { germanPhrase } from '../src/normalize/english-actions.js';
import { splitSentences } from '../src/normalize/sentences.js';
import { participleToInfinitive } from '../src/normalize/verbs.js';

const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('a lead-in that announces a list gives its verb to each item, and the lead-in itself is dropped', () => {
  assert.deepEqual(actions('Der Hersteller rät, die folgenden Zugänge zu sperren:\n• das Konto des Fernwartungsdienstes,\n• die Gastkonten am Server.'), [
    'Das Konto des Fernwartungsdienstes sperren',
    'Die Gastkonten am Server sperren',
  ]);
  // An opener without a verb continues the sentence before it.
  assert.deepEqual(actions('Praxen wird geraten, alle Zugangsdaten zu erneuern. Dazu zählen:\n• die Kennwörter des Routers\n• die PIN der Kartenterminals'), [
    'Die Kennwörter des Routers erneuern',
    'Die PIN der Kartenterminals erneuern',
  ]);
  // Items that carry their own "zu"-infinitive.
  assert.deepEqual(actions('Die KV empfiehlt daher,\n• die Schlüssel des VPN-Zugangs zu tauschen,\n• die Protokolle der Firewall zu sichern.'), [
    'Die Schlüssel des VPN-Zugangs tauschen',
    'Die Protokolle der Firewall sichern',
  ]);
});

test('verbless items under an advice heading are kept as noun phrases; sentences in a list are not actions', () => {
  assert.deepEqual(actions('Was Sie tun sollten:\n• Regelmäßige Datensicherung auf ein externes Medium\n• Aktuelle Virenschutzprogramme'), [
    'Regelmäßige Datensicherung auf ein externes Medium anlegen',
    'Aktuelle Virenschutzprogramme',
  ]);
  assert.deepEqual(actions('Was bisher bekannt ist:\n• Er kann die Daten aus der Sicherung wiederherstellen.\n• Meist ist eine Lösegeldforderung damit verbunden.'), []);
  assert.deepEqual(actions('Folgen für die Praxis:\n• Keine Verbindung zum Versichertenstammdatendienst'), []);
});

test('reported advice: several "zu" infinitives are several actions, and "ist ratsam" or "gehört" introduce advice', () => {
  assert.deepEqual(actions('Die Behörde ruft Betreiber auf, veraltete Versionen zu ersetzen, offene Ports zu schließen und Zugänge zu protokollieren.'), [
    'Veraltete Versionen ersetzen',
    'Offene Ports schließen',
    'Zugänge protokollieren',
  ]);
  assert.deepEqual(actions('Es ist ratsam, die Fernwartung nach jeder Sitzung abzuschalten.'), ['Die Fernwartung nach jeder Sitzung abschalten']);
  assert.deepEqual(actions('Es ist nicht nötig, den Router neu einzurichten.'), []);
  assert.deepEqual(actions('„Trennen Sie befallene Rechner sofort vom Netz“, empfahl die Referentin der Kammer.'), ['Befallene Rechner sofort vom Netz trennen']);
});

test('modals: the subject who is meant becomes a condition, a service provider as subject means "lassen", "müssen keine" is no advice', () => {
  assert.deepEqual(actions('Wer die Fernwartung selten nutzt, sollte den Zugang abschalten.'), ['Den Zugang abschalten, falls man die Fernwartung selten nutzt']);
  assert.deepEqual(actions('Ihr DVO muss das Zertifikat im Konnektor tauschen.'), ['Das Zertifikat im Konnektor durch Ihren DVO tauschen lassen']);
  assert.deepEqual(actions('Praxen müssen wegen der Wartung keine Nachteile befürchten.'), []);
  assert.deepEqual(actions('Admins sollten die Software zeitnah aktualisieren.'), ['Die Software zeitnah aktualisieren']);
  assert.deepEqual(actions('Wichtig: Die Zugangsdaten sollten nicht weitergegeben werden.'), ['Die Zugangsdaten nicht weitergeben']);
});

test('imperatives after an adverb or after a condition with its verb first', () => {
  assert.deepEqual(actions('Dann prüfen Sie bitte die Seriennummer des Geräts.'), ['Die Seriennummer des Geräts prüfen']);
  assert.deepEqual(actions('Meldet Ihr Kartenterminal einen Fehler, wenden Sie sich bitte an Ihren Servicepartner.'), [
    'Sich an Ihren Servicepartner wenden, falls Ihr Kartenterminal einen Fehler meldet',
  ]);
});

test('English advice becomes a German infinitive phrase, names and versions kept', () => {
  assert.deepEqual(actions('Customers are advised to upgrade the gateway to version 9.2.1 or later.'), ['Gateway auf Version 9.2.1 oder neuer aktualisieren']);
  assert.deepEqual(actions('We recommend that users change their passwords immediately.'), ['Passwörter sofort ändern']);
  assert.deepEqual(actions('What you should do:\n• Enable two-factor authentication for remote access.\n• Only download the client from our official website.'), [
    'Zwei-Faktor-Authentifizierung für Fernzugriff aktivieren',
    'Nur Client von offiziellen Website herunterladen',
  ]);
  assert.deepEqual(actions('Admins who have not installed the March patches should do so immediately.'), ['March Patches sofort installieren']);
  assert.equal(germanPhrase('Install the available security updates'), 'Verfügbaren Sicherheitsupdates einspielen');
  // A noun, not an imperative; a vendor's own deed, not advice.
  assert.deepEqual(actions('Update is available for all models.'), []);
  assert.deepEqual(actions('We are revoking all certificates of the portal.'), []);
});

test('English advice the table cannot carry over is left out rather than half translated; a colon that explains ends the object', () => {
  // Three or more words the table does not know: carried over word by word, not understood.
  assert.equal(germanPhrase('Open the control panel if the widget reports that the admin console was reachable from outside networks'), null);
  assert.equal(germanPhrase('Review these prerequisites before you create a backup job in the console'), null);
  // One unknown word (a term or a name) is kept as written.
  assert.equal(germanPhrase('Upgrade to ZLD firmware 5.39 or later'), 'Auf ZLD-Firmware 5.39 oder neuer aktualisieren');
  // What the colon says after the object explains where to look; it is no part of the step.
  assert.equal(germanPhrase('Check the FRITZ!OS version: it is shown at the top right of the start page'), 'FRITZ!OS Version prüfen');
  // Who released the thing and when is no part of it; "check out" points to a page.
  assert.equal(germanPhrase('Urgently apply the update released by the vendor last week'), 'Dringend Update einspielen');
  assert.deepEqual(actions('Check out these instructions on updating your router.'), []);
  // "apply" is "umsetzen" for settings and steps, "einspielen" for fixes.
  assert.equal(germanPhrase('Apply the recommended security settings'), 'Empfohlene Sicherheitseinstellungen umsetzen');
  assert.equal(germanPhrase('Apply the hotfix'), 'Hotfix einspielen');
  // A condition left in English word order ("falls Gerät ist nicht …") is no German: the step goes without it.
  assert.equal(germanPhrase('Install FRITZ!OS 7.57 if your device is not yet on that release'), 'FRITZ!OS 7.57 installieren');
  assert.equal(germanPhrase('Update the client if it is older than version 8'), 'Client aktualisieren');
  // One the table can render keeps its place behind the step.
  assert.equal(germanPhrase('Restart the server when the update is installed'), 'Server neu starten, wenn Update installiert ist');
});

test('strong participles of passive advice turn into their infinitive', () => {
  assert.equal(participleToInfinitive('verbunden'), 'verbinden');
  assert.equal(participleToInfinitive('herausgegeben'), 'herausgeben');
  assert.equal(participleToInfinitive('heruntergeladen'), 'herunterladen');
  // A verb whose own stem begins with "ge" keeps it.
  assert.equal(participleToInfinitive('gewährleistet'), 'gewährleisten');
  assert.equal(participleToInfinitive('genehmigt'), 'genehmigen');
  assert.equal(participleToInfinitive('gesperrt'), 'sperren');
  assert.equal(participleToInfinitive('eingespielt'), 'einspielen');
});

test('a phrase of circumstance before the modal verb stays in front; a subjectless passive is still an instruction', () => {
  assert.deepEqual(actions('Beim Fernzugriff sollten Praxen daher eine Zwei-Faktor-Anmeldung einrichten.'), ['Beim Fernzugriff eine Zwei-Faktor-Anmeldung einrichten']);
  assert.deepEqual(actions('Im Zweifel sollten Dateien aus unbekannten Quellen nicht geöffnet werden.'), ['Im Zweifel Dateien aus unbekannten Quellen nicht öffnen']);
  // A passive done by a specialist is something the practice has done for it.
  assert.deepEqual(actions('Ist kein Kennwort gesetzt, muss die Firmware durch einen Techniker eingespielt werden.'), [
    'Die Firmware durch einen Techniker einspielen lassen, falls kein Kennwort gesetzt ist',
  ]);
  // "Nach der Richtlinie" names a source, not a circumstance; what others must do is no instruction either.
  assert.deepEqual(actions('Nach Angaben des Herstellers müssen die Geräte neu gestartet werden.'), []);
  assert.deepEqual(actions('Im Sommer sollten die Hersteller neue Versionen liefern.'), []);
});

test('infinitive phrases after a colon are actions, one per phrase', () => {
  assert.deepEqual(actions('Der wichtigste Schutz: das Backup täglich prüfen – und eine Kopie außer Haus lagern.'), [
    'Das Backup täglich prüfen',
    'Eine Kopie außer Haus lagern',
  ]);
  // A colon before a sentence with a finite verb is no list of instructions.
  assert.deepEqual(actions('Die Ursache: die Firmware ist veraltet.'), []);
});

test('a statement that only looks like an action is dropped, and an explanation after a dash is cut off', () => {
  assert.deepEqual(actions('Wer eine Mail bekommt, sollte immer prüfen, wer sie geschickt hat – Absenderadressen sind leicht zu fälschen.'), [
    'Immer prüfen, wer sie geschickt hat, falls man eine Mail bekommt',
  ]);
  assert.deepEqual(actions('Was Sie tun sollten:\n• Die Hauptverantwortung tragen die Praxisinhaber und ihr Team'), []);
});

test('the practices a relative clause names stay in front; a state asked of a thing reads like a passive', () => {
  assert.deepEqual(actions('Praxen, die den Kartenleser seit Montag nicht benutzt haben, sollten ihn neu starten.'), [
    'Praxen, die den Kartenleser seit Montag nicht benutzt haben: ihn neu starten',
  ]);
  assert.deepEqual(actions('Der Server sollte nicht aus dem Internet erreichbar und nur über VPN verbunden sein.'), ['Den Server nicht aus dem Internet erreichbar und nur über VPN verbinden']);
  assert.deepEqual(actions('Alle Arbeitsplätze sollten vor dem Quartalswechsel aktualisiert sein.'), ['Alle Arbeitsplätze vor dem Quartalswechsel aktualisieren']);
  // A practice that is to be ready is not a thing to be readied.
  assert.deepEqual(actions('Praxen sollten auf den Ausfall vorbereitet sein.'), ['Auf den Ausfall vorbereitet sein']);
});

test('questions, verb-first conditions with a statement after them and cut-off relative clauses are no actions', () => {
  assert.deepEqual(actions('Worauf sollten Praxen beim Kauf eines Routers achten'), []);
  assert.deepEqual(actions('Was Sie tun sollten:\n• Ist der Dienst gestört, ist keine Abrechnung möglich'), []);
  assert.deepEqual(actions('Betroffen sind Geräte,\n• die im Mai ausgeliefert wurden'), []);
  assert.deepEqual(actions('Und welche Fristen gelten, regelt die Richtlinie der Kammer.'), []);
  // A verb first that was a condition: "if you use the service, the update is installed".
  assert.deepEqual(actions('Buchen Sie den Wartungsvertrag, wird die Firmware automatisch aktualisiert.'), []);
  // … but a verb-first condition followed by what to do is kept.
  assert.deepEqual(actions('Ist die Fernwartung nicht nötig: den Zugang abschalten.'), ['Den Zugang abschalten']);
});

test('a list item whose "zu" belongs to its own clause is no continuation of the lead-in', () => {
  assert.deepEqual(actions('Wichtig für die Praxis:\n• Datenschutz: Das System drängt dazu, ein Online-Konto anzulegen.'), []);
  assert.deepEqual(actions('Empfehlungen:\n• Sicherungen täglich anlegen, um Daten wiederherstellen zu können.'), [
    'Sicherungen täglich anlegen, um Daten wiederherstellen zu können',
  ]);
});

test('a W-word after the comma ends the object of an imperative; English left half-translated is dropped', () => {
  assert.deepEqual(actions('Prüfen Sie vor dem Öffnen genau, wer Ihnen den Anhang geschickt hat.'), ['Vor dem Öffnen genau prüfen, wer Ihnen den Anhang geschickt hat']);
  assert.deepEqual(actions('Protect the router from attackers by making sure that remote access is off.'), []);
  assert.deepEqual(actions('Admins should back up the logs, keeping a copy offline.'), ['Logs sichern']);
});

test('imperatives in the du form of IT firms\' blogs become the same infinitives, addressed with "Ihr"', () => {
  assert.deepEqual(actions('Datenbank absichern – Prüfe, ob das Standardkennwort noch gesetzt ist, und ersetze es durch ein eigenes.'), [
    'Prüfen, ob das Standardkennwort noch gesetzt ist, und es durch ein eigenes ersetzen',
  ]);
  assert.deepEqual(actions('Kontrolliere regelmäßig deine Sicherungen und stelle sie bei Bedarf auf ein externes Medium um.'), [
    'Regelmäßig Ihre Sicherungen kontrollieren und sie bei Bedarf auf ein externes Medium umstellen',
  ]);
  // A noun in front is no verb: "Schwachstelle", "Hilfe".
  assert.deepEqual(actions('Schwachstelle die Angreifer aus dem Netz erreichen.'), []);
});

test('asides: a contact in brackets and a comment between dashes go, the instruction stays', () => {
  assert.deepEqual(actions('Informieren Sie außerdem die Kammer über den Vorfall (per E-Mail an it-sicherheit@kammer.example).'), ['Die Kammer über den Vorfall informieren']);
  assert.deepEqual(actions('Danach sollten Sie – schon aus Haftungsgründen – den Vorfall Ihrer Versicherung melden.'), ['Den Vorfall Ihrer Versicherung melden']);
  assert.deepEqual(actions('Prüfen Sie – am besten mit Ihrem IT-Dienstleister – die Firewall-Regeln.'), ['Am besten mit Ihrem IT-Dienstleister die Firewall-Regeln prüfen']);
  // A bare pronoun after a dash points back at a sentence the action cannot carry.
  assert.deepEqual(actions('Der Techniker kann das Update per Fernwartung einspielen – das sollte mit ihm abgestimmt werden.'), []);
});

test('a particle after a relative clause, a clause of time in front, and list items that continue their lead-in', () => {
  assert.deepEqual(actions('Spielen Sie die Datei, die den Fehler behebt, noch vor dem Quartalsende ein, damit die Abrechnung klappt.'), [
    'Die Datei, die den Fehler behebt, noch vor dem Quartalsende einspielen, damit die Abrechnung klappt',
  ]);
  assert.deepEqual(actions('Bis das Update eingespielt ist, sollte die Weboberfläche aus dem Internet gesperrt werden.'), [
    'Die Weboberfläche aus dem Internet sperren, bis das Update eingespielt ist',
  ]);
  assert.deepEqual(actions('Abhilfe schaffen zwei Wege:\n• Sperren Sie den Gastzugang vorübergehend, oder\n• führen Sie ein Downgrade auf Version 3.1 durch.'), [
    'Den Gastzugang vorübergehend sperren',
    'Ein Downgrade auf Version 3.1 durchführen',
  ]);
  // "Außerdem", "Zudem": links to the sentence before, not part of the item.
  assert.deepEqual(actions('Achten Sie außerdem in den nächsten Wochen auf gefälschte Rechnungen.'), ['In den nächsten Wochen auf gefälschte Rechnungen achten']);
});

test('advice against something becomes "nicht …"; a condition asked with its verb first goes behind the action', () => {
  assert.deepEqual(actions('Die Kasse rät dringend davon ab, solche Nachrichten oder ihre Links zu öffnen.'), ['Solche Nachrichten oder ihre Links nicht öffnen']);
  assert.deepEqual(actions('Es wird davon abgeraten, Zugangsdaten am Telefon zu nennen.'), ['Zugangsdaten am Telefon nicht nennen']);
  assert.deepEqual(actions('Erkennen Sie die Nummer nicht, legen Sie auf.'), ['Auflegen, falls Sie die Nummer nicht erkennen']);
  // Two steps without "und" are two actions, each with its own particle.
  assert.deepEqual(actions('Öffnen Sie die Benutzeroberfläche, rufen Sie den Menüpunkt „Update“ auf.'), ['Die Benutzeroberfläche öffnen', 'Den Menüpunkt „Update“ aufrufen']);
  assert.deepEqual(actions('Kennen Sie den Anrufer angeblich, rufen Sie ihn unter der Ihnen bekannten Nummer zurück.'), [
    'Den Anrufer unter der Ihnen bekannten Nummer zurückrufen, falls Sie den Anrufer angeblich kennen',
  ]);
  assert.deepEqual(actions('Haben Sie Fragen, wenden Sie sich an Ihre Bezirksstelle.'), []);
});

test('passives: both participles of a pair, the accusative of "der", a time phrase with "gleich", an object in front of the modal', () => {
  assert.deepEqual(actions('Die Anhänge sollten weder geöffnet noch weitergeleitet werden.'), ['Die Anhänge weder öffnen noch weiterleiten']);
  assert.deepEqual(actions('Der Fernzugang sollte bis zum Update gesperrt werden.'), ['Den Fernzugang bis zum Update sperren']);
  assert.deepEqual(actions('Gleich nach dem Tausch sollte ein Termin zur Einrichtung vereinbart werden – und zwar rechtzeitig.'), [
    'Gleich nach dem Tausch ein Termin zur Einrichtung vereinbaren – und zwar rechtzeitig',
  ]);
  assert.deepEqual(actions('Freigaben im Netzwerk sollten Sie regelmäßig überprüfen.'), ['Freigaben im Netzwerk regelmäßig überprüfen']);
  // Neither a maker nor a bare pronoun in front is the object of the practice's action.
  assert.deepEqual(actions('Die Hersteller sollten Praxen rechtzeitig informieren.'), []);
  assert.deepEqual(actions('Das sollten Sie jetzt tun.'), []);
});

test('what can be done, or is hard to tell, is no instruction; nor is a relative clause addressed to the reader', () => {
  assert.deepEqual(actions('Die gefälschten Schreiben sind von echten kaum zu unterscheiden.'), []);
  assert.deepEqual(actions('In der Verwaltung lassen sich weitere Schutzfunktionen einschalten.'), []);
  assert.deepEqual(actions('Das Paket enthält:\n• den Signaturdienst, mit dem Sie Arztbriefe signieren und prüfen,'), []);
  assert.deepEqual(actions('Tipps:\n• Lesen Sie auch unseren Beitrag zu Phishing.'), []);
  assert.deepEqual(actions('Praxen sollten sich rechtzeitig vorbereiten.'), []);
  // Words that end like a du-form verb but are none: "Ohne", "sämtliche".
  assert.deepEqual(actions('Ohne das Update können Angreifer die Box übernehmen und sämtliche Daten lesen.'), []);
});

test('English: "always" stays, an apposition between commas goes', () => {
  assert.deepEqual(actions('Always open the configuration page, the web interface of the router, over encrypted HTTPS.'), ['Immer Konfigurationsseite über verschlüsseltes HTTPS öffnen']);
});

test('advice given as a noun phrase is kept as one; whom it is told to, or a bare "das Update", is not advice', () => {
  assert.deepEqual(actions('Läuft der Server ohne Support, empfiehlt sich der Umstieg auf eine unterstützte Version.'), ['Auf eine unterstützte Version umsteigen']);
  assert.deepEqual(actions('Ist der Rechner noch mit dem Internet verbunden, empfiehlt sich die Trennung vom Praxisnetz.'), ['Die Trennung vom Praxisnetz, falls der Rechner noch mit dem Internet verbunden ist']);
  assert.deepEqual(actions('Die Kammer rät zu einem Wechsel aller Zugangsdaten.'), ['Wechsel aller Zugangsdaten']);
  assert.deepEqual(actions('Der Hersteller empfiehlt das Update zudem „dringend“.'), []);
  assert.deepEqual(actions('Wir empfehlen Ihnen unseren Wartungsvertrag.'), []);
});

test('fresh notices, third batch of classes: purpose clauses, another clause\'s subject, conditions with their verb first', () => {
  // "um … zu" is a purpose, not advice, even after a verb that can advise ("rufen … an").
  assert.deepEqual(actions('Manche Betrüger rufen in der Praxis an, um Zugangsdaten zu erfragen.'), []);
  // "man" belongs to the clause before; the modal's own subject is no practice.
  assert.deepEqual(actions('Ein langes Passwort wäre sicherer, aber merken kann man es sich nicht – also muss wieder der Geburtstag herhalten.'), []);
  assert.deepEqual(actions('Kommt es zu einem Datenverlust – etwa durch einen Diebstahl –, müssen Sie den Vorfall der Aufsichtsbehörde melden.'), [
    'Den Vorfall der Aufsichtsbehörde melden, falls es zu einem Datenverlust etwa durch einen Diebstahl kommt',
  ]);
  assert.deepEqual(actions('Zweifeln Sie, rufen Sie den Absender, von dem die Nachricht stammen soll, kurz an – und zwar vor dem Öffnen.'), [
    'Den Absender, von dem die Nachricht stammen soll, kurz anrufen – und zwar vor dem Öffnen, falls Sie zweifeln',
  ]);
  // A relative clause after the object adds detail the action can do without.
  assert.deepEqual(actions('Reset the passwords of all users who may have signed in through the web interface.'), ['Passwörter aller Benutzer zurücksetzen']);
});

test('reported speech: who said it is no part of the action, and demands on others, statistics and reports are no actions', () => {
  // The source after the instruction or in front of the modal goes.
  assert.deepEqual(actions('Ändern Sie umgehend Ihre Passwörter, rät die KV Nordrhein.'), ['Umgehend Ihre Passwörter ändern']);
  assert.deepEqual(actions('Alle Konnektoren müssen bis Ende Juni getauscht werden, so die gematik.'), ['Alle Konnektoren bis Ende Juni tauschen']);
  assert.deepEqual(actions('Laut KV sollten Praxen die Zugangsdaten zum Portal ändern.'), ['Die Zugangsdaten zum Portal ändern']);
  assert.deepEqual(actions('Wie die Kammer mitteilt, sollten Praxen verdächtige Mails löschen.'), ['Verdächtige Mails löschen']);
  // A demand addressed to politics, the gematik or the vendors asks nothing of the practices.
  assert.deepEqual(actions('Die Kammer appelliert an die Politik, die Kosten des Austauschs zu übernehmen.'), []);
  assert.deepEqual(actions('Die KBV hat die gematik aufgefordert, die Fristen zu verlängern.'), []);
  // Statistics and reports with "sollen": what is said to have happened.
  assert.deepEqual(actions('Mehr als 300 Praxen sollen betroffen sein.'), []);
  assert.deepEqual(actions('Rund 40 Prozent der Praxen sollen ihre Daten verloren haben.'), []);
  assert.deepEqual(actions('Jede dritte Praxis sollte laut Umfrage mehr in IT-Sicherheit investieren.'), []);
  assert.deepEqual(actions('Auch Praxen in Bayern sollen betroffen sein.'), []);
  assert.deepEqual(actions('Die Praxen sollen dabei Patientendaten verloren haben.'), []);
  // What a vendor does to its customers, or has someone else do.
  assert.deepEqual(actions('Laut Unternehmen sollen die Kunden in den nächsten Tagen informiert werden.'), []);
  assert.deepEqual(actions('Die betroffenen Kunden sollen in den nächsten Tagen informiert werden.'), []);
  assert.deepEqual(actions('Die Zertifikate müssen bis Ende März von der gematik ausgetauscht werden.'), []);
  // A count after a dash is background, not part of the action.
  assert.deepEqual(actions('Praxen müssen alle Ausweise tauschen, die vor 2025 ausgegeben wurden – insgesamt rund 80.000 Ausweise.'), [
    'Alle Ausweise tauschen, die vor 2025 ausgegeben wurden',
  ]);
});

test('advice words that open a sentence, "ist … zu" with a noun, and versions inside nominal advice', () => {
  assert.deepEqual(actions('Ratsam ist es außerdem, eine Zwei-Faktor-Authentifizierung einzurichten.'), ['Eine Zwei-Faktor-Authentifizierung einrichten']);
  assert.deepEqual(actions('Empfohlen wird, die Firmware zeitnah zu aktualisieren.'), ['Die Firmware zeitnah aktualisieren']);
  assert.deepEqual(actions('Wichtig ist, die Updates zeitnah einzuspielen.'), ['Die Updates zeitnah einspielen']);
  assert.deepEqual(actions('Das Passwort ist umgehend zu ändern.'), ['Das Passwort umgehend ändern']);
  assert.deepEqual(actions('Das ist nicht zu ändern.'), []);
  assert.deepEqual(actions('Die KV empfiehlt dringend ein Update auf Version 3.9.1.'), ['Ein Update auf Version 3.9.1']);
});

test('English: advice to customers, an imperative after a condition, a bracket after the action; no pronoun for object', () => {
  assert.deepEqual(actions('We strongly advise customers to upgrade to the latest version.'), ['Auf neueste Version aktualisieren']);
  assert.deepEqual(actions('If you cannot patch immediately, disable the SSL VPN.'), ['SSL VPN deaktivieren']);
  assert.deepEqual(actions('Organizations running FortiOS should upgrade to 7.2.5.'), ['Auf 7.2.5 aktualisieren (bei FortiOS)']);
  assert.deepEqual(actions('If you used the same credentials anywhere else, change them there as well.'), []);
});

test('steps through a user interface and the site\'s own calls to action are no actions', () => {
  assert.deepEqual(actions('Open Control Panel > System > Firmware Update.'), []);
  assert.deepEqual(actions('Geben Sie im Browser die Adresse des Routers ein.'), []);
  // An action that ends in a real step keeps it.
  assert.deepEqual(actions('Wählen Sie im Browser die Seite „Update“ und installieren Sie die neue Firmware.'), [
    'Im Browser die Seite „Update“ wählen und die neue Firmware installieren',
  ]);
  assert.deepEqual(actions('• Keine Anhänge im Browser öffnen'), ['Keine Anhänge im Browser öffnen']);
  assert.deepEqual(actions('Vereinbaren Sie einen Termin mit unseren Experten.'), []);
  assert.deepEqual(actions('Melden Sie sich jetzt zu unserem kostenlosen Webinar an.'), []);
  assert.deepEqual(actions('Geben Sie einen Suchbegriff ein.'), []);
});

test('English: gerunds after "advise" and "recommend", passive advice, purposes and conditions in front, "or" between two verbs', () => {
  assert.deepEqual(actions('The vendor advises keeping the firmware updated to the latest version at all times.'), ['Firmware auf neueste Version jederzeit aktualisieren']);
  assert.deepEqual(actions('We recommend updating to version 7.2.5.'), ['Auf Version 7.2.5 aktualisieren']);
  assert.deepEqual(actions('A NAS should not be connected directly to the internet.'), ['NAS nicht direkt mit dem Internet verbinden']);
  assert.deepEqual(actions('Affected devices should be updated immediately.'), ['Betroffene Geräte sofort aktualisieren']);
  assert.deepEqual(actions('The vulnerability should be fixed in the next release.'), []);
  assert.deepEqual(actions('To reduce the attack surface, disable remote management or restrict access to the VPN.'), [
    'Fernverwaltung deaktivieren oder Zugriff auf VPN einschränken',
  ]);
  // A purpose after the object goes, also without a comma before it.
  assert.deepEqual(actions('After patching, carry out a threat assessment to confirm that nothing was exploited.'), ['Bedrohungsanalyse durchführen']);
  assert.deepEqual(actions('Users of older versions have to upgrade to a supported version to receive the fix.'), ['Auf unterstützte Version aktualisieren (bei älteren Versionen)']);
  // English words left over mean the sentence was not understood.
  assert.deepEqual(actions('The agency advises installing these patches under the conditions below, unless your own analysis says otherwise.'), []);
});

test('reported advice in the subjunctive, "man" and any practice as subject, advice done "am besten", explanations after a dash', () => {
  assert.deepEqual(actions('Er rät davon ab, Lösegeld zu zahlen. Stattdessen solle man das Landeskriminalamt einschalten.'), ['Lösegeld nicht zahlen', 'Das Landeskriminalamt einschalten']);
  assert.deepEqual(actions('Auf den Link in der Nachricht sollte man keinesfalls klicken – über ihn verschaffen sich die Angreifer Zugang.'), [
    'Auf den Link in der Nachricht keinesfalls klicken',
  ]);
  assert.deepEqual(actions('Jede Mitgliedspraxis muss den neuen Ausweis selbst über das Portal bestellen.'), ['Den neuen Ausweis selbst über das Portal bestellen']);
  // A count of practices is still a statistic.
  assert.deepEqual(actions('Jede dritte Praxis sollte laut Umfrage die Passwörter ändern.'), []);
  assert.deepEqual(actions('Eine solche Mail löscht man am besten sofort.'), ['Eine solche Mail sofort löschen']);
  assert.deepEqual(actions('Den Absender ruft man am besten vorher an.'), ['Den Absender vorher anrufen']);
  assert.deepEqual(actions('Das macht man am besten sofort.'), []);
  assert.deepEqual(actions('„Das Wichtigste ist aber, Programme und Betriebssystem immer aktuell zu halten.“'), ['Programme und Betriebssystem immer aktuell halten']);
});

test('a list opener still continues the action when a sentence about that action stands between them', () => {
  assert.deepEqual(actions('Praxen wird geraten, alle Passwörter zu ändern. Das sollte sofort geschehen. Dazu zählen vor allem:\n• die Passwörter der Praxissoftware\n• die Passwörter des Konnektors'), [
    'Die Passwörter der Praxissoftware ändern',
    'Die Passwörter des Konnektors ändern',
  ]);
});

test('English: a clause or phrase after the object goes unless it is a condition; verbs of two words as gerunds; adjectives in -ing', () => {
  assert.deepEqual(actions('All customers should install the patch right away, on physical as well as virtual appliances.'), ['Patch sofort einspielen']);
  assert.deepEqual(actions('Customers should install the patch, if the device is exposed.'), ['Patch einspielen, falls Gerät erreichbar ist']);
  assert.deepEqual(actions('We also recommend turning on two-factor authentication for these accounts.'), ['Zwei-Faktor-Authentifizierung für diese Konten aktivieren']);
  assert.deepEqual(actions('Organizations should install the matching patch IMMEDIATELY.'), ['Passenden Patch sofort einspielen']);
  assert.deepEqual(actions('• Update Microsoft Outlook as soon as possible to close the issue.'), ['Microsoft Outlook schnellstmöglich aktualisieren']);
});

test('a semicolon ends an imperative; English with "already" or "helps" left over is not understood', () => {
  assert.deepEqual(actions('Verfolgen Sie unsere Mitteilungen und setzen Sie die empfohlenen Schritte um; in aller Regel bedeutet das, den Client zu aktualisieren.'), [
    'Unsere Mitteilungen verfolgen',
    'Die empfohlenen Schritte umsetzen',
  ]);
  assert.deepEqual(actions('Availability: patching only helps if the network is not already compromised.'), []);
});

test('a repeat that differs only by a qualifier in brackets is the same action', () => {
  assert.deepEqual(actions('Organizations should install the matching patch immediately. All customers with SMA devices should install the patch right away.'), [
    'Passenden Patch sofort einspielen',
  ]);
});

test('practices meant with a relative clause become the condition, in the form of "Sie"; things meant are named once', () => {
  assert.deepEqual(actions('Praxen, die das Fernwartungsportal genutzt haben, sollten die Kennwörter ihrer Konten ändern.'), ['Die Kennwörter Ihrer Konten ändern, falls Sie das Fernwartungsportal genutzt haben']);
  assert.deepEqual(actions('Zahnärzte, die noch mit der alten Version arbeiten, sollten sich an ihren Systembetreuer wenden.'), ['Sich an Ihren Systembetreuer wenden, falls Sie noch mit der alten Version arbeiten']);
  // Not the reader: devices meant with a relative clause stay the object, named once and closed by a comma.
  assert.deepEqual(actions('Kartenlesegeräte, die keine Updates mehr erhalten, sollten ausgetauscht werden.'), ['Kartenlesegeräte, die keine Updates mehr erhalten, austauschen']);
});

test('a pronoun that points into the "Wer …" clause is replaced by the thing it names; having received it is no condition', () => {
  assert.deepEqual(actions('Wer eine solche Rechnung erhält, sollte sie nicht bezahlen und danach die Polizei informieren.'), ['Eine solche Rechnung nicht bezahlen', 'Die Polizei informieren']);
  assert.deepEqual(actions('Wer den Zugangscode auch am Kartenterminal nutzt, sollte ihn dort ebenfalls ändern.'), ['Den Zugangscode dort ebenfalls ändern, falls man den Zugangscode auch am Kartenterminal nutzt']);
});

test('"Falls Sie unsicher sind" before a step of checking keeps the step; before a contact line for help it does not', () => {
  assert.deepEqual(actions('Falls Sie unsicher sind, prüfen Sie die Absenderadresse der Nachricht.'), ['Die Absenderadresse der Nachricht prüfen, falls Sie unsicher sind']);
  assert.deepEqual(actions('Wenn Sie unsicher sind, kontaktieren Sie die Bank direkt über die Ihnen bekannte Telefonnummer.'), ['Die Bank direkt über die Ihnen bekannte Telefonnummer kontaktieren, wenn Sie unsicher sind']);
  assert.deepEqual(actions('Falls Sie Fragen haben, wenden Sie sich an unser Service-Team.'), []);
  assert.deepEqual(actions('Bei Rückfragen kontaktieren Sie bitte Ihren Ansprechpartner.'), []);
});

test('a sender\'s address to watch out for belongs to the instruction; an address to write to makes a contact line', () => {
  assert.deepEqual(actions('Mails des Absenders „rechnung@praxis-abrechnung.example“ sollten Praxen in keinem Fall öffnen.'), ['Mails des Absenders „rechnung@praxis-abrechnung.example“ in keinem Fall öffnen']);
  assert.deepEqual(actions('Löschen Sie Nachrichten von service@kv-portal.example ungelesen.'), ['Nachrichten von service@kv-portal.example ungelesen löschen']);
  assert.deepEqual(actions('Senden Sie Ihre Fragen bitte an it-hilfe@kv.example.'), []);
});

test('a copy without a headline: its first sentence stands in for the title and is still read for actions', async () => {
  const { extractDocument } = await import('../src/normalize/document.js');
  const { compileCatalog } = await import('../src/normalize/products.js');
  const { readConfigFile } = await import('../src/config/files.js');
  const { catalogSchema } = await import('../src/catalog/catalog.models.js');
  const matcher = compileCatalog(readConfigFile('config/catalog.json', catalogSchema));
  const [draft] = await extractDocument(
    matcher,
    'Rechnungen des Absenders „buchhaltung@medi-versand.example“ sollten Praxen keinesfalls bezahlen. Davor warnt die Kammer, nachdem mehrere Praxen solche Schreiben erhalten hatten. Der angebliche Versand wurde nie bestellt, und die angegebene Bankverbindung gehört Betrügern, die so an das Geld der Praxen kommen wollen.\n',
  );
  assert.equal(draft!.title, 'Rechnungen des Absenders „buchhaltung@medi-versand.example“ sollten Praxen keinesfalls bezahlen.');
  assert.deepEqual(draft!.actions, ['Rechnungen des Absenders „buchhaltung@medi-versand.example“ keinesfalls bezahlen']);
});

test('a first step that is no action ("Besuchen Sie diese Seite, …") leaves the steps after it', () => {
  assert.deepEqual(actions('Besuchen Sie regelmäßig das Serviceportal, prüfen Sie dort den Stand Ihrer Geräte und spielen Sie fehlende Updates ein.'), [
    'Dort den Stand Ihrer Geräte prüfen',
    'Fehlende Updates einspielen',
  ]);
  assert.deepEqual(actions('Besuchen Sie unsere Website, dort finden Sie weitere Informationen.'), []);
});

test('"aktiv werden" becomes something, it is no passive; the practices meant stay the condition', () => {
  assert.deepEqual(actions('Praxen, die noch mit der alten Version arbeiten, sollten rasch aktiv werden.'), ['Rasch aktiv werden, falls Sie noch mit der alten Version arbeiten']);
  assert.deepEqual(actions('Praxisteams, die mit dem Portal arbeiten, sollten regelmäßig geschult werden.'), ['Praxisteams, die mit dem Portal arbeiten, regelmäßig schulen']);
  assert.deepEqual(actions('Die Zugänge sollten anschließend gesperrt werden.'), ['Die Zugänge anschließend sperren']);
});

test('advice against a deed named as a noun ("rät von einer weiteren Nutzung … ab") is doing without it', () => {
  assert.deepEqual(actions('Das Landesamt rät dringend von einer weiteren Nutzung des alten Fernwartungsprogramms ab.'), ['Auf eine weitere Nutzung des alten Fernwartungsprogramms verzichten']);
  assert.deepEqual(actions('Die Kammer rät vom Öffnen solcher Anhänge ab.'), ['Auf das Öffnen solcher Anhänge verzichten']);
  // A masculine noun would need "den …": its gender is not known from its ending, so nothing is made of it.
  assert.deepEqual(actions('Die Kammer rät vom Einsatz privater Geräte ab.'), []);
});

test('"Es sollte sichergestellt werden, dass …" is the step of making sure; "sicher" is the particle of "sicherstellen"', () => {
  assert.deepEqual(actions('Es sollte sichergestellt werden, dass alle Praxisrechner auf den neuesten Stand gebracht werden.'), ['Sicherstellen, dass alle Praxisrechner auf den neuesten Stand gebracht werden']);
  assert.deepEqual(actions('Zudem sollte sichergestellt werden, dass alle Kartenterminals aktualisiert werden.'), ['Sicherstellen, dass alle Kartenterminals aktualisiert werden']);
  assert.equal(participleToInfinitive('sichergestellt'), 'sicherstellen');
});

test('a firm\'s own experts giving advice is advice; the same words offering their help are not', () => {
  assert.deepEqual(actions('Unsere Experten raten dringend von der Nutzung des alten Browsers ab.'), ['Auf die Nutzung des alten Browsers verzichten']);
  assert.deepEqual(actions('Unsere Experten beraten Sie gern bei der Umstellung.'), []);
});
