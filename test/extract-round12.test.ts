import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { findActions } from '../src/normalize/actions.js';
import { extractDocument } from '../src/normalize/document.js';
import { compileCatalog } from '../src/normalize/products.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 12: relevance classes that the fresh batches of round 11 missed (TI devices that fail, credentials of the
// cards, English advisories on the devices practices run, English addressees). The notices are made up for these
// tests; each class has negatives beside it.
const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const extract = async (text: string) => (await extractDocument(matcher, text, { format: 'text' }))[0]!;
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('a TI device that fails, with what to do, is relevant without the word "Sicherheit"', async () => {
  const failed = await extract(
    'Update des secunet konnektor auf Version 5.2.1\n\nDas Update auf Version 5.2.1 ließ sich auf einigen Geräten nicht abschließen. ' +
      'Betroffene Konnektoren bauen danach keine TI-Verbindung mehr auf. Praxen, bei denen das der Fall ist, sollten den Konnektor neu starten.',
  );
  assert.equal(failed.relevant, true, failed.relevanceReason);
  assert.match(failed.relevanceReason, /TI-Komponente/u);
  const terminal = await extract(
    'ORGA 6141 online: Firmware 3.9.0\n\nBei manchen Karten wird die SMC-B durch eine Entladung deaktiviert. ' +
      'Die Firmware 3.9.0 behebt das. Bitte aktualisieren Sie das Kartenterminal auf Version 3.9.0.',
  );
  assert.equal(terminal.relevant, true, terminal.relevanceReason);
  // A routine release of the same device is no fault, and no security matter.
  const routine = await extract(
    'Neue Firmware 5.2.2 für den secunet konnektor\n\nDie Firmware 5.2.2 bringt allgemeine Verbesserungen der Interoperabilität sowie die üblichen Fehlerbehebungen. ' +
      'Laden Sie die Firmware im Downloadbereich herunter.',
  );
  assert.equal(routine.relevant, false, routine.relevanceReason);
  // A fault of a device that guards nothing (the KIM service's release) stays out by this rule.
  const kim = await extract('KIM-Clientmodul 1.6\n\nDas KIM-Clientmodul 1.6 ist da; bei einigen Praxen ist das Postfach danach nicht erreichbar. Bitte installieren Sie das Clientmodul 1.6.1.');
  assert.match(kim.relevanceReason, /^(?!.*TI-Komponente)/u);
});

test('PIN and PUK of the cards are credentials: a notice on keeping them is security work', async () => {
  const ehba = await extract(
    'Elektronischer Heilberufsausweis\n\nNach Erhalt aktivieren Sie den eHBA in Ihrem Praxisverwaltungssystem. ' +
      'Bewahren Sie eHBA, PIN und PUK getrennt voneinander auf. Geben Sie die PIN niemals an Dritte weiter.',
  );
  assert.equal(ehba.relevant, true, ehba.relevanceReason);
  // The card named without its credentials or anything of security: ordering news.
  const order = await extract('Elektronischer Heilberufsausweis\n\nDen eHBA bestellen Sie bei einem der zugelassenen Anbieter. Bestellen Sie den eHBA rechtzeitig vor dem Praxisstart.');
  assert.equal(order.relevant, false, order.relevanceReason);
});

test('an English warning about attacks on a device practices run, with what to do, is relevant without a patch', async () => {
  const nas = await extract(
    'Vendor asks customers to turn off UPnP on their routers\n\nThe maker asked its customers to switch off UPnP port forwarding so that their NAS devices are not exposed to attacks from the Internet. ' +
      'You should disable UPnP port forwarding for the NAS in your router.',
  );
  assert.equal(nas.relevant, true, nas.relevanceReason);
  // Attacks on a kind of device no practice runs, and a NAS story with nothing to do, stay out.
  const scada = await extract('Attacks on industrial controllers\n\nAttackers target programmable logic controllers in water plants. Operators should disable remote programming.');
  assert.equal(scada.relevant, false, scada.relevanceReason);
  const review = await extract('A fast new NAS for small offices\n\nThe new NAS has four bays and a quiet fan. It is exposed to no attacks, the maker says.');
  assert.equal(review.relevant, false, review.relevanceReason);
});

test('"your practice" and "healthcare providers" address practices in English; "consumer-oriented" describes a product', async () => {
  const ransomware = await extract(
    'FBI warns of ransomware\n\nRansomware gangs target the health sector. Back up data regularly and keep offline copies. ' +
      'Do not pay a ransom if your practice falls victim to ransomware.',
  );
  assert.equal(ransomware.relevant, true, ransomware.relevanceReason);
  const nas = await extract(
    'Critical bugs in NAS systems\n\nThe vendor warns of critical vulnerabilities in its NAS operating system and in its consumer-oriented storage box. ' +
      'Users should update DSM 7.2.2 to 7.2.2 Update 1.',
  );
  assert.equal(nas.relevant, true, nas.relevanceReason);
  // Consumers addressed stay a consumer notice.
  const home = await extract('Update your home router\n\nConsumers should update their home routers to the newest firmware to fix a vulnerability.');
  assert.equal(home.relevant, false, home.relevanceReason);
});

test('English advice to "every company" or "each customer" addresses all of them', () => {
  assert.deepEqual(actions('Cisco strongly urges every company using Cisco devices to download the latest patches immediately.'), [
    'Neueste Patches sofort herunterladen',
  ]);
  assert.deepEqual(actions('The vendor advises each customer to change the admin password.'), ['Administratorpasswort ändern']);
  // Every attacker, every researcher: no addressee.
  assert.deepEqual(actions('The report urges every researcher to publish the findings.'), []);
});

test('a headline naming one maker and the kind of device it makes names its one product of that kind', async () => {
  const sophos = await extract(
    'Sophos Releases Hotfixes for Critical Firewall Vulnerabilities\n\nThe vendor has shipped hotfixes for three flaws in its firewall product. CVE-2024-12727 carries a CVSS score of 9.8.',
  );
  assert.deepEqual(sophos.products.map((p) => p.id), ['sophos-firewall']);
  assert.equal(sophos.relevant, true, sophos.relevanceReason);
  // A maker with several routers, two makers, and a kind word alone name no product.
  const telekom = await extract('Telekom schließt Lücke in Routern\n\nEine Schwachstelle erlaubte Angreifern den Zugriff. Updates werden automatisch verteilt.');
  assert.deepEqual(telekom.products, []);
  const two = await extract('Sophos and Zyxel patch firewall flaws\n\nBoth vendors released fixes for their firewalls.');
  assert.deepEqual(two.products, []);
  const none = await extract('Firewall-Lücken bei vielen Herstellern\n\nForscher fanden Schwachstellen in Firewalls mehrerer Hersteller.');
  assert.deepEqual(none.products, []);
});

test('"sollen" with a forecast or a means is a plan or a purpose, not advice', () => {
  assert.deepEqual(actions('Voraussichtlich ab dem 27. Oktober sollen Updates für alle WLAN-Geräte verteilt werden.'), []);
  assert.deepEqual(actions('Konkret sollen damit Geräte geschützt werden, auf denen LCOS 9.00 läuft.'), []);
  assert.deepEqual(actions('In Kürze soll ein Hotfix bereitstehen.'), []);
  // Without one, "sollen" still passes the advice on.
  assert.deepEqual(actions('Die Updates sollen umgehend eingespielt werden.'), ['Die Updates umgehend einspielen']);
});

test('an advice word under a negation over two adjectives, or in a relative clause, advises nothing', () => {
  assert.deepEqual(actions('Für diese Geräte ist es nicht mehr möglich oder sinnvoll, eine neue Firmware zu erstellen.'), []);
  assert.deepEqual(actions('Ohne Patch bleiben nur Geräte, bei denen es nicht sinnvoll ist, eine neue Firmware zu erstellen.'), []);
  assert.deepEqual(actions('Ohne Patch bleiben Geräte, bei denen es technisch sinnvoll wäre, eine neue Firmware zu erstellen.'), []);
  assert.deepEqual(actions('Es ist sinnvoll und wichtig, die neue Firmware einzuspielen.'), ['Die neue Firmware einspielen']);
});

test('list items that say which things are meant continue the lead-in; "Gehen Sie so vor:" is no step', () => {
  assert.deepEqual(actions('Das betrifft alle eHBA\n• von SHC, die bis Mitte November 2025 ausgegeben wurden, und\n• von D-Trust, die bis Januar 2025 ausgegeben wurden.'), []);
  assert.deepEqual(actions('Gehen Sie dabei wie folgt vor:\n• Firmware von der Website des Herstellers herunterladen\n• mit dem Dienstleister einen Termin vereinbaren'), [
    'Firmware von der Website des Herstellers herunterladen',
    'Mit dem Dienstleister einen Termin vereinbaren',
  ]);
  assert.deepEqual(actions('Gehen Sie bei einem Verdacht umgehend zur Polizei.'), ['Bei einem Verdacht umgehend zur Polizei gehen']);
});

test('a card generation the cards are exchanged for is their fixed version; an affected one or one kept is not', async () => {
  const exchange = await extract(
    'SMC-B und eHBA der Generation 2.0 tauschen\n\nAb dem 1. Januar 2026 können SMC-B und eHBA der Generation 2.0 nicht mehr genutzt werden. ' +
      'Tauschen Sie Ihre Karten deshalb bis spätestens 31.12.2025 gegen Karten der Generation 2.1 aus.',
  );
  assert.deepEqual(exchange.products.map((p) => [p.id, p.fixedVersion]).sort(), [
    ['gematik-ehba', 'Generation 2.1'],
    ['gematik-smc-b', 'Generation 2.1'],
  ]);
  // Exchanged, not installed: no "auf Version Generation 2.1 aktualisieren".
  assert.ok(!exchange.actions.some((a) => /aktualisieren/u.test(a)), exchange.actions.join(' | '));
  const kept = await extract('eHBA der Generation 2.0 tauschen\n\nDer eHBA der Generation 2.0 muss getauscht werden. Ausweise der Nachfolgegeneration 2.1 müssen nicht getauscht werden.');
  assert.equal(kept.products[0]?.fixedVersion, null);
  const affected = await extract('Lücke in eHBA\n\nEine Sicherheitslücke betrifft auch Karten der Generation 2.1: Betroffen sind eHBA mit Chips eines Herstellers. Bestellen Sie einen neuen eHBA.');
  assert.equal(affected.products[0]?.fixedVersion, null);
});

test('an English list item under an advice heading is translated or left out, never copied into the German draft', () => {
  const steps = actions(
    'To protect your clinic, consider these steps:\n• Take a multi-layered approach to security, with firewalls and email filtering.\n• Keep all systems updated and patched regularly.',
  );
  assert.deepEqual(steps, ['Alle Systeme regelmäßig aktualisieren']);
  // German items under the same heading still become steps.
  assert.deepEqual(actions('Empfehlungen:\n• Regelmäßige Datensicherung auf getrennten Medien\n• Schulung des Praxisteams'), [
    'Regelmäßige Datensicherung auf getrennten Medien anlegen',
    'Schulung des Praxisteams durchführen',
  ]);
});

test('a fix the notice announces without its release is installed; a fix to come, or release news without a flaw, is not', async () => {
  const patches = await extract(
    'Kritische Lücke in Zyxel-Firewalls\n\nZyxel warnt vor einer kritischen Schwachstelle (CVE-2022-0342) in seinen Firewalls. Für all diese Geräte stehen Patches bereit.',
  );
  assert.deepEqual(patches.actions, ['Die bereitgestellten Patches für Zyxel ZyWALL / USG FLEX einspielen']);
  assert.ok(patches.evidence.some((e) => e.field === 'actions' && /stehen Patches bereit/u.test(e.text)));
  const english = await extract('Critical vulnerabilities threaten firewalls\n\nThe maker has published important security updates for its NAS systems after researchers found a flaw.');
  assert.deepEqual(english.actions, ['Die bereitgestellten Sicherheitsupdates einspielen']);
  // Still to come, no flaw, or an update step already there: nothing added.
  const later = await extract('Lücke in Zyxel-Firewalls\n\nZyxel warnt vor einer Schwachstelle. Ein Patch soll im Mai bereitstehen.');
  assert.deepEqual(later.actions, []);
  const news = await extract('Neue Funktionen für Zyxel-Firewalls\n\nFür die Geräte stehen Updates mit neuen Funktionen bereit.');
  assert.deepEqual(news.actions, []);
  const told = await extract('Lücke in Zyxel-Firewalls\n\nZyxel warnt vor einer Schwachstelle. Patches stehen bereit. Aktualisieren Sie die Firewall umgehend.');
  assert.deepEqual(told.actions, ['Die Firewall umgehend aktualisieren']);
});

test('a release with its build number is no phone number', () => {
  assert.deepEqual(actions('Wer ein Synology-NAS betreibt, sollte es so schnell wie möglich auf Version 6.2.3-25426-3 oder höher bringen.'), [
    'Ein Synology-NAS so schnell wie möglich auf Version 6.2.3-25426-3 oder höher bringen, falls man ein Synology-NAS betreibt',
  ]);
  assert.deepEqual(actions('Rufen Sie uns bei Fragen an unter 0221 123456-0.'), []);
});

test('a chamber writing to its members addresses practices; what the fake letter asks of its recipients is no step', async () => {
  const letters = await extract(
    'Betrüger geben sich als Bank aus\n\nDie Briefe wirken täuschend echt, schreibt die Landeszahnärztekammer Thüringen an ihre Mitglieder. ' +
      'Unter Hinweis auf Änderungen im Zahlungsverkehr werden die Empfänger aufgefordert, ihre Zugangsdaten zum Online-Banking umgehend zu verifizieren. ' +
      'Es gibt weder einen sachlichen Grund noch eine rechtliche Pflicht, auf das Schreiben zu reagieren. ' +
      'Persönliche Daten sollten auf der gefälschten Seite auf keinen Fall eingegeben werden. Die Kammer rät zu besonderer Aufmerksamkeit bei Phishing.',
  );
  assert.equal(letters.relevant, true, letters.relevanceReason);
  assert.deepEqual(letters.actions, ['Persönliche Daten auf der gefälschten Seite auf keinen Fall eingeben']);
  // The notice's own request to recipients stays a step; so does a duty that is not negated.
  assert.deepEqual(actions('Die Empfänger werden gebeten, die E-Mail ungelesen zu löschen.'), ['Die E-Mail ungelesen löschen']);
  assert.deepEqual(actions('Es besteht die Pflicht, den Vorfall binnen 72 Stunden zu melden.'), ['Den Vorfall binnen 72 Stunden melden']);
  // A chamber's members named in passing, with no warning: nothing to do.
  const meeting = await extract('Kammerversammlung\n\nDie Zahnärztekammer lädt ihre Mitglieder zur Versammlung am 3. März ein.');
  assert.equal(meeting.relevant, false, meeting.relevanceReason);
});

test("a magazine's issue line above the rubric and the kicker dates the notice", async () => {
  const notice = await extract(
    'Zahnärztliche Mitteilungen Nr. 19\nePaper-Archiv ‹ Seite 49 Seite 51 ›\nzm115 Nr. 19, 01.10.2025, (1600)\n50 | NACHRICHTEN\nNEWS\nKAMMER RUFT ZUR VORSICHT AUF\n' +
      'Betrüger geben sich als Bank aus\nDie Briefe wirken täuschend echt. Geben Sie keine Daten auf der gefälschten Seite ein.',
  );
  assert.equal(notice.published?.slice(0, 10), '2025-10-01');
  // A page number or an issue without a date dates nothing.
  const undated = await extract('Zahnärztliche Mitteilungen Nr. 19\nzm115 Nr. 19, Seite 50\n50 | NACHRICHTEN\nNEWS\nKAMMER RUFT ZUR VORSICHT AUF\nBetrüger geben sich als Bank aus\nDie Briefe wirken täuschend echt.');
  assert.equal(undated.published, null);
});

test('"sollte sie sich" after a condition naming the practice is the practice; two verb-first conditions keep their verbs', () => {
  assert.deepEqual(actions('Ist der Abgleich der Versichertenstammdaten gestört oder ist unklar, ob die Praxis betroffen ist, sollte sie sich an ihren IT-Servicepartner wenden.'), [
    'Sich an Ihren IT-Servicepartner wenden, falls der Abgleich der Versichertenstammdaten gestört ist oder unklar ist, ob die Praxis betroffen ist',
  ]);
  assert.deepEqual(actions('Schritt 2: Kontakt aufnehmen: Ist die Praxis betroffen, sollte sie sich an ihren IT-Servicepartner wenden.'), [
    'Sich an Ihren IT-Servicepartner wenden, falls die Praxis betroffen ist',
  ]);
  // "sie" for others than the practice stays out.
  assert.deepEqual(actions('Ist die Lücke bekannt, sollten sie sich beeilen.'), []);
  assert.deepEqual(actions('Ist der Hersteller informiert, sollte sie sich melden.'), []);
});

test('English backup advice: data backups kept apart from the main systems, copies kept offline, "your clinic" addressed', async () => {
  assert.deepEqual(actions('Keep data backups apart from your main practice systems – on a separate hard drive or in cloud storage.'), [
    'Datensicherungen getrennt von den Hauptsystemen der Praxis aufbewahren',
  ]);
  assert.deepEqual(actions('Restrict access to data backups so that unauthorised staff cannot reach them.'), ['Zugriff auf Datensicherungen einschränken']);
  assert.deepEqual(actions('• Keep password-protected backup copies offline.'), ['Passwortgeschützte Sicherungskopien offline aufbewahren']);
  // Kept apart from something the table cannot carry over: no half-English step.
  assert.deepEqual(actions('Keep backups separate from the internet-facing kiosk.'), []);
  const clinic = await extract('Ransomware targets backups\n\nRansomware now encrypts backups as well. To protect your clinic, keep password-protected backup copies offline.');
  assert.equal(clinic.relevant, true, clinic.relevanceReason);
});

test('a place where a password is to be changed is no product the notice is about; its maker is the vendor', async () => {
  const breach = await extract(
    'Jede vierte Arztpraxis muss Passwörter ändern\n\nDer IT-Dienstleister Medatixx ist von einem Cyberangriff getroffen worden. ' +
      'Medatixx empfiehlt seinen Kunden ausdrücklich, alle relevanten Passwörter zu ändern – darunter die für die Praxissoftware sowie für den jeweiligen TI-Konnektor.',
  );
  assert.deepEqual(breach.products, []);
  assert.equal(breach.vendorId, 'medatixx');
  // A notice on the connector's own password keeps the connector.
  const own = await extract('Standardpasswort am secunet konnektor\n\nDer secunet konnektor wird mit einem Standardpasswort ausgeliefert. Ändern Sie das Passwort für den secunet konnektor umgehend.');
  assert.deepEqual(own.products.map((p) => p.id), ['secunet-konnektor']);
});

test('"zeitnahe Sicherheitsupdates" in a list of duties rates nothing; said of the step it rates "mittel"', async () => {
  const duties = await extract('Neue IT-Sicherheitsrichtlinie\n\nDie Richtlinie verlangt unter anderem:\n• regelmäßige Backups\n• aktuelle Software und zeitnahe Sicherheitsupdates');
  assert.equal(duties.severity, 'unbekannt');
  const step = await extract('Lücke im Kartenterminal\n\nEine Schwachstelle betrifft das Kartenterminal. Eine zeitnahe Aktualisierung wird empfohlen.');
  assert.equal(step.severity, 'mittel');
  const adverb = await extract('Lücke im Kartenterminal\n\nEine Schwachstelle betrifft das Kartenterminal. Das Update sollte zeitnah installiert werden.');
  assert.equal(adverb.severity, 'mittel');
});

test('English "that have not yet moved to X should do so" asks for the move', () => {
  assert.deepEqual(actions('Dental practices that have not yet moved to Windows 11 should do so.'), ['Auf Windows 11 aktualisieren']);
  assert.deepEqual(actions('Offices which have not upgraded to Windows 11 should do so soon.'), ['Auf Windows 11 bald aktualisieren']);
  // Moving something else is no update.
  assert.deepEqual(actions('Practices that have not moved their server should do so.'), []);
});

test('one fix per release line, listed in one sentence, is the fixed version as written', async () => {
  const lcos = await extract(
    'LANCOM schließt KRACK-Lücke in Routern\n\nLaut Knowledge Base korrigiert das veröffentlichte Update den Fehler in LCOS 10.12, LCOS 9.24 und LCOS 9.10.',
  );
  assert.deepEqual(lcos.products.map((p) => [p.id, p.fixedVersion]), [['lancom-router', 'LCOS 10.12, LCOS 9.24 und LCOS 9.10']]);
  assert.deepEqual(lcos.actions, ['LANCOM Router und Firewalls auf LCOS 10.12, LCOS 9.24 oder LCOS 9.10 aktualisieren']);
  // Two releases of one line are no list of lines: the fix stays one version.
  const one = await extract('LANCOM schließt Lücke\n\nDas Update auf LCOS 10.12 und LCOS 10.12 RU2 behebt den Fehler in den LANCOM Routern.');
  assert.equal(one.products[0]?.fixedVersion?.includes(','), false);
  assert.equal(/\sund\s/u.test(one.products[0]?.fixedVersion ?? ''), false);
});

test('the items under "Zu den zentralen Anforderungen zählen:" are steps; what a guideline adds to its text is not', () => {
  assert.deepEqual(actions('Zu den zentralen Anforderungen zählen:\n• regelmäßige, geprüfte Backups der digitalen Daten\n• strukturierte Zugriffskontrollen'), [
    'Regelmäßige, geprüfte Backups der digitalen Daten',
    'Strukturierte Zugriffskontrollen',
  ]);
  assert.deepEqual(actions('Die neue Fassung erweitert bestehende Pflichten, unter anderem um:\n• eine eindeutige Festlegung von Verantwortlichkeiten\n• verbindliche technische Schutzmaßnahmen'), []);
});

test('imperatives that leave out their "Sie" after the first are read as one chain; key presses and field input are how-to', () => {
  assert.deepEqual(actions('Ändern Sie das Passwort, vergeben ein neues und notieren es sicher.'), ['Das Passwort ändern', 'Ein neues vergeben und es sicher notieren']);
  // How to find the Windows version: keys, a field and OK are steps through the interface, not actions.
  assert.deepEqual(actions('Um das herauszufinden, drücken Sie gleichzeitig die Windows-Logo-Taste und R, tippen im Feld „Öffnen“ winver ein und bestätigen mit OK.'), []);
  // A relative clause after the comma is no verb.
  assert.deepEqual(actions('Prüfen Sie alle Geräte, denen ein Update fehlt.'), ['Alle Geräte, denen ein Update fehlt prüfen']);
  assert.deepEqual(actions('Bestätigen Sie die Änderung des Passworts.'), ['Die Änderung des Passworts bestätigen']);
});

test('"sicher" is a particle only of "sicherstellen" and "sichergehen"; elsewhere it is an adverb', () => {
  assert.deepEqual(actions('Notieren Sie das Passwort sicher.'), ['Das Passwort sicher notieren']);
  assert.deepEqual(actions('Stellen Sie sicher, dass das Backup täglich läuft.'), ['Sicherstellen, dass das Backup täglich läuft']);
  assert.deepEqual(actions('Bewahren Sie die PIN sicher auf.'), ['Die PIN sicher aufbewahren']);
});

test('"X ist zu empfehlen" recommends the deed X names; a purpose in front goes', () => {
  assert.deepEqual(actions('Damit Geräte sicher genutzt werden können, ist der Umstieg auf Windows 11 dringend zu empfehlen.'), ['Auf Windows 11 umsteigen']);
  assert.deepEqual(actions('Eine regelmäßige Datensicherung ist sehr zu empfehlen.'), ['Eine regelmäßige Datensicherung anlegen']);
  assert.deepEqual(actions('Dieses Vorgehen ist nicht zu empfehlen.'), []);
});

test('English: a purpose with "to … and to …" stays out of the step; "make sure to" is the deed; password managers', () => {
  assert.deepEqual(actions('Use password management tools to create unique, strong passwords for every website and to store them securely.'), ['Passwortmanager verwenden']);
  assert.deepEqual(actions('Make sure to apply the patch and to restart the device.'), ['Patch einspielen', 'Gerät neu starten']);
  assert.deepEqual(actions('Back up the logs and search the servers for web shells.'), ['Logs sichern', 'Server für Web Shells durchsuchen']);
});

test('English: GP practices are practices; switching on is "einschalten", not an update; the practice and its staff', async () => {
  assert.deepEqual(actions('Practice Managers will need to switch on the servers in the practice, as this cannot be done remotely.'), ['Server in Praxis einschalten']);
  assert.deepEqual(actions('Switch to the new version.'), ['Auf neue Version aktualisieren']);
  assert.deepEqual(actions('Train your practice staff.'), ['Praxisteam schulen']);
  const nhs = await extract('Cyber attack – information for GP practice staff\n\nA ransomware attack hit NHS organisations. Practice Managers will need to switch on the servers in the practice.');
  assert.equal(nhs.relevant, true, nhs.relevanceReason);
});

test('a clause after a comma with "aber" shares the first clause\'s subject; "behoben" is "beheben"; "Die Praxen, die …" are the reader', () => {
  assert.deepEqual(actions('Der Fehler entstand also zentral in der TI, muss aber in jeder einzelnen Praxis behoben werden.'), ['Den Fehler in jeder einzelnen Praxis beheben']);
  assert.deepEqual(actions('Die Lücke sollte umgehend behoben werden.'), ['Die Lücke umgehend beheben']);
  assert.deepEqual(actions('Die Praxen, die betroffen sind, sollten aber das Update einspielen.'), ['Das Update einspielen, falls Sie betroffen sind']);
  // What the maker must do stays out.
  assert.deepEqual(actions('Der Hersteller kennt die Lücke, muss aber erst einen Patch liefern.'), []);
});

test('a day and month before the year are a date, not a second release line', async () => {
  const dated = await extract('medatixx: Passwörter ändern\n\nEin Update steht für x.comfort bereit: Aktualisieren Sie x.comfort auf Version 1.1, 09.11. 2021.');
  assert.ok(!dated.products.some((p) => p.fixedVersion?.includes('09.11')), JSON.stringify(dated.products));
});
