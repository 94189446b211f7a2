// Round 9 of issue 16: products and vendors that carry to unseen notices. Each class is pinned with made-up sentences
// (not copied from the corpus) and a negative that must keep the product.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { extractDocument } from '../src/normalize/document.js';
import { extractNotice } from '../src/normalize/extract.js';
import { compileCatalog } from '../src/normalize/products.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const extract = (title: string, text: string) => extractNotice(matcher, { title, text, publishedAt: null });
const ids = (x: { products: { id: string }[] }) => x.products.map((p) => p.id).sort();

test('a product that a sentence says with a verb is not affected does not count', () => {
  const fritz = extract(
    'Lücke in FRITZ!OS geschlossen',
    'AVM hat FRITZ!OS 7.57 veröffentlicht und damit eine Lücke geschlossen. Spielen Sie das Update zeitnah ein. Die Lücke betrifft nicht die Digitalisierungsbox Premium.',
  );
  assert.deepEqual(ids(fritz), ['avm-fritzbox']);
  const exchange = extract(
    'Exchange Server: Notfall-Patch',
    'Microsoft schließt eine Lücke in Exchange Server 2019. Installieren Sie den Patch umgehend. This does not affect customers of Microsoft 365.',
  );
  assert.deepEqual(ids(exchange), ['microsoft-exchange']);
  const isynet = extract(
    'Sicherheitsupdate für x.isynet',
    'Für x.isynet steht ein Sicherheitsupdate bereit. Spielen Sie es heute noch ein. Für Anwender von x.concept ändert sich nichts.',
  );
  assert.deepEqual(ids(isynet), ['medatixx-x-isynet']);
  const orga = extract(
    'Firmware für das ORGA 6141 online',
    'Für das ORGA 6141 online schließt die Firmware 3.9.1 eine Lücke. Aktualisieren Sie das Kartenterminal. Die SMC-B muss danach nicht neu freigeschaltet werden, und der eHBA kann weiterhin genutzt werden.',
  );
  assert.deepEqual(ids(orga), ['worldline-orga-6141']);
  assert.equal(orga.vendorId, 'worldline');
});

test('a product that is affected later, or besides another, still counts', () => {
  const both = extract(
    'Lücke in FRITZ!OS und in der Digitalisierungsbox',
    'Die Lücke betrifft nicht nur FRITZ!OS, sondern auch die Digitalisierungsbox Premium. Spielen Sie die Updates ein.',
  );
  assert.deepEqual(ids(both), ['avm-fritzbox', 'telekom-digitalisierungsbox-premium']);
  const deadline = extract(
    'Zertifikate laufen ab',
    'Praxisausweise (SMC-B) der ersten Generation können weiterhin bis Ende Juni genutzt werden, dann laufen ihre Zertifikate ab. Bestellen Sie rechtzeitig eine neue Karte.',
  );
  assert.deepEqual(ids(deadline), ['gematik-smc-b']);
});

test('the vendor is the maker of the specific product the headline names, not of the cards named beside it', () => {
  const x = extract(
    'Störungen beim Stecken der Karten: neue Firmware für das ORGA 6141 online',
    'Beim Stecken der SMC-B und des eHBA kam es zu Abstürzen. Die Firmware 3.8.2 für das ORGA 6141 online behebt den Fehler mit der SMC-B und dem eHBA. Spielen Sie sie ein.',
  );
  assert.equal(x.vendorId, 'worldline');
  // A generic entry in the headline names no maker: the specific products in the body decide.
  const generic = extract(
    'Konnektoren und Kartenterminals mit alter Firmware werden gesperrt',
    'Für die Kartenterminals ORGA 6141 online und ORGA Neo ist die Firmware 3.9.1 zugelassen. Prüfen Sie auch die Firmware Ihres Konnektors.',
  );
  assert.equal(generic.vendorId, 'worldline');
});

test('a name shared by a product and its maker, used for the company, names no product', () => {
  const statement = extract(
    "Update on AnyDesk's security incident",
    "AnyDesk's internal network was accessed by an attacker. The attacker did not reach the build systems, and the AnyDesk client remains safe to use. Customers should watch out for phishing.",
  );
  assert.deepEqual(ids(statement), []);
  assert.equal(statement.vendorId, 'anydesk');
  const update = extract(
    'Neue Version für x.isynet',
    'medatixx hat ein Sicherheitsupdate für x.isynet veröffentlicht. Spielen Sie es zeitnah ein.',
  );
  assert.deepEqual(ids(update), ['medatixx-x-isynet']);
  // The product of that name still counts where it is one of the products.
  const both = extract(
    'Sicherheitsupdate für Praxissoftware',
    'Medatixx rät Anwendern von x.isynet und medatixx, das Sicherheitsupdate einzuspielen.',
  );
  assert.deepEqual(ids(both), ['medatixx-medatixx', 'medatixx-x-isynet']);
  const tool = extract('AnyDesk: Update schließt Lücke', 'Die Version 8.0.8 von AnyDesk schließt eine Lücke. Installieren Sie das Update.');
  assert.deepEqual(ids(tool), ['anydesk']);
});

test('the sender fake mails pretend to be, and the tool fake support asks for, are no affected products', () => {
  const mails = extract(
    'Vorsicht: Gefälschte FRITZ!Box-Mails mit Schadsoftware',
    'Derzeit kursieren E-Mails mit gefälschten FRITZ!Box-Benachrichtigungen und einem Anhang, der Schadsoftware enthält. Öffnen Sie den Anhang nicht.',
  );
  assert.deepEqual(ids(mails), []);
  assert.equal(mails.vendorId, null);
  // Fake mails in the name of a router that practices run warn its users, practices among them.
  assert.equal(mails.relevant, true);
  const onBehalf = extract(
    'Phishing-Welle',
    'Seit Montag gehen Phishing-Mails im Namen von AnyDesk ein, die zu einer falschen Anmeldeseite führen. Geben Sie dort keine Zugangsdaten ein.',
  );
  assert.deepEqual(ids(onBehalf), []);
  const calls = extract(
    'Warnung vor falschen Support-Anrufen',
    'Betrüger geben sich am Telefon als Techniker aus und verlangen, dass die Praxis TeamViewer installiert. Legen Sie auf und installieren Sie nichts auf Zuruf.',
  );
  assert.deepEqual(ids(calls), []);
  // A flaw in the product, told in a notice that also warns of phishing, still names it.
  const flaw = extract(
    'FRITZ!OS 7.57 schließt Lücke',
    'AVM schließt mit FRITZ!OS 7.57 eine Lücke in der FRITZ!Box, die Angreifer für Phishing nutzen könnten. Installieren Sie das Update.',
  );
  assert.deepEqual(ids(flaw), ['avm-fritzbox']);
});

test('a connector spelt "Konnector" before its maker is that maker\'s connector', () => {
  const x = extract(
    'Fehlermeldung am Konnector secunet: Sicherheitsprotokoll voll',
    'Der Konnektor meldet einen kritischen Betriebszustand. Starten Sie den Konnektor neu und spielen Sie danach das Update auf Version 2.0.38 ein.',
  );
  assert.deepEqual(ids(x), ['secunet-konnektor']);
  assert.equal(x.vendorId, 'secunet');
});

test('a generic entry named once, as an example of something else, is not what the notice is about', () => {
  const x = extract(
    'Hinweis zum secunet konnektor',
    'Der secunet konnektor hat einen Fehler im Sicherheitsprotokoll. Solange er besteht, sind einige Funktionen gesperrt (zum Beispiel die Kartenterminals). Spielen Sie das Update ein.',
  );
  assert.deepEqual(ids(x), ['secunet-konnektor']);
  // Named as what is to be checked, it still counts.
  const checked = extract(
    'Sperrung droht: Firmware prüfen',
    'Die gematik fordert Praxen auf, die Firmware ihrer Kartenterminals zu prüfen und veraltete Geräte umgehend aktualisieren zu lassen.',
  );
  assert.deepEqual(ids(checked), ['gematik-kartenterminal']);
});

test('a product named as a precedent some years ago, as a tool a job is done with or as an example of a kind is background', () => {
  const precedent = extract(
    'Zyxel-Firewalls werden angegriffen',
    'Zyxel hat Patches für seine Firewalls veröffentlicht. Wie bei der Lücke in der Sophos Firewall vor zwei Jahren wird die Schwachstelle bereits ausgenutzt. Installieren Sie die Firmware umgehend.',
  );
  // "Zyxel-Firewalls" names the Zyxel firewall of the catalog (maker-kinds.ts); the Sophos Firewall stays a precedent.
  assert.deepEqual(ids(precedent), ['zyxel-firewall']);
  assert.equal(precedent.vendorId, 'zyxel');
  const tool = extract(
    'Windows 10: Support endet',
    'Microsoft beendet den Support für Windows 10. Ihr IT-Dienstleister kann das Upgrade per TeamViewer-Fernwartung durchführen.',
  );
  assert.deepEqual(ids(tool), ['microsoft-windows-10']);
  const kinds = extract(
    'KV warnt vor Ransomware',
    'Die KV warnt Praxen vor Ransomware. Angreifer nutzen häufig Fernwartungszugänge wie AnyDesk oder TeamViewer. Legen Sie regelmäßig Datensicherungen an.',
  );
  assert.deepEqual(ids(kinds), []);
  const unaffected = extract(
    'Lücke in Exchange Server',
    'Das BSI warnt vor einer Lücke in Microsoft Exchange Server. Praxen, die Microsoft 365 nutzen, müssen nichts tun. Installieren Sie das Update.',
  );
  assert.deepEqual(ids(unaffected), ['microsoft-exchange']);
  // Examples of what is affected are affected.
  const affected = extract('Lücke in Praxissoftware', 'Betroffen sind Praxisverwaltungssysteme wie CGM ALBIS und x.isynet. Spielen Sie das Update ein.');
  assert.deepEqual(ids(affected), ['cgm-albis', 'medatixx-x-isynet']);
});

test("the practice's own software, named as what it uses or holds data in, is the setting of a notice on another maker's product", () => {
  const windows = extract(
    'Kritische Lücke in Windows',
    'Microsoft schließt eine kritische Lücke in Windows 11. Praxen, die CGM ALBIS nutzen, sollten vor dem Update Rücksprache mit ihrem Systembetreuer halten.',
  );
  assert.deepEqual(ids(windows), ['microsoft-windows-11']);
  const cloud = extract(
    'Windows 10 und die Cloud: Einstellungen prüfen',
    'Windows 10 lädt Ordner auf Wunsch in die Cloud. So können auch Daten aus T2med dort landen. Prüfen Sie die Einstellungen von Windows 10.',
  );
  assert.deepEqual(ids(cloud), ['microsoft-windows-10']);
  // A fault those users meet is in their software too.
  const fault = extract(
    'Windows-Update legt Praxissoftware lahm',
    'Microsoft hat für Windows 11 ein Update verteilt. Praxen, die CGM ALBIS nutzen, können danach nicht mehr drucken.',
  );
  assert.deepEqual(ids(fault), ['cgm-albis', 'microsoft-windows-11']);
  // Where nothing else is named, the software the practices use is what the notice is about.
  const own = extract('Sicherheitsupdate für Praxissoftware', 'Praxen, die CGM ALBIS nutzen, sollten das Sicherheitsupdate umgehend einspielen.');
  assert.deepEqual(ids(own), ['cgm-albis']);
});

test('the maker named before a product the catalog lacks, with its release, is the vendor', () => {
  const x = extract(
    'Kritische Lücke in Anmelde-App',
    'Eine Schwachstelle erlaubt es, Anmeldungen umzuleiten (CVE-2026-11111). Aktualisieren Sie den gematik Authenticator auf Version 4.16.0 oder neuer.',
  );
  assert.deepEqual(ids(x), []);
  assert.equal(x.vendorId, 'gematik');
  // A plain noun after the maker's name is no product.
  const speaker = extract(
    'Lücke in Anmelde-Apps',
    'Eine gematik Sprecherin bestätigte die Schwachstelle. Ein Update soll im Mai folgen.',
  );
  assert.equal(speaker.vendorId, null);
});

test("a maker's statement on an attack on itself, in the first person, has the publisher its chrome names as vendor", async () => {
  const [text] = await extractDocument(
    matcher,
    [
      'Doc Cirrus',
      'Produkte   Unternehmen   Kontakt',
      'Information zu einem Sicherheitsvorfall',
      'Wir sind Opfer eines Cyberangriffs geworden und haben sofort externe Fachleute hinzugezogen. Unsere Kunden informieren wir laufend über den Stand.',
      '© Doc Cirrus GmbH   Impressum   Datenschutz',
    ].join('\n'),
  );
  assert.equal(text!.vendorId, 'doc-cirrus');
  const [page] = await extractDocument(
    matcher,
    '<html><head><title>Sicherheitsvorfall | AnyDesk</title></head><body><main><h1>Sicherheitsvorfall</h1>' +
      '<p>Wir wurden Ziel eines Angriffs auf einige Server. Kundendaten sind nach heutigem Stand nicht betroffen.</p></main>' +
      '<footer>© 2024 AnyDesk Software GmbH</footer></body></html>',
  );
  assert.equal(page!.vendorId, 'anydesk');
  // A warning in the first person is no statement on an attack on the publisher.
  const [warning] = await extractDocument(
    matcher,
    '<html><head><title>Phishing-Mails | KBV</title></head><body><main><h1>Vorsicht vor Phishing-Mails</h1>' +
      '<p>Wir warnen vor gefälschten E-Mails, die nach einem Angriff auf Praxen verschickt werden. Öffnen Sie keine Anhänge.</p></main>' +
      '<footer>© Kassenärztliche Bundesvereinigung</footer></body></html>',
  );
  assert.equal(warning!.vendorId, null);
});

test('a list of other articles under a heading of its own names nothing the notice is about, in a text copy and on a page', async () => {
  for (const heading of ['Empfehlungen der Redaktion', 'Meistgelesen', 'Weiterführende Links', 'Related', 'Mehr zu diesem Thema']) {
    const [text] = await extractDocument(
      matcher,
      [
        'Sicherheit › News',
        '',
        'Kritische Lücke in Sophos-Firewalls',
        '',
        'In der Sophos Firewall steckt eine kritische Lücke (CVE-2022-1040). Administratoren sollten das Update auf Version 18.5 MR3 zügig installieren und den Zugriff auf die Weboberfläche aus dem Internet sperren.',
        '',
        heading,
        'FRITZ!Box-Update schließt Lücke im Fernzugriff',
        'KoCoBox MED+: neue Firmware verfügbar',
      ].join('\n'),
    );
    assert.deepEqual(ids(text!), ['sophos-firewall'], heading);
    const [page] = await extractDocument(
      matcher,
      '<html><body><main><article><h1>Kritische Lücke in Sophos-Firewalls</h1><p>In der Sophos Firewall steckt eine kritische Lücke (CVE-2022-1040). Administratoren sollten das Update zügig installieren.</p>' +
        `<h2>${heading}</h2><ul><li><a href="/a">FRITZ!Box-Update schließt Lücke im Fernzugriff</a></li><li><a href="/b">KoCoBox MED+: neue Firmware</a></li></ul></article></main></body></html>`,
    );
    assert.deepEqual(ids(page!), ['sophos-firewall'], heading);
  }
  // "Zum Thema" inside a sentence is prose.
  const prose = extract('Hinweise zum Thema Sicherheit', 'Zum Thema Router: Für die FRITZ!Box ist FRITZ!OS 7.57 erschienen, das eine Lücke schließt. Installieren Sie es.');
  assert.deepEqual(ids(prose), ['avm-fritzbox']);
});

test('the items of a list of what is not affected are not affected', async () => {
  const [text] = await extractDocument(
    matcher,
    ['Sicherheitslücke in Kartenterminals', '', 'Worldline hat eine Lücke im ORGA 6141 online geschlossen. Spielen Sie die Firmware 3.9.1 ein.', '', 'Nicht betroffen sind:', '• ORGA Neo', '• Cherry ST-1506', '', 'Bei Fragen wenden Sie sich an Ihren Dienstleister.'].join('\n'),
  );
  assert.deepEqual(ids(text!), ['worldline-orga-6141']);
  const [page] = await extractDocument(
    matcher,
    '<html><body><main><h1>Vulnerability in FRITZ!OS</h1><p>AVM fixed a vulnerability in FRITZ!OS 7.57. Update your FRITZ!Box now.</p>' +
      '<h2>Unaffected products</h2><ul><li>Digitalisierungsbox Premium</li><li>LANCOM routers</li></ul></main></body></html>',
  );
  assert.deepEqual(ids(page!), ['avm-fritzbox']);
  // A list of what is affected after it is read again.
  const [after] = await extractDocument(
    matcher,
    ['Lücke in Kartenterminals', '', 'Nicht betroffen sind:', '• Cherry ST-1506', '', 'Betroffen ist dagegen das ORGA 6141 online. Spielen Sie die Firmware 3.9.1 ein.'].join('\n'),
  );
  assert.deepEqual(ids(after!), ['worldline-orga-6141']);
});

test('requirements, captions, advertisements, companions and precedents told with "schon 2021" name no affected product', () => {
  const requirements = extract(
    'Sicherheitsupdate für x.isynet',
    'Für x.isynet steht ein Sicherheitsupdate bereit. Systemvoraussetzungen: Windows 10 oder Windows 11, Windows Server 2019. Spielen Sie das Update zeitnah ein.',
  );
  assert.deepEqual(ids(requirements), ['medatixx-x-isynet']);
  const caption = extract('FRITZ!OS 7.57 schließt Lücke', 'AVM hat FRITZ!OS 7.57 veröffentlicht. Foto: Eine Digitalisierungsbox Premium im Serverraum einer Praxis. Installieren Sie das Update.');
  assert.deepEqual(ids(caption), ['avm-fritzbox']);
  const ad = extract('Lücke in Sophos Firewall', 'Sophos hat einen Hotfix für die Sophos Firewall veröffentlicht. Installieren Sie ihn. Anzeige: Jetzt auf Windows 11 umsteigen – mit unserem Praxis-Paket.');
  assert.deepEqual(ids(ad), ['sophos-firewall']);
  const companion = extract(
    'Zyxel-Firewalls angegriffen',
    'Angreifer nutzen eine Lücke in Zyxel-Firewalls aus. Die Geräte werden häufig zusammen mit der Digitalisierungsbox Premium als Router betrieben. Installieren Sie die Patches.',
  );
  assert.deepEqual(ids(companion), ['zyxel-firewall']);
  const history = extract(
    'Angriff auf Doc Cirrus',
    'Angreifer haben bei Doc Cirrus Daten abgegriffen. Schon 2021 hatte ein Angriff auf medatixx die Kunden von x.isynet getroffen.',
  );
  assert.deepEqual(ids(history), []);
  // A requirement of the product itself, or a version it needs, is still the product being updated.
  const needs = extract('Update für die FRITZ!Box', 'Für die FRITZ!Box 7590 ist FRITZ!OS 7.57 erschienen, das eine Lücke schließt. Voraussetzung: FRITZ!OS 7.50 ist installiert.');
  assert.deepEqual(ids(needs), ['avm-fritzbox']);
});

test('English notices: products that are protected or not at risk, a similar breach weeks before, devices behind a router', () => {
  const protectedOnes = extract(
    'Microsoft patches Exchange Server',
    'Microsoft released updates for Exchange Server 2019. Customers of Microsoft 365 are protected automatically. Install the update now.',
  );
  assert.deepEqual(ids(protectedOnes), ['microsoft-exchange']);
  const atRisk = extract(
    'Critical flaw in Sophos Firewall',
    'Sophos fixed a critical flaw in Sophos Firewall v19.0. Admins running Windows Server 2019 as a management host are not at risk. Apply the hotfix.',
  );
  assert.deepEqual(ids(atRisk), ['sophos-firewall']);
  const earlier = extract(
    'AnyDesk revokes certificates after breach',
    'AnyDesk says hackers breached its production systems. Users should update to AnyDesk 8.0.8. The incident comes weeks after a similar breach at TeamViewer.',
  );
  assert.deepEqual(ids(earlier), ['anydesk']);
  const behind = extract(
    'Firewalls under attack',
    'Threat actors exploit a flaw in a popular firewall. Many small offices use these devices behind a FRITZ!Box or a Digitalisierungsbox Premium. Install the firmware update.',
  );
  assert.deepEqual(ids(behind), []);
});

test('products that need no update or keep working normally are not affected', () => {
  const others = extract(
    'TI-Störung: Konnektoren von secunet betroffen',
    'Seit heute Morgen melden Praxen Störungen bei Konnektoren von secunet. Praxen mit Konnektoren anderer Hersteller wie der KoCoBox MED+ oder dem RISE Konnektor können normal arbeiten. Starten Sie den Konnektor nicht neu.',
  );
  assert.deepEqual(ids(others), ['secunet-konnektor']);
  assert.equal(others.vendorId, 'secunet');
  const noUpdate = extract(
    'Update für das ORGA 6141 online',
    'Worldline stellt für das ORGA 6141 online die Firmware 3.9.1 bereit. Wer ein Cherry ST-1506 nutzt, braucht kein Update. Beauftragen Sie Ihren Dienstleister.',
  );
  assert.deepEqual(ids(noUpdate), ['worldline-orga-6141']);
  // Not working normally is a fault.
  const fault = extract('Störung', 'Die KoCoBox MED+ funktioniert seit dem Update nicht wie gewohnt. Starten Sie sie neu.');
  assert.deepEqual(ids(fault), ['cgm-kocobox-med-plus']);
});

test("a catalog noun another body owns, and the start of a maker's full name, are not the catalog's product", () => {
  const kzbv = extract(
    'Neues Prüfmodul der KZBV',
    'Die KZBV hat ein neues Prüfmodul für die Abrechnung veröffentlicht, das eine Lücke schließt. Spielen Sie das Update Ihres Praxisverwaltungssystems ein.',
  );
  assert.deepEqual(ids(kzbv), []);
  assert.equal(kzbv.vendorId, null);
  const compound = extract('KZBV-Prüfmodul: Update nötig', 'Das KZBV-Prüfmodul enthält eine Lücke. Installieren Sie das Update auf Version 2.3.');
  assert.deepEqual(ids(compound), []);
  const maker = extract('LANCOM Systems warnt vor Phishing', 'LANCOM Systems warnt vor gefälschten E-Mails im Namen des Unternehmens. Öffnen Sie keine Anhänge.');
  assert.deepEqual(ids(maker), []);
  // The KBV's own module, and a card whoever issues it, stay.
  const kbv = extract('Update für das KBV-Prüfmodul', 'Die KBV hat das Prüfmodul aktualisiert, weil es eine Lücke enthielt. Spielen Sie das Update Ihres PVS ein.');
  assert.deepEqual(ids(kbv), ['kbv-pruefmodul']);
  const card = extract('Praxisausweis der KZV läuft ab', 'Die Zertifikate im Praxisausweis der KZVWL laufen ab. Bestellen Sie rechtzeitig einen neuen Praxisausweis.');
  assert.deepEqual(ids(card), ['gematik-smc-b']);
  const router = extract('LANCOM: Lücke in LCOS', 'LANCOM schließt eine Lücke in LCOS. Installieren Sie LCOS 10.80 auf Ihren LANCOM Routern.');
  assert.deepEqual(ids(router), ['lancom-router']);
});

test('an attack named as a point in time or for comparison does not make its target the vendor', () => {
  for (const lead of [
    'Nach dem Angriff auf medatixx im Jahr 2021 warnt die KV erneut vor Phishing.',
    'Seit dem Angriff auf CGM sind viele Praxen verunsichert.',
    'Anders als beim Angriff auf Doc Cirrus sind diesmal keine Gesundheitsdaten betroffen.',
  ]) {
    const x = extract('Phishing-Welle trifft Praxen', `${lead} Praxen erhalten E-Mails mit gefälschten Rechnungen. Öffnen Sie keine Anhänge.`);
    assert.equal(x.vendorId, null, lead);
  }
  const attacked = extract('Cyberangriff auf medatixx', 'Der Softwareanbieter wurde Ziel eines Angriffs. Ändern Sie Ihre Passwörter.');
  assert.equal(attacked.vendorId, 'medatixx');
  const warned = extract('Praxen gewarnt', 'Die KV warnt vor einem Angriff auf Doc Cirrus, bei dem Zugangsdaten abgeflossen sind. Ändern Sie Ihre Passwörter.');
  assert.equal(warned.vendorId, 'doc-cirrus');
});

test('lines that link other pages (videos, podcasts, topic pages, "Mehr Infos zu …") name nothing the notice is about', async () => {
  for (const line of ['Video: So aktualisieren Sie Ihre FRITZ!Box', 'Podcast: Was Praxen über AnyDesk wissen müssen', 'Mehr Infos zu Windows 10', 'Alle Artikel zu CGM ALBIS', 'Weitere Informationen zu TeamViewer finden Sie auf unserer Themenseite.']) {
    const [x] = await extractDocument(
      matcher,
      [
        'Security › News',
        '',
        'Kritische Lücke in Sophos-Firewalls',
        '',
        'In der Sophos Firewall steckt eine kritische Lücke (CVE-2022-1040). Administratoren sollten das Update auf Version 18.5 MR3 zügig installieren.',
        '',
        line,
        '',
        'Wer das Update nicht sofort einspielen kann, sollte den Zugriff auf die Weboberfläche aus dem Internet abschalten.',
      ].join('\n'),
    );
    assert.deepEqual(ids(x!), ['sophos-firewall'], line);
  }
});

test("fake mails in the name of a practice software's maker warn practices like those in the name of a KV", () => {
  const x = extract('Vorsicht: Phishing-Mails im Namen von CGM', 'Derzeit kursieren E-Mails im Namen von CGM mit einem Anhang, der Schadsoftware enthält. Öffnen Sie den Anhang nicht.');
  assert.deepEqual(ids(x), []);
  assert.equal(x.relevant, true);
  // A consumer warning that names no maker practices use stays a consumer warning.
  const consumer = extract('Vorsicht: Phishing-Mails im Namen eines Paketdienstes', 'Derzeit kursieren E-Mails im Namen eines Paketdienstes mit einem Anhang, der Schadsoftware enthält. Öffnen Sie den Anhang nicht.');
  assert.equal(consumer.relevant, false);
});

test("a TI device reaching the end of its certified lifetime is a security matter for the practice", () => {
  const x = extract(
    'Austausch der Konnektoren',
    'Die Konnektoren erreichen nacheinander ihr Laufzeitende. Prüfen Sie auf der Webseite des Herstellers, wann Ihr Gerät getauscht werden muss, und bestellen Sie rechtzeitig ein neues Gerät.',
  );
  assert.equal(x.relevant, true);
  const contract = extract('Konnektor-Wartungsvertrag', 'Ihr Vertragslaufzeitende für den Konnektor-Wartungsvertrag finden Sie im Kundenportal.');
  assert.equal(contract.relevant, false);
});

test('a TI card that expires, even on a page about ordering it through the billing portal, is a security matter', () => {
  const x = extract(
    'Neuen Praxisausweis bestellen',
    'Das Abrechnungsportal erinnert Sie drei Monate, bevor Ihr Praxisausweis abläuft. Bestellen Sie dann eine neue SMC-B über das Portal. Holen Sie vorher alle KIM-Nachrichten ab, die Sie mit der alten Karte entschlüsseln müssen.',
  );
  assert.equal(x.relevant, true);
  // A billing deadline that runs out is billing.
  const billing = extract('Abrechnung: Frist beachten', 'Die Frist für die Quartalsabrechnung läuft am 15. Januar ab. Reichen Sie die Abrechnung über das Portal ein.');
  assert.equal(billing.relevant, false);
});

test('a product given as an example of what a release is for is affected', () => {
  const x = extract('Neue Firmware für Router', 'Für Router wie die FRITZ!Box 7590 steht FRITZ!OS 7.57 bereit. Es schließt eine Lücke.');
  assert.deepEqual(ids(x), ['avm-fritzbox']);
});

test('a tool named as the way attackers get in through a flaw of its own is affected; "im Gegensatz zur" compares', () => {
  const x = extract(
    'Warnung der KV',
    'Angreifer dringen derzeit per AnyDesk in Praxisnetze ein, weil eine Lücke in älteren Versionen besteht. Aktualisieren Sie AnyDesk auf Version 8.0.8.',
  );
  assert.deepEqual(ids(x), ['anydesk']);
  const compared = extract(
    'Update für die Digitalisierungsbox',
    'Die Telekom hat für die Digitalisierungsbox Premium ein Update veröffentlicht. Im Gegensatz zur Digitalisierungsbox Smart ist die Premium-Variante betroffen.',
  );
  assert.deepEqual(ids(compared), ['telekom-digitalisierungsbox-premium']);
});

test("in a digest, an example of the practice's own system and the topic of an event are background", async () => {
  const [x] = await extractDocument(
    matcher,
    [
      'KV Musterland › Praxisnachrichten',
      '',
      'Sicherheitsupdate für die KoCoBox MED+',
      'Für die KoCoBox MED+ steht die Firmware 5.1.8 bereit. Lassen Sie sie von Ihrem Dienstleister einspielen.',
      '',
      'Honorar: Neue Abrechnungsziffern',
      'Ab April gelten neue Ziffern für die Videosprechstunde; Ihr PVS, etwa CGM ALBIS oder T2med, wird per Update angepasst.',
      '',
      'Fortbildung: Webinar zu Windows 11',
      'Am 20. März erklären wir den Umstieg auf Windows 11.',
    ].join('\n'),
  );
  assert.deepEqual(ids(x!), ['cgm-kocobox-med-plus']);
  // An example of the practice's system that is affected stays.
  const router = extract('Router-Lücke', 'Ihr Router, etwa die FRITZ!Box 7590, ist betroffen. Installieren Sie das Update.');
  assert.deepEqual(ids(router), ['avm-fritzbox']);
});

test("a vendor page's own product list and a contact line name nothing the notice is about", async () => {
  const notice = '<h1>Sicherheitsupdate für die KoCoBox MED+</h1><p>Für die KoCoBox MED+ steht die Firmware 5.1.8 bereit, die eine Lücke schließt. Lassen Sie sie von Ihrem Dienstleister einspielen.</p>';
  const [list] = await extractDocument(
    matcher,
    `<html><body><main>${notice}<h2>Unsere Lösungen</h2><ul><li><a href="/albis">CGM ALBIS</a></li><li><a href="/m1">CGM M1 PRO</a></li></ul></main></body></html>`,
  );
  assert.deepEqual(ids(list!), ['cgm-kocobox-med-plus']);
  const [contact] = await extractDocument(
    matcher,
    `<html><body><main>${notice}<p>Ihr Ansprechpartner für CGM ALBIS und CGM M1 PRO: Max Muster, Telefon 0261 8000-0</p></main></body></html>`,
  );
  assert.deepEqual(ids(contact!), ['cgm-kocobox-med-plus']);
});

test('what a notice does not apply to, or what is exempted, is not affected', () => {
  for (const aside of ['Der Hinweis gilt nicht für die Digitalisierungsbox Premium.', 'Die Digitalisierungsbox Premium ist davon ausgenommen.', 'This advisory does not apply to the Digitalisierungsbox Premium.', 'Owners of a Digitalisierungsbox Premium need not take any action.']) {
    const x = extract('Lücke in FRITZ!OS', `AVM schließt eine Lücke in FRITZ!OS 7.57. ${aside} Installieren Sie das Update.`);
    assert.deepEqual(ids(x), ['avm-fritzbox'], aside);
  }
  const applies = extract('Lücke in FRITZ!OS', 'Der Hinweis gilt für die FRITZ!Box 7590 und nicht nur für ältere Modelle. Installieren Sie FRITZ!OS 7.57.');
  assert.deepEqual(ids(applies), ['avm-fritzbox']);
});
