import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 9: shapes of instruction language that hold their instruction in one clause, or in an order the earlier
// rules did not read. The sentences are made up for these tests; each class has negatives beside it.
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('a sentence behind a short label is read as a sentence of its own', () => {
  assert.deepEqual(actions('Neue Zertifikate nötig: Zeigt Ihr Kartenterminal einen Fehler an, rufen Sie Ihren Servicepartner an.'), [
    'Ihren Servicepartner anrufen, falls Ihr Kartenterminal einen Fehler anzeigt',
  ]);
  assert.deepEqual(actions('Stand der Dinge: Die Störung ist seit Dienstag behoben.'), []);
  // A label with a verb of its own is a sentence, not a label.
  assert.deepEqual(actions('Wichtig ist: Die Täter nutzen echte Logos.'), []);
});

test('an instruction after a semicolon is read on its own', () => {
  assert.deepEqual(actions('Die neue Version erscheint am Freitag; bitte spielen Sie sie auf allen Praxisrechnern ein.'), [
    'Diese auf allen Praxisrechnern einspielen',
  ]);
  assert.deepEqual(actions('Der Hersteller hat die Lücke geschlossen; die Updates laufen automatisch.'), []);
});

test('a dass-clause after a verb of saying is read in the order of a main clause', () => {
  assert.deepEqual(actions('Die Kammer weist darauf hin, dass Praxen ihre Zugangsdaten für das Portal umgehend erneuern sollten.'), [
    'Ihre Zugangsdaten für das Portal umgehend erneuern',
  ]);
  assert.deepEqual(actions('Die Sparkasse betont, dass TANs nur in der eigenen App eingegeben werden sollen.'), ['TANs nur in der eigenen App eingeben']);
  // What others must do, and what is said to have happened, stay none.
  assert.deepEqual(actions('Die gematik erklärte, dass die Hersteller die Updates bis Montag ausliefern müssen.'), []);
  assert.deepEqual(actions('Die Polizei berichtet, dass die Täter Daten gestohlen haben sollen.'), []);
});

test('an adverb of alternative or order before a "Sie" instruction keeps it an instruction', () => {
  assert.deepEqual(actions('Andernfalls laden Sie das Paket im Downloadbereich herunter.'), ['Das Paket im Downloadbereich herunterladen']);
  assert.deepEqual(actions('Zunächst melden Sie sich am Verwaltungsportal an.'), ['Sich am Verwaltungsportal anmelden']);
  // An instruction that ends its sentence with a colon before a list keeps its object, not the colon.
  assert.deepEqual(actions('Alternativ installieren Sie die Firmware von Hand:'), ['Die Firmware von Hand installieren']);
});

test('a step told in prose after an order word reads like a list item', () => {
  assert.deepEqual(actions('Zuerst nachsehen, ob die Rechnungsnummer zu einer Bestellung passt.'), [
    'Zuerst nachsehen, ob die Rechnungsnummer zu einer Bestellung passt',
  ]);
  assert.deepEqual(actions('Anschließend das Kennwort des Routers ändern.'), ['Anschließend das Kennwort des Routers ändern']);
  // Statements after an order word: the attackers' steps, with a modal or a subject after the verb.
  assert.deepEqual(actions('Danach wollen die Täter Lösegeld erpressen.'), []);
  assert.deepEqual(actions('Anschließend könnte sich ein Angreifer mit vollen Rechten anmelden.'), []);
  assert.deepEqual(actions('Zunächst verschlüsseln die Angreifer alle Daten.'), []);
});

test('practices meant by a relative clause with "deren" or "bei denen" lead the action', () => {
  assert.deepEqual(actions('Praxen, deren Kartenleser noch die alte Firmware hat, sollten das Update sofort einspielen.'), [
    'Praxen, deren Kartenleser noch die alte Firmware hat: das Update sofort einspielen',
  ]);
  assert.deepEqual(actions('Praxen, bei denen die Anmeldung scheitert, sollten ihren Dienstleister anrufen.'), [
    'Praxen, bei denen die Anmeldung scheitert: ihren Dienstleister anrufen',
  ]);
  assert.deepEqual(actions('Praxen, deren Daten verschlüsselt wurden, sollen Lösegeld gezahlt haben.'), []);
});

test('what "lässt sich prüfen" is a check to do; what cannot be checked is none', () => {
  assert.deepEqual(actions('Welcher Stand installiert ist, lässt sich im Menü „Info“ des Terminals prüfen.'), [
    'Im Menü „Info“ des Terminals prüfen, welcher Stand installiert ist',
  ]);
  assert.deepEqual(actions('Die Gültigkeit lässt sich im Kartenmanagement überprüfen; dort steht auch das Ablaufdatum.'), [
    'Die Gültigkeit im Kartenmanagement überprüfen',
  ]);
  assert.deepEqual(actions('Ob Daten abgeflossen sind, lässt sich nicht prüfen.'), []);
  assert.deepEqual(actions('Im Programm lassen sich viele Einstellungen festlegen.'), []);
});

test('a hotline of someone else is a place to turn to; the notice\'s own hotline is chrome', () => {
  assert.deepEqual(actions('Wer seine PIN schon eingegeben hat, sollte sich sofort an die Sperr-Hotline seiner Bank wenden.'), [
    'Sich sofort an die Sperr-Hotline seiner Bank wenden, falls man seine PIN schon eingegeben hat',
  ]);
  assert.deepEqual(actions('Bei Fragen erreichen Sie unsere Hotline werktags.'), []);
  assert.deepEqual(actions('Rufen Sie unsere Hotline an.'), []);
});

test('being watchful alone is no deed; watchful about something is', () => {
  assert.deepEqual(actions('Bitte seien Sie wachsam.'), []);
  assert.deepEqual(actions('• Handeln und wachsam bleiben'), []);
  assert.deepEqual(actions('Seien Sie bei Anrufen angeblicher Techniker wachsam.'), ['Bei Anrufen angeblicher Techniker wachsam sein']);
});

test('a separable verb or "lassen" before a dash keeps its place before the dash', () => {
  assert.deepEqual(actions('Führen Sie die Umstellung vor Jahresende durch – am besten zusammen mit Ihrem Dienstleister.'), [
    'Die Umstellung vor Jahresende durchführen – am besten zusammen mit Ihrem Dienstleister',
  ]);
  assert.deepEqual(actions('Lassen Sie alle Lesegeräte auf den neuen Stand bringen – die älteren zuerst.'), [
    'Alle Lesegeräte auf den neuen Stand bringen lassen – die älteren zuerst',
  ]);
});

test('commas inside the object of advised infinitives: coordinated adjectives and a list closed by "sowie"', () => {
  assert.deepEqual(actions('Nach der Umstellung empfiehlt der Anbieter, ein langes, zufälliges Kennwort zu vergeben.'), ['Ein langes, zufälliges Kennwort vergeben']);
  assert.deepEqual(actions('Der Hersteller rät Kunden, die Kennwörter der Arbeitsplätze, das Kennwort des Routers sowie die PIN des Terminals zu ändern.'), [
    'Die Kennwörter der Arbeitsplätze, das Kennwort des Routers sowie die PIN des Terminals ändern',
  ]);
  // A relative clause on whom the advice is for stays out of the object.
  assert.deepEqual(actions('Die Kammer rät Praxen, die das Modul nutzen, den Patch und das Update einzuspielen.'), ['Den Patch und das Update einspielen']);
});

test('who advises, alone after the verb, is not whom the advice is for; a vendor\'s partners are no sales chrome', () => {
  assert.deepEqual(actions('Seit gestern rät der Anbieter, die App neu zu installieren.'), ['Die App neu installieren']);
  assert.deepEqual(actions('Der Verband fordert die Hersteller auf, die Lücken zu schließen.'), []);
  assert.deepEqual(actions('Der Hersteller rät Kunden und Vertriebspartnern, die Zugangsdaten zu erneuern.'), ['Die Zugangsdaten erneuern']);
  assert.deepEqual(actions('Kontaktieren Sie unseren Vertrieb.'), []);
});

test('an imperative after a dash, and a forbidding "klicken", are instructions; an explanation after a colon goes', () => {
  assert.deepEqual(actions('Die Rechnung ist gefälscht – überweisen Sie kein Geld.'), ['Kein Geld überweisen']);
  assert.deepEqual(actions('Klicken Sie den Button keinesfalls an: Er lädt ein Schadprogramm herunter.'), ['Den Button keinesfalls anklicken']);
  assert.deepEqual(actions('Klicken Sie hier, um den Artikel zu teilen.'), []);
  assert.deepEqual(actions('Der Dienst war gestört – die Ursache ist behoben.'), []);
});

test('a colon inside a quoted label does not end the instruction; "10. Tag" does not end a sentence', () => {
  assert.deepEqual(actions('Aktivieren Sie danach den Schalter „Schutz: Alte Zertifikate sperren“ im Menü.'), ['Danach den Schalter „Schutz: Alte Zertifikate sperren“ im Menü aktivieren']);
  assert.deepEqual(actions('Vom 1. bis zum 10. Tag des Monats lassen sich die Daten beliebig oft prüfen.'), []);
  assert.deepEqual(actions('Die Laufzeit lässt sich im Menü „Status“ prüfen.'), ['Die Laufzeit im Menü „Status“ prüfen']);
});

test('a demonstrative object takes the adjectives the sentences before gave the thing', () => {
  assert.deepEqual(actions('Der Anbieter stellt die signierten Pakete im Kundenportal bereit. Spielen Sie diese Pakete zeitnah ein.'), [
    'Die signierten Pakete zeitnah einspielen',
  ]);
  assert.deepEqual(actions('Derzeit kursieren gefälschte Rechnungen. Bezahlen Sie diese Rechnungen nicht.'), ['Die gefälschten Rechnungen nicht bezahlen']);
  // Without an adjective that sets it apart, or in another case, the object stays as written.
  assert.deepEqual(actions('Es gibt mehrere Updates. Installieren Sie diese Updates.'), ['Diese Updates installieren']);
  assert.deepEqual(actions('Der Fehler steckt in der alten Version. Entfernen Sie diese Version.'), ['Diese Version entfernen']);
});

test('English: "and to <verb>" adds a second step, a relative clause without its pronoun goes, "security X" is one German word', () => {
  assert.deepEqual(actions('The vendor asked all customers to apply the security settings it lists and to update the firmware immediately.'), [
    'Sicherheitseinstellungen umsetzen',
    'Firmware sofort aktualisieren',
  ]);
  assert.deepEqual(actions('Customers are urged to change their passwords and to enable two-factor authentication.'), [
    'Passwörter ändern',
    'Zwei-Faktor-Authentifizierung aktivieren',
  ]);
});
