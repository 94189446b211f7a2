import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('what a scam asks of its victims is described, not advised', () => {
  for (const text of [
    'In der E-Mail werden die Empfänger aufgefordert, einen Link anzuklicken und ihre Zugangsdaten einzugeben.',
    'Die Betrüger fordern die Praxen auf, eine angebliche Rechnung zu begleichen.',
    'Die gefälschte Nachricht fordert die Empfänger auf, innerhalb von 48 Stunden ihre Bankdaten zu aktualisieren.',
    'Die Anrufer fordern die Praxismitarbeiter auf, eine Fernwartung zuzulassen.',
    'Per SMS werden die Opfer gebeten, einen Link zu öffnen.',
    'Darin werden die Empfänger aufgefordert, ihre Kontodaten zu bestätigen.',
    'Die Täter geben vor, von der KV zu kommen, und bitten die Praxis, Zugangsdaten zu nennen.',
    'Man werde aufgefordert, persönliche Daten auf einer gefälschten Webseite einzugeben.',
    'Angeblich muss man sich für eine neue Gesundheitskarte registrieren.',
    'In der Mail heißt es, man solle seine Zugangsdaten bestätigen.',
    'Werden Sie aufgefordert, Ihr Passwort einzugeben, ist Vorsicht angebracht.',
    'So erkennen Sie Phishing:\n• Drängende Sprache: Die Mails setzen Empfänger unter Druck und behaupten, man müsse sofort handeln, damit das Konto nicht gesperrt wird.',
  ]) {
    assert.deepEqual(actions(text), [], text);
  }
  // Demands on the practices by the KV or a vendor stay advice, and so does advice given about such calls.
  assert.deepEqual(actions('Die KV fordert alle Praxen auf, die Mails ungelesen zu löschen.'), ['Die Mails ungelesen löschen']);
  assert.deepEqual(actions('Der Hersteller fordert seine Kunden auf, das Update umgehend einzuspielen.'), ['Das Update umgehend einspielen']);
  assert.deepEqual(actions('Bei Anrufen angeblicher Techniker wird empfohlen, sofort aufzulegen.'), ['Sofort auflegen']);
  // The demand as the condition of the real instruction.
  assert.deepEqual(actions('Wenn Sie per E-Mail aufgefordert werden, Ihr Passwort einzugeben, löschen Sie die Nachricht.'), [
    'Die Nachricht löschen, wenn Sie per E-Mail aufgefordert werden, Ihr Passwort einzugeben',
  ]);
});

test('items under a lead-in that says what an attack aims at or can do are no actions', () => {
  assert.deepEqual(actions('Die Phishing-Mails richten sich an Praxen, um:\n• Zugangsdaten zum Praxisverwaltungssystem abzufangen\n• Schadsoftware auf den Rechnern zu installieren'), []);
  assert.deepEqual(actions('Über die Lücke können Angreifer:\n• Schadcode auf dem Gerät ausführen\n• die Konfiguration auslesen'), []);
  assert.deepEqual(actions('Typischer Inhalt der E-Mail:\n• Logo der KBV eingebunden, um Echtheit vorzutäuschen\n• Button „Dokument öffnen“'), []);
  assert.deepEqual(actions('Die Täter gehen so vor:\n• Rechnungen per Mail verschicken\n• Druck mit Mahngebühren aufbauen'), []);
  // An advice list after such a description is read as before.
  assert.deepEqual(actions('Die Mails zielen darauf, um:\n• Daten abzugreifen\nSo schützen Sie sich:\n• Links nicht anklicken\n• Absenderadresse prüfen'), [
    'Links nicht anklicken',
    'Absenderadresse prüfen',
  ]);
});

test('a passive demand on vendors, funds or the gematik is no advice to practices', () => {
  assert.deepEqual(actions('Hersteller sind aufgerufen, Schwachstellen in ihren Produkten möglichst zu vermeiden.'), []);
  assert.deepEqual(actions('Die Krankenkassen sind aufgefordert, die Karten bis Jahresende zu tauschen.'), []);
  assert.deepEqual(actions('Die gematik wurde gebeten, die Frist zu verlängern.'), []);
  assert.deepEqual(actions('Praxen sind aufgerufen, vorhandene Sicherheitsupdates schnellstmöglich zu installieren.'), [
    'Vorhandene Sicherheitsupdates schnellstmöglich installieren',
  ]);
});

test('link words in front of a modal go; a condition with "sich" and its verb first goes behind the action', () => {
  assert.deepEqual(actions('Demnach sollen Kunden Zugangsdaten nur über die offizielle Website eingeben.'), ['Zugangsdaten nur über die offizielle Website eingeben']);
  assert.deepEqual(actions('Folglich sollten Praxen das Update sofort einspielen.'), ['Das Update sofort einspielen']);
  assert.deepEqual(actions('Kümmert sich ein IT-Dienstleister um das Netzwerk, sollte mit ihm vereinbart werden, dass er die Updates übernimmt.'), [
    'Mit dem IT-Dienstleister vereinbaren, dass er die Updates übernimmt, falls sich ein IT-Dienstleister um das Netzwerk kümmert',
  ]);
});

test('"ist … zu" with a purpose or a condition after it: the purpose goes, the condition stays', () => {
  assert.deepEqual(actions('Das Gerät ist unbedingt vom Netz zu trennen, um weitere Schäden zu vermeiden.'), ['Das Gerät unbedingt vom Netz trennen']);
  assert.deepEqual(actions('Die Zugangsdaten sind sofort zu ändern, falls sie weitergegeben wurden.'), ['Die Zugangsdaten sofort ändern, falls sie weitergegeben wurden']);
  assert.deepEqual(actions('So ist kein Reset mehr notwendig, um die Sicherheitslücke zu beheben.'), []);
});

test('English advice: urged or encouraged addressees with a qualifier, "it is critical that …", two verbs sharing one object', () => {
  assert.deepEqual(actions('Customers are being urged to update their firmware to prevent exploitation of the flaw.'), ['Firmware aktualisieren']);
  assert.deepEqual(actions('The vendor strongly urges companies utilizing its firewalls to download the latest patches immediately.'), [
    'Neueste Patches sofort herunterladen',
  ]);
  assert.deepEqual(actions('CISA encourages users and administrators to review the advisory and apply the necessary updates.'), [
    'Sicherheitshinweis überprüfen',
    'Die nötigen Updates einspielen',
  ]);
  assert.deepEqual(actions('It is absolutely critical that users of affected devices immediately apply the latest security patches.'), [
    'Neueste Sicherheitspatches einspielen',
  ]);
  assert.deepEqual(actions('It is imperative that all customers upgrade their devices without delay.'), ['Geräte unverzüglich aktualisieren']);
  assert.deepEqual(actions('Experts recommend that users frequently check and update their software to patch any remaining holes.'), [
    'Regelmäßig Software prüfen und aktualisieren',
  ]);
  assert.deepEqual(actions('• Users are strongly advised to update the firmware to version 12.7.2 or a later release.'), ['Firmware auf Version 12.7.2 oder neuer aktualisieren']);
});

test('advice words not read before: "appellieren an", "Es lohnt sich", "Es gilt", "Schritt ist es", "Am sichersten", "Hilfreich ist"', () => {
  assert.deepEqual(actions('Die KZVen appellieren dringend an die Praxisinhaber, das Thema IT-Sicherheit zur Chefsache zu machen.'), [
    'Das Thema IT-Sicherheit zur Chefsache machen',
  ]);
  assert.deepEqual(actions('Es lohnt sich, die Zugangsdaten regelmäßig zu ändern.'), ['Die Zugangsdaten regelmäßig ändern']);
  assert.deepEqual(actions('Es gilt, die Updates schnellstmöglich einzuspielen.'), ['Die Updates schnellstmöglich einspielen']);
  assert.deepEqual(actions('Ein wichtiger erster Schritt ist es, sich von veralteten Betriebssystemen zu trennen.'), ['Sich von veralteten Betriebssystemen trennen']);
  assert.deepEqual(actions('Am sichersten ist es, den Anhang gar nicht erst zu öffnen.'), ['Den Anhang gar nicht erst öffnen']);
  assert.deepEqual(actions('Hilfreich ist auch, die Mitarbeitenden regelmäßig zu schulen.'), ['Die Mitarbeitenden regelmäßig schulen']);
  // A step someone else takes, or one with a purpose only, stays out.
  assert.deepEqual(actions('Die gematik hat einen wichtigen Schritt getan, um die Ausfälle zu beheben.'), []);
});

test('advice as a noun phrase: "empfohlen wird", "Sinnvoll ist", the means of protection as subject', () => {
  assert.deepEqual(actions('Dringend empfohlen wird ein Update auf Version 7.57.'), ['Ein Update auf Version 7.57']);
  assert.deepEqual(actions('Sinnvoll ist zudem eine Zwei-Faktor-Authentifizierung für alle Fernzugänge.'), ['Eine Zwei-Faktor-Authentifizierung für alle Fernzugänge aktivieren']);
  assert.deepEqual(actions('Datensicherung\nWirksamen Schutz für den Ernstfall bieten regelmäßige Datensicherungen auf externen Medien.'.replace('\n', ': ')), [
    'Regelmäßige Datensicherungen auf externen Medien anlegen',
  ]);
  assert.deepEqual(actions('Der beste Schutz ist eine regelmäßige Datensicherung.'), ['Eine regelmäßige Datensicherung anlegen']);
  // Help offered is no means of protection.
  assert.deepEqual(actions('Dabei helfen Ihnen die Berater der KV.'), []);
});

test('a lead-in that only points at its list gives way to the items; a capitalised announcing lead-in still lends its verb', () => {
  assert.deepEqual(actions('Zu Ihrem Schutz sollten Sie diese Punkte beachten:\n• Öffnen Sie keine Anhänge unbekannter Absender.\n• Sichern Sie Ihre Daten regelmäßig.'), [
    'Keine Anhänge unbekannter Absender öffnen',
    'Ihre Daten regelmäßig sichern',
  ]);
  assert.deepEqual(actions('Praxen sollten folgende Grundregeln einhalten:\n• regelmäßige Datensicherung auf externe Medien\n• aktuelle Virenschutzprogramme'), [
    'Regelmäßige Datensicherung auf externe Medien anlegen',
    'Aktuelle Virenschutzprogramme',
  ]);
  assert.deepEqual(actions('Die KV rät, folgende Passwörter zu ändern:\n• die Passwörter der Praxissoftware\n• die PIN des Routers'), [
    'Die Passwörter der Praxissoftware ändern',
    'Die PIN des Routers ändern',
  ]);
});

test('practices meant by a relative clause with its own verb, compounds in -praxen and the IT service as subject', () => {
  assert.deepEqual(actions('Praxen, die betroffen sind, sollten die Ablaufdaten prüfen.'), ['Die Ablaufdaten prüfen, falls Sie betroffen sind']);
  assert.deepEqual(actions('Deshalb sollten Zahnarztpraxen die Ablaufdaten ihrer Konnektoren prüfen.'), ['Die Ablaufdaten ihrer Konnektoren prüfen']);
  assert.deepEqual(actions('Laut Hersteller sollen die IT-Dienstleister der betroffenen Praxen den Konnektor manuell neu registrieren.'), [
    'Den Konnektor manuell neu registrieren',
  ]);
});

test('passives that report a plan, a count or a statement, demands on providers and bare "handeln" are no actions', () => {
  assert.deepEqual(actions('In diesem Jahr müssen nach Angaben der Gematik zunächst rund 30.000 Konnektoren getauscht werden.'), []);
  assert.deepEqual(actions('In der Regel läuft auch das Zertifikat der Kartenterminals ab, sie sind maximal fünf Jahre gültig und müssen rechtzeitig ausgetauscht werden.'), []);
  assert.deepEqual(actions('Die Hersteller beheben die Schwachstellen und rollen Updates aus. Die müssen allerdings auch installiert werden!'), []);
  assert.deepEqual(actions('Das BSI ruft zudem die Provider auf, ihren Kunden das Update schnellstmöglich zur Verfügung zu stellen.'), []);
  assert.deepEqual(actions('Endet die Laufzeit der Komponenten, sollten Praxen rechtzeitig handeln.'), []);
  // A passive instruction is still one.
  assert.deepEqual(actions('Die Kennwörter der Konnektoren sollten umgehend geändert werden.'), ['Die Kennwörter der Konnektoren umgehend ändern']);
});

test('advice without the comma before its infinitive, and "ist zu prüfen, ob …"', () => {
  assert.deepEqual(actions('Der Hersteller empfiehlt die Deregistrierung der VPN-Verbindung zu vermeiden.'), ['Die Deregistrierung der VPN-Verbindung vermeiden']);
  assert.deepEqual(actions('Wir empfehlen allen die Firmware ihres Routers zu prüfen und unverzüglich alle verfügbaren Updates einzuspielen!'), [
    'Die Firmware ihres Routers prüfen',
    'Unverzüglich alle verfügbaren Updates einspielen',
  ]);
  assert.deepEqual(actions('Das BSI empfiehlt Betreibern von Exchange-Servern die Patches einzuspielen.'), ['Die Patches einspielen']);
  assert.deepEqual(actions('Zunächst ist zu prüfen, ob das eigene Modell betroffen ist.'), ['Zunächst prüfen, ob das eigene Modell betroffen ist']);
});

test('social networks, newsletters and contact lines for questions are no actions, in English and German', () => {
  for (const text of [
    'Follow us on Twitter for the latest updates.',
    'Sign up for our newsletter to get the latest security news.',
    'The vendor asks customers to contact support for further details.',
    'Folgen Sie uns auf LinkedIn, um nichts zu verpassen.',
    'Für weitere Informationen wenden Sie sich bitte an Ihre KV.',
    'Bei Rückfragen kontaktieren Sie bitte Ihren Systembetreuer.',
  ]) {
    assert.deepEqual(actions(text), [], text);
  }
  assert.deepEqual(actions('Kontaktieren Sie bei Fehlermeldungen umgehend Ihren IT-Servicepartner.'), ['Bei Fehlermeldungen umgehend Ihren IT-Servicepartner kontaktieren']);
});

test('English: "first" and a step before or after applying a fix', () => {
  assert.deepEqual(actions('Administrators must first upgrade to version 9.2 before applying the hotfix.'), ['Zuerst auf Version 9.2 aktualisieren, vor dem Einspielen von Hotfix']);
});

test('what practices can check themselves is how the notice tells them to check', () => {
  assert.deepEqual(actions('Wann die Sicherheitszertifikate der Konnektoren ablaufen, können Praxen zudem selbst überprüfen.'), [
    'Selbst überprüfen, wann die Sicherheitszertifikate der Konnektoren ablaufen',
  ]);
  assert.deepEqual(actions('Praxen können im Kundenportal prüfen, ob ihr Gerät betroffen ist.'), ['Im Kundenportal prüfen, ob ihr Gerät betroffen ist']);
  assert.deepEqual(actions('Die Laufzeit ihres Konnektors können Praxen online mit ihrer Kundennummer überprüfen.'), [
    'Die Laufzeit ihres Konnektors online mit ihrer Kundennummer überprüfen',
  ]);
  // Others checking, or a pronoun for what to check, say nothing to do.
  assert.deepEqual(actions('Der Hersteller kann prüfen, ob das Gerät betroffen ist.'), []);
  assert.deepEqual(actions('Das können Sie selbst prüfen.'), []);
});

test('the answer to a question of what to do, and a phrase after an advice label, read like list items', () => {
  assert.deepEqual(actions('Was sollten Praxen tun?\nDas Update einspielen und den Konnektor neu starten.'), ['Das Update einspielen', 'Den Konnektor neu starten']);
  assert.deepEqual(actions('Handlungsempfehlung: Update auf Version 5.2.1 installieren.'), ['Update auf Version 5.2.1 installieren']);
  assert.deepEqual(actions('Maßnahme: Den Konnektor vom Netz trennen.'), ['Den Konnektor vom Netz trennen']);
  // After another question, or after a label that is no advice, a statement stays one.
  assert.deepEqual(actions('Was ist passiert?\nUnbekannte Täter haben die Server des Anbieters verschlüsselt.'), []);
  assert.deepEqual(actions('Hintergrund: Angriffe auf Praxen nehmen zu.'), []);
});

test('what practices receive, should know or expect, and plans announced with "sollen", are no deeds', () => {
  for (const text of [
    'Praxen sollen künftig eine Pauschale für den Austausch erhalten.',
    'Die betroffenen Praxen sollen in den kommenden Tagen ein Schreiben erhalten.',
    'Ärzte sollten sich nicht zu sicher fühlen.',
    'Praxen sollten wissen, dass die Haftung beim Praxisinhaber liegt.',
    'Praxen müssen mit Einschränkungen beim Versichertenstammdatenabgleich rechnen.',
    'Künftig sollen Hersteller verpflichtet werden, Sicherheitsupdates bereitzustellen.',
    'Die Anwender sollen in einer zweiten Phase migriert werden.',
  ]) {
    assert.deepEqual(actions(text), [], text);
  }
  // Advice with "sollten", and a passive instruction on the practice's own staff, stay.
  assert.deepEqual(actions('Praxen sollten künftig alle Updates zeitnah einspielen.'), ['Künftig alle Updates zeitnah einspielen']);
  assert.deepEqual(actions('Mitarbeitende sollten regelmäßig geschult werden.'), ['Mitarbeitende regelmäßig schulen']);
});

test('English press: who said it goes, a pronoun with an adverb is no object, common terms of incident response are translated', () => {
  assert.deepEqual(actions('"We strongly recommend that customers upgrade to the fixed release," a spokesperson told BleepingComputer.'), [
    'Auf korrigierte Version aktualisieren',
  ]);
  assert.deepEqual(actions('The company has released a patch and recommends all customers install it immediately.'), []);
  assert.deepEqual(actions('The agency also urged organizations to hunt for signs of compromise.'), ['Anzeichen einer Kompromittierung suchen']);
  assert.deepEqual(actions('Organizations that cannot immediately patch should disable the affected feature.'), ['Betroffene Funktion deaktivieren']);
});

test('list items that are a reason, a consequence or a verb-first condition with a statement are no actions', () => {
  assert.deepEqual(
    actions(
      'Tipps:\n• Werden Sie um Passwörter, Kreditkartendaten oder Ähnliches gebeten, ist Vorsicht angebracht.\n• Weil es ohne lokale Hardware auskommt und damit typische Fehlerquellen wegfallen.\n• Da die Mails täuschend echt aussehen, fallen viele darauf herein.',
    ),
    [],
  );
  assert.deepEqual(actions('Hinweise:\n• Während des Updates das Gerät nicht ausschalten.'), ['Während des Updates das Gerät nicht ausschalten']);
});

test('a phrase whose clauses end only in a modal or a noun is a relative or reported clause, not an action', () => {
  assert.deepEqual(actions('Rückblick:\n• 200 Stipendien für Studierende, die später ambulant in der Region arbeiten wollen'), []);
  // A capitalised last word of a clause is a noun, not an infinitive.
  assert.deepEqual(actions('Rückblick:\n• Zehn Jahre Stipendien: 200 Stipendien für Studierende, die später ambulant in der Region arbeiten wollen.'), []);
  assert.deepEqual(actions('Prüfen Sie, ob Sie die Firmware selbst aktualisieren können.'), ['Prüfen, ob Sie die Firmware selbst aktualisieren können']);
});

test('the new advice shapes do not take opinions, policy or advice to others', () => {
  for (const text of [
    'Die Ärztekammer appelliert an die Politik, die Finanzierung der TI zu sichern.',
    'Für Hersteller lohnt es sich kaum, alte Geräte zu unterstützen.',
    'Der nächste Schritt ist die Anbindung der Pflege an die TI.',
    'Sinnvoll ist das vor allem für große Praxen.',
    'Der Verband empfiehlt der Politik die Digitalisierung voranzutreiben.',
    'Die gematik empfahl den Herstellern die Zertifikate rechtzeitig zu tauschen.',
    'Hilfreich sei aus Sicht der KV, die Fristen zu verlängern.',
    'Der beste Schutz ist noch immer Aufmerksamkeit.',
    'Was sollten Praxen tun?\nPraxen sind von der Störung nicht betroffen.',
  ]) {
    assert.deepEqual(actions(text), [], text);
  }
  assert.deepEqual(actions('Den besten Schutz bieten nach Ansicht der Experten regelmäßige Schulungen des Teams.'), ['Regelmäßige Schulungen des Teams durchführen']);
});

test('a rule after a colon keeps its relative clause; a reason before a modal goes; "z. B." ends an object; advice in a dass-clause', () => {
  assert.deepEqual(actions('Die wichtigste Regel im Umgang mit E-Mails lautet: niemals einen Dateianhang öffnen, den man nicht angefordert hat.'), [
    'Niemals einen Dateianhang öffnen, den man nicht angefordert hat',
  ]);
  assert.deepEqual(actions('Da es ständig neue Schadprogramme gibt, sollten Sie Ihren Virenscanner täglich aktualisieren.'), ['Ihren Virenscanner täglich aktualisieren']);
  assert.deepEqual(actions('Laden Sie Apps nur aus den offiziellen Stores herunter, z.B. aus dem App Store.'), ['Apps nur aus den offiziellen Stores herunterladen, z.B. aus dem App Store']);
  assert.deepEqual(actions('Ganz wichtig ist auch, dass Sie die empfohlenen Updates für das Betriebssystem installieren.'), [
    'Die empfohlenen Updates für das Betriebssystem installieren',
  ]);
  assert.deepEqual(actions('Wichtig ist, dass die Daten gesichert sind.'), []);
});
