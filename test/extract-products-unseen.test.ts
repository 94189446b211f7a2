// Products and vendors: classes found on public pages the rules had never seen (7 Dec 2026, morning). Each class is
// pinned with made-up sentences (our own words, not the pages') and a negative that must keep what it keeps.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { extractNotice } from '../src/normalize/extract.js';
import { compileCatalog } from '../src/normalize/products.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const extract = (title: string, text: string) => extractNotice(matcher, { title, text, publishedAt: null });
const ids = (x: { products: { id: string }[] }) => x.products.map((p) => p.id).sort();

test('the vendor attacked is named with a word for its trade between, or with a clause about it before the verb', () => {
  const trade = extract(
    'Cyberangriff auf Praxissoftware-Hersteller medatixx',
    'Die internen Systeme des Unternehmens wurden verschlüsselt. Kunden sollten ihre Passwörter ändern.',
  );
  assert.equal(trade.vendorId, 'medatixx');
  const article = extract(
    'Hackerangriff auf den Softwareanbieter Doc Cirrus',
    'Unbekannte haben Daten aus dem Kundenportal kopiert. Ändern Sie vorsorglich Ihre Zugangsdaten.',
  );
  assert.equal(article.vendorId, 'doc-cirrus');
  const clause = extract(
    'Ransomware bei einem PVS-Anbieter',
    'Der Softwarehersteller CompuGroup Medical, der viele Arztpraxen beliefert, ist Opfer eines Angriffs geworden. Praxen sollten die Zugänge ihrer Fernwartung prüfen.',
  );
  assert.equal(clause.vendorId, 'cgm');
  // A maker named as the one that warns, in a notice about an attack on someone else, is not the one attacked.
  const warner = extract(
    'Angriff auf eine Klinik: Lehren für Praxen',
    'Nach dem Angriff auf eine Klinik in Köln rät Sophos, der Hersteller von Firewalls, Fernzugänge zu prüfen. Prüfen Sie Ihre Fernzugänge.',
  );
  assert.equal(warner.vendorId, null);
});

test('makers listed as the market of a kind of device are no affected products', () => {
  const market = extract(
    'Ausfälle nach dem Konnektor-Update',
    'Seit dem letzten Update fallen Konnektoren von CGM in vielen Praxen aus. Am Markt gibt es nur drei Konnektor-Hersteller (secunet, CGM und RISE), alle von der gematik zugelassen. Starten Sie den Konnektor neu.',
  );
  assert.deepEqual(ids(market), ['cgm-kocobox-med-plus']);
  const makers = extract(
    'Ausfälle nach dem Konnektor-Update',
    'Seit dem letzten Update fallen Konnektoren von CGM in vielen Praxen aus. Als Hersteller von Konnektoren sind daneben secunet und RISE zugelassen. Starten Sie den Konnektor neu.',
  );
  assert.deepEqual(ids(makers), ['cgm-kocobox-med-plus']);
  // Makers listed under the kind with a fault or a fix are the affected products.
  const affected = extract(
    'Störung bei Konnektoren',
    'Betroffen sind die Konnektoren von secunet und RISE. Ein Update steht bereit.',
  );
  assert.deepEqual(ids(affected), ['rise-konnektor', 'secunet-konnektor']);
  const list = extract('Konnektoren mit Fehler', 'Den Fehler zeigen folgende Konnektoren:\nsecunet\nRISE\nSpielen Sie das Update ein.');
  assert.deepEqual(ids(list), ['rise-konnektor', 'secunet-konnektor']);
});

test('the channel of an update stays background when a clause about it comes between it and the verb', () => {
  const channel = extract(
    'Neue Firmware für das ORGA 6141 online',
    'Die Firmware 3.9.1 für das ORGA 6141 online schließt eine Lücke. Über den Konnektor, der die Praxis mit der TI verbindet, wird die Firmware in der Nacht automatisch auf das Terminal übertragen. Prüfen Sie danach die Version des Konnektors und des Terminals.',
  );
  assert.deepEqual(ids(channel), ['worldline-orga-6141']);
  // A clause that tells of a flaw in the channel itself keeps it.
  const flawed = extract(
    'Lücke im Konnektor',
    'Über den Konnektor, der eine Lücke in der Firmware hat, können Angreifer in das Praxisnetz eindringen. Ein Update für den Konnektor wird automatisch eingespielt.',
  );
  assert.deepEqual(ids(flawed), ['gematik-ti-konnektor']);
});

test('a generic entry named once as a list item takes its subject from the lead-in', () => {
  const items = extract(
    'Was Praxen bis Jahresende tauschen müssen',
    'Wegen ablaufender Zertifikate sollten Praxen diese Komponenten prüfen:\n- die Konnektoren,\n- die Praxisausweise (SMC-B) sowie\n- die Heilberufsausweise (eHBA).\nBestellen Sie rechtzeitig Ersatz.',
  );
  assert.deepEqual(ids(items), ['gematik-ehba', 'gematik-smc-b', 'gematik-ti-konnektor']);
  // A lead-in that says nothing of a fault, a fix or a device's life gives its items no role.
  const plain = extract(
    'Neue Ausweise bestellen',
    'Die SMC-B wird neu ausgegeben. Zur Praxis-IT gehören zum Beispiel:\n- die Konnektoren,\n- das WLAN.\nBestellen Sie die neue SMC-B rechtzeitig.',
  );
  assert.deepEqual(ids(plain), ['gematik-smc-b']);
});

test("a maker's name with the kind of its only product of that kind names that product", () => {
  const zyxel = extract('Lücke in Zyxel-Firewalls wird ausgenutzt', 'Angreifer nutzen eine Lücke in den Geräten aus. Installieren Sie die neue Firmware.');
  assert.deepEqual(ids(zyxel), ['zyxel-firewall']);
  assert.equal(zyxel.vendorId, 'zyxel');
  const english = extract('Critical flaw in Zyxel firewall devices', 'Attackers exploit the flaw. Customers should install the patched firmware now.');
  assert.deepEqual(ids(english), ['zyxel-firewall']);
  const avm = extract('Update für AVM-Router', 'Eine Lücke in den Routern ist geschlossen. Spielen Sie das Update ein.');
  assert.deepEqual(ids(avm), ['avm-fritzbox']);
  // A maker with several products of the kind names none of them.
  const telekom = extract('Lücke in Telekom-Routern', 'Eine Lücke in den Routern ist geschlossen. Spielen Sie das Update ein.');
  assert.deepEqual(ids(telekom), []);
});

test('a product that does not use the library with the hole is not affected', () => {
  const library = extract(
    'Lücke in Log4j: was Praxen wissen müssen',
    'In der Bibliothek Log4j steckt eine kritische Lücke. Auch TeamViewer verwendet die Bibliothek nicht. CGM ALBIS setzt Log4j nicht ein. AnyDesk does not use Log4j. Spielen Sie die Updates Ihrer Server ein.',
  );
  assert.deepEqual(ids(library), ['apache-log4j']);
  // A product that uses it is still affected.
  const uses = extract(
    'Lücke in Log4j',
    'In der Bibliothek Log4j steckt eine kritische Lücke. Das KBV-Prüfmodul verwendet die Bibliothek und muss aktualisiert werden. Spielen Sie das Update ein.',
  );
  assert.deepEqual(ids(uses), ['apache-log4j', 'kbv-pruefmodul']);
});

test("a product's name inside a web or mail address names the site, not the product", () => {
  const site = extract(
    'Störung bei secunet-Konnektoren',
    'Seit Montag fallen secunet-Konnektoren aus. Die Seite psyprax.de ist seit Montag nicht erreichbar, Anfragen bitte an support@medatixx.de oder über www.t2med.de. Starten Sie den Konnektor neu.',
  );
  assert.deepEqual(ids(site), ['secunet-konnektor']);
  // The product named as such beside an address still counts.
  const named = extract('Update für psyprax', 'Für psyprax steht ein Sicherheitsupdate bereit, Download unter psyprax.de. Spielen Sie es ein.');
  assert.deepEqual(ids(named), ['psyprax']);
});

test('a product for which no problems or failures are known is not affected', () => {
  const english = extract(
    'Statement on ESD failures of card terminals',
    'The failures relate to the ORGA 6141 online only. To date, no reports of ESD problems are known for the CHERRY eHealth terminal ST-1506. There have so far been no reports of failures with the ST-1506.',
  );
  assert.deepEqual(ids(english), ['worldline-orga-6141']);
  const german = extract(
    'Abstürze von Kartenterminals',
    'Die Abstürze betreffen das ORGA 6141 online. Für das Cherry ST-1506 sind bisher keine Berichte über solche Ausfälle bekannt.',
  );
  assert.deepEqual(ids(german), ['worldline-orga-6141']);
  // Attacks not yet known say nothing of whether the product is affected.
  const attacks = extract('Lücke im ORGA 6141 online', 'Im ORGA 6141 online steckt eine Lücke. Angriffe sind bisher keine bekannt. Spielen Sie die Firmware 3.9.1 ein.');
  assert.deepEqual(ids(attacks), ['worldline-orga-6141']);
});

test('a migration target stays background when told as a move, or named in brackets after a description', () => {
  const moved = extract(
    'Zero-day in Exchange Server exploited',
    'Attackers exploit a flaw in Exchange Server. Many organizations have moved to cloud-hosted mail (Microsoft 365) instead. Install the security update on your Exchange servers now.',
  );
  assert.deepEqual(ids(moved), ['microsoft-exchange']);
  const german = extract(
    'Supportende für Windows 10',
    'Für Windows 10 gibt es keine Sicherheitsupdates mehr. Planen Sie den Umstieg auf das neue Betriebssystem (Windows 11) rechtzeitig.',
  );
  assert.deepEqual(ids(german), ['microsoft-windows-10']);
  // A bracket after a flaw's subject keeps the product affected.
  const flawed = extract('Lücke in der Cloud', 'Eine Lücke steckt im Cloud-Dienst (Microsoft 365). Ändern Sie Ihre Passwörter.');
  assert.deepEqual(ids(flawed), ['microsoft-365']);
});

test('a product said to be safe, or left untouched, is not affected', () => {
  const safe = extract(
    'Lücke in Windows Server',
    'Die Schwachstelle betrifft ausschließlich Windows Server. Windows 10 und Windows 11 sind sicher. Installieren Sie das Update.',
  );
  assert.deepEqual(ids(safe), ['microsoft-windows-server']);
  const english = extract('Flaw in Windows Server', 'The flaw affects Windows Server only. Windows 11 is safe. Install the update now.');
  assert.deepEqual(ids(english), ['microsoft-windows-server']);
  const untouched = extract(
    'FRITZ!OS 7.57 schließt Lücke',
    'AVM hat FRITZ!OS 7.57 veröffentlicht. Die Digitalisierungsbox Premium bleibt von der Lücke unberührt. Installieren Sie das Update.',
  );
  assert.deepEqual(ids(untouched), ['avm-fritzbox']);
  // "sicher" as a wish or an instruction says nothing of the product's state.
  const wish = extract('Lücke in der FRITZ!Box', 'In der FRITZ!Box steckt eine Lücke. Damit die FRITZ!Box sicher ist, installieren Sie FRITZ!OS 7.57.');
  assert.deepEqual(ids(wish), ['avm-fritzbox']);
});

test('"nicht sicher" and a question to the reader do not make a product safe', () => {
  const unsafe = extract('Lücke in Windows 10', 'Windows 10 ist ohne das Update nicht sicher. Installieren Sie es.');
  assert.deepEqual(ids(unsafe), ['microsoft-windows-10']);
  const question = extract('FRITZ!OS 7.57', 'Sind Sie sicher, dass Ihre FRITZ!Box aktuell ist? Installieren Sie FRITZ!OS 7.57.');
  assert.deepEqual(ids(question), ['avm-fritzbox']);
});

test('the source of a migration, a successor, a comparison set apart and the rest of a maker\'s range are background', () => {
  const source = extract(
    'Update für T2med',
    'Für T2med steht ein Sicherheitsupdate bereit. Wer von CGM ALBIS zu T2med gewechselt ist, erhält es ebenfalls. Spielen Sie es ein.',
  );
  assert.deepEqual(ids(source), ['t2med']);
  const switchFrom = extract(
    'Sicherheitsupdate für tomedo',
    'Für tomedo ist ein Update erschienen. Beim Umstieg von Windows 10 auf ein neues System hilft der Support. Installieren Sie das Update.',
  );
  assert.deepEqual(ids(switchFrom), ['zollsoft-tomedo']);
  const successor = extract(
    'Windows 10: Supportende',
    'Microsoft beendet den Support für Windows 10. Der Nachfolger Windows 11 erhält weiter Updates. Planen Sie den Wechsel rechtzeitig.',
  );
  assert.deepEqual(ids(successor), ['microsoft-windows-10']);
  const compared = extract(
    'Update für den RISE Konnektor',
    'RISE hat ein Update für den RISE Konnektor veröffentlicht. Zum Vergleich: Für den secunet konnektor gab es im Juli ein ähnliches Update. Spielen Sie das Update ein.',
  );
  assert.deepEqual(ids(compared), ['rise-konnektor']);
  const range = extract(
    'Sicherheitsupdate für x.isynet',
    'medatixx hat ein Update für x.isynet veröffentlicht. Der Hersteller bietet außerdem x.concept und x.comfort an. Spielen Sie das Update ein.',
  );
  assert.deepEqual(ids(range), ['medatixx-x-isynet']);
  const example = extract(
    'Neue Firmware für das ORGA 6141 online',
    'Worldline hat die Firmware 3.9.1 für das ORGA 6141 online veröffentlicht. Hersteller von Kartenterminals wie Cherry liefern ihre Updates getrennt aus. Spielen Sie die Firmware ein.',
  );
  assert.deepEqual(ids(example), ['worldline-orga-6141']);
  // An update offered for both products keeps both.
  const both = extract('Update für x.isynet und x.concept', 'medatixx bietet ein Update für x.isynet und x.concept an. Spielen Sie es ein.');
  assert.deepEqual(ids(both), ['medatixx-x-concept', 'medatixx-x-isynet']);
});

test('model codes and versioned names the catalog lacked: Zyxel ATP100 … USG20-VPN, Exchange 2016/2019', () => {
  const models = extract('Zyxel schließt Lücke', 'Betroffen sind die Modelle ATP100, ATP200 und USG20-VPN mit Firmware ZLD 5.36. Installieren Sie ZLD 5.37.');
  assert.deepEqual(ids(models), ['zyxel-firewall']);
  const list = extract('Lücke in Firewalls', 'Betroffen sind ATP 100, 200, 500 und USG FLEX 50. Spielen Sie die Firmware ein.');
  assert.deepEqual(ids(list), ['zyxel-firewall']);
  const exchange = extract('Exchange-Lücke', 'Microsoft schließt Lücken in Exchange 2016 und Exchange 2019. Installieren Sie die Sicherheitsupdates.');
  assert.deepEqual(ids(exchange), ['microsoft-exchange']);
});

test('the system a product runs on, and the product a fake mail pretends to bring, are background', () => {
  const runsOn = extract(
    'Neue Version von psyprax',
    'Die neue Version von psyprax behebt eine Lücke. Sie läuft unter Windows 10 und Windows 11. Installieren Sie sie.',
  );
  assert.deepEqual(ids(runsOn), ['psyprax']);
  const english = extract('T2med fixes a flaw', 'The new T2med release fixes a flaw. It runs on Windows 11. Install it now.');
  assert.deepEqual(ids(english), ['t2med']);
  const lure = extract(
    'Phishing im Namen der KV',
    'Betrüger verschicken Mails, die wie eine Nachricht der KV aussehen. Der Anhang gibt vor, ein Update für den Konnektor zu sein. Öffnen Sie den Anhang nicht.',
  );
  assert.deepEqual(ids(lure), []);
  // A flaw that makes the system unable to run keeps it: "läuft unter Windows 11 nicht mehr" names a fault.
  const broken = extract('Fehler nach Update', 'Nach dem Update läuft psyprax unter Windows 11 nicht mehr. Spielen Sie den Hotfix ein.');
  assert.ok(ids(broken).includes('psyprax'));
});

test('the vendor attacked: reporting the attack itself, named after the attack as a headline topic, or hit by it', () => {
  const reports = extract('CGM meldet Cyberangriff', 'Die Systeme des Unternehmens wurden angegriffen. Praxen sollten wachsam sein und Passwörter ändern.');
  assert.equal(reports.vendorId, 'cgm');
  const topic = extract('Hackerangriff: medatixx informiert Kunden', 'Das Unternehmen wurde Ziel eines Angriffs. Ändern Sie Ihre Passwörter.');
  assert.equal(topic.vendorId, 'medatixx');
  const hit = extract('Ransomware legt Doc Cirrus lahm', 'Die Systeme des Herstellers sind verschlüsselt. Praxen sollten ihre Zugangsdaten ändern.');
  assert.equal(hit.vendorId, 'doc-cirrus');
  // A maker that warns of attacks on others is no victim.
  const warner = extract('Ransomware: Sophos warnt vor neuer Welle', 'Angreifer verschlüsseln Server in Praxen. Spielen Sie Updates ein und legen Sie Backups an.');
  assert.equal(warner.vendorId, null);
});

test('a name written with hyphens in a compound, and a price per seat or "ab … €" in an offer', () => {
  const compound = extract(
    'Supportende: Windows-10-Rechner ersetzen',
    'Ab Oktober bekommen Windows-10-Rechner keine Sicherheitsupdates mehr. Prüfen Sie Ihre Securepoint-UTM und die Fritz-Box ebenfalls auf Updates.',
  );
  assert.deepEqual(ids(compound), ['avm-fritzbox', 'microsoft-windows-10', 'securepoint-utm']);
  const cherry = extract('Update für das Cherry eHealth-Terminal', 'Für das Terminal steht die Firmware 4.0.47 bereit. Spielen Sie sie ein.');
  assert.deepEqual(ids(cherry), ['cherry-st-1506']);
  const offer = extract(
    'Windows 10: Support endet',
    'Für Windows 10 gibt es bald keine Updates mehr. Unser Windows-11-Umstiegspaket gibt es ab 299 € pro Arbeitsplatz. Planen Sie den Umstieg.',
  );
  assert.deepEqual(ids(offer), ['microsoft-windows-10']);
});

test('the service a device is for is background', () => {
  const purpose = extract(
    'Ausfälle nach dem Konnektor-Update',
    'Ein Rückblick auf die TI-Konnektoren (VPN-Router) für die Kommunikation im Medizinwesen (KIM). Nach dem letzten Update fallen Konnektoren von CGM aus. Starten Sie den Konnektor neu.',
  );
  assert.deepEqual(ids(purpose), ['cgm-kocobox-med-plus']);
  // A flaw said of the service keeps it.
  const flaw = extract('Lücke im KIM-Dienst', 'Die Konnektoren für den KIM-Dienst sind nicht betroffen, die Lücke steckt im KIM-Clientmodul. Spielen Sie das Update ein.');
  assert.ok(ids(flaw).includes('gematik-kim'));
});

test('a tool named with the job it is used for, and a trailing "wie bei X", are background', () => {
  const tool = extract(
    'Betrug am Telefon',
    'Der IT-Dienstleister nutzt AnyDesk für die Fernwartung. Betrüger geben sich am Telefon als Dienstleister aus. Legen Sie bei solchen Anrufen auf.',
  );
  assert.deepEqual(ids(tool), []);
  const likeFor = extract(
    'Update für CGM ALBIS',
    'CGM hat ein Update für CGM ALBIS veröffentlicht. Das Update wird über die Software-Zentrale verteilt, wie bei CGM MEDISTAR. Spielen Sie es ein.',
  );
  assert.deepEqual(ids(likeFor), ['cgm-albis']);
  // A tool with a flaw is affected.
  const flawed = extract('Lücke in AnyDesk', 'Viele Dienstleister nutzen AnyDesk für die Fernwartung, doch eine Lücke erlaubt Angreifern den Zugriff. Spielen Sie das Update ein.');
  assert.deepEqual(ids(flawed), ['anydesk']);
});

test('an earlier incident told as what this one follows, or as "damals" / "eine frühere Version hatte", is a precedent', () => {
  const follows = extract(
    'Flaw in Sophos Firewall exploited',
    "Attackers exploit a flaw in Sophos Firewall. This comes after last year's attacks on Zyxel ATP devices. Install the hotfix now.",
  );
  assert.deepEqual(ids(follows), ['sophos-firewall']);
  const breach = extract('TeamViewer patches flaw', 'TeamViewer fixed a flaw in its client. The incident follows a breach at AnyDesk in February. Update the client.');
  assert.deepEqual(ids(breach), ['teamviewer']);
  const then = extract(
    'Neue Lücke in Exchange',
    'In Exchange Server steckt eine neue Lücke. Schon 2021 hatten Angriffe Exchange getroffen. Damals waren auch Windows Server betroffen. Installieren Sie das Update.',
  );
  assert.deepEqual(ids(then), ['microsoft-exchange']);
  const earlierVersion = extract(
    'Konnektor-Update',
    'Für den secunet konnektor steht ein Update bereit. Eine frühere Version hatte im Juli zu Ausfällen beim RISE Konnektor geführt. Spielen Sie es ein.',
  );
  assert.deepEqual(ids(earlierVersion), ['secunet-konnektor']);
  // This incident told with a date is no precedent.
  const now = extract('Lücke im RISE Konnektor', 'Seit dem 3. Juli kommt es beim RISE Konnektor zu Ausfällen. Starten Sie ihn neu.');
  assert.deepEqual(ids(now), ['rise-konnektor']);
});

test('a headline that follows attacks on a product is still about it', () => {
  const headline = extract('Sophos releases hotfix following attacks on Sophos Firewall in March', 'Install the hotfix now.');
  assert.deepEqual(ids(headline), ['sophos-firewall']);
});

// 7 Dec, from the fresh batch's visible part.
test('a router named with the address its menu is reached at, or with "zum Beispiel" behind it, is how to log in, not affected', () => {
  const notice = extract(
    'Wie schützen Praxen ihren Router?',
    'Die Basis für wirksamen Schutz seien sichere Passwörter. Dafür meldet sich der Nutzer im Konfigurationsmenü an – beim Telekom-Router Speedport zum Beispiel über die Adresse http://speedport.ip, bei der Fritzbox über „http://fritz.box“.',
  );
  assert.deepEqual(ids(notice), []);
  // A flaw in the same sentence keeps it.
  assert.deepEqual(ids(extract('Lücke in der Fritzbox', 'Eine Sicherheitslücke betrifft die Fritzbox, zum Beispiel das Modell 7590.')), ['avm-fritzbox']);
});

test('the system a PC was once upgraded from is a migration source; the end of security updates for a product is relevant without steps', () => {
  const notice = extract(
    'Supportende von Windows 10',
    'Vom 14. Oktober 2025 an liefert Microsoft für Windows 10 keine Sicherheitsupdates mehr. Das gilt zum Beispiel für ältere Rechner, die schon einmal von Windows 7 auf Windows 10 hochgerüstet wurden.',
  );
  assert.deepEqual(ids(notice), ['microsoft-windows-10']);
  assert.equal(notice.relevant, true);
});

test('fake mails in the name of a health insurer about patient records are a warning to care providers; to insured people they are not', () => {
  const providers = extract(
    'Achtung: Gefälschte E-Mails unter dem Namen des AOK-Bundesverbandes',
    'Derzeit werden gefälschte E-Mails verschickt, die eine Absenderadresse des AOK-Bundesverbandes tragen. Betreff: „Ihre angeforderte Patientendokumentation“. Wer eine solche Nachricht bekommt, sollte sie ungelesen löschen.',
  );
  assert.equal(providers.relevant, true);
  const insured = extract(
    'Gefälschte Mails im Namen der AOK',
    'Versicherte erhalten derzeit gefälschte E-Mails im Namen der AOK. Wer eine solche Nachricht bekommt, sollte sie ungelesen löschen.',
  );
  assert.equal(insured.relevant, false);
});
