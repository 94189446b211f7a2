// Round 7 of issue 16: products, vendor and relevance by class, each test with hand-written snippets of a shape that
// real notices have (not copies of corpus cases).
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
const one = async (content: string) => (await extractDocument(matcher, content))[0]!;

test('a pointer to another article or to the site\'s products names nothing the notice is about, wherever it stands', async () => {
  const text = await one(
    [
      'heise online › Security › News',
      '',
      'Kritische Lücke in Sophos-Firewalls: Hersteller liefert Update',
      '',
      'In der Sophos Firewall klafft eine kritische Sicherheitslücke (CVE-2022-1040). Admins sollten das Update auf Version 18.5 MR3 zügig installieren.',
      '',
      'Siehe auch: FRITZ!Box-Update schließt Lücke im Fernzugriff',
      '',
      'Wer das Update nicht sofort einspielen kann, sollte den Fernzugriff auf die Weboberfläche abschalten.',
    ].join('\n'),
  );
  assert.deepEqual(ids(text), ['sophos-firewall']);
  assert.equal(text.vendorId, 'sophos');
  const page = await one(
    '<html><body><main><h1>Sicherheitsupdate für die KoCoBox MED+</h1>' +
      '<p>Für die KoCoBox MED+ steht ein Sicherheitsupdate bereit, das eine Schwachstelle im VPN-Modul schließt. Bitte lassen Sie die Firmware 5.1.8 durch Ihren Dienstleister einspielen.</p>' +
      '<p><strong>Lesen Sie auch:</strong> <a href="/x">Windows 10: Was Praxen jetzt tun müssen</a></p>' +
      '<p>Passende Produkte: CGM ALBIS, CGM MEDISTAR, CGM M1 PRO</p></main></body></html>',
  );
  assert.deepEqual(ids(page), ['cgm-kocobox-med-plus']);
});

test('a release note with routine fixes is no security notice: footers\' privacy links, bug fixes and "Security" in a company name do not count', () => {
  const release = extract(
    'Neue Firmware 6.1.2 für die KoCoBox MED+',
    'Für die KoCoBox MED+ steht die Firmware-Version 6.1.2 bereit. Sie bringt allgemeine Verbesserungen sowie die üblichen Fehlerbehebungen. Die Firmware können Sie ab sofort herunterladen und installieren.\nBeispiel Security Networks AG · Kontakt · Datenschutz',
  );
  assert.equal(release.relevant, false);
  // A hole, or a breach of data protection, is still one.
  const hole = extract('Neue Firmware 6.1.2 für die KoCoBox MED+', 'Die Firmware-Version 6.1.2 für die KoCoBox MED+ schließt eine Sicherheitslücke. Bitte installieren Sie das Update zeitnah.');
  assert.equal(hole.relevant, true);
  const breach = extract('Datenschutzverletzung bei Praxissoftware', 'Wegen einer Datenschutzverletzung in CGM ALBIS sollten Praxen das Update auf Version 25.2 installieren.');
  assert.equal(breach.relevant, true);
});

test('a vendor presenting a product or a release is product news, not a warning', () => {
  const launch = extract(
    'CGM stellt neue Generation von CGM ALBIS vor',
    'Koblenz, 12.03.2024 – CGM stellt die neue Version von CGM ALBIS vor. Die Praxissoftware bietet eine moderne Oberfläche und noch mehr Sicherheit durch eine verschlüsselte Datenbank. Praxen können ab sofort auf Version 25.1 umsteigen. Erleben Sie CGM ALBIS live auf der DMEA in Berlin.',
  );
  assert.equal(launch.relevant, false);
  const english = extract('Sophos introduces new firewall generation', 'Sophos introduces the new Sophos Firewall XGS series with more security for small businesses. Customers can upgrade to version 21.0 now.');
  assert.equal(english.relevant, false);
  const blog = extract('Introducing Sophos Firewall v21', 'We are excited to announce Sophos Firewall v21 with better performance and improved security dashboards. Customers should upgrade to v21 to get the new features.');
  assert.equal(blog.relevant, false);
  // A KV presenting a checklist for practices names no product: practice guidance.
  const checklist = extract('KV stellt Checkliste zur IT-Sicherheit vor', 'Die KV stellt eine Checkliste zur IT-Sicherheit vor. Praxen sollten regelmäßig Backups anlegen und die Passwörter ihrer Praxisrechner ändern.');
  assert.equal(checklist.relevant, true);
  // Presented together with a hole to close, it is a warning.
  const hole = extract('CGM stellt Update für CGM ALBIS vor', 'CGM stellt ein Update für CGM ALBIS vor, das eine Sicherheitslücke schließt. Praxen sollten es umgehend installieren.');
  assert.equal(hole.relevant, true);
});

test('a hospital\'s or a pharmacy\'s notice that names practices once, in passing, is not for practices', () => {
  const hospital = extract(
    'Uniklinik meldet Cyberangriff: Notaufnahme abgemeldet',
    'Die Universitätsklinik Musterstadt ist Ziel eines Ransomware-Angriffs geworden. Betroffen sind das Klinikinformationssystem und die Windows-Server der Klinik. Patienten werden an umliegende Krankenhäuser verwiesen. Niedergelassene Ärzte werden gebeten, Patienten vorerst nicht einzuweisen.',
  );
  assert.equal(hospital.relevant, false);
  const pharmacy = extract(
    'Kartenterminals: Apotheken müssen Firmware aktualisieren',
    'Apotheken, deren Kartenterminals noch mit veralteter Firmware laufen, verlieren den Zugang zur TI. Wegen einer Sicherheitslücke sollten Apothekeninhaber die Firmware des ORGA 6141 online jetzt prüfen und das Update auf Version 3.9.1 einspielen lassen. Wie in Arztpraxen erfolgt die Aktualisierung über den KSR. Der Apothekerverband rät, sich an das Apotheken-Softwarehaus zu wenden.',
  );
  assert.equal(pharmacy.relevant, false);
  // Practices addressed as well: relevant.
  const both = extract(
    'Kartenterminals: Firmware aktualisieren',
    'Wegen einer Sicherheitslücke sollten Praxen und Apotheken die Firmware des ORGA 6141 online prüfen und das Update auf Version 3.9.1 einspielen lassen. Praxen wenden sich an ihren Dienstleister, Apotheken an ihr Softwarehaus.',
  );
  assert.equal(both.relevant, true);
});

test('a dotted name loses its dot but keeps its letters together: "be IP" in English is no bintec be.IP', () => {
  const x = extract(
    'Critical flaw in Ivanti Connect Secure exploited',
    'Ivanti has patched a critical vulnerability (CVE-2024-21887) in Connect Secure VPN gateways. Customers should apply the patch immediately. Access to the management interface should be IP restricted.',
  );
  assert.deepEqual(ids(x), []);
  assert.equal(x.vendorId, null);
  assert.deepEqual(ids(extract('Update für bintec beIP und x isynet', 'Für bintec beIP und x isynet steht ein Sicherheitsupdate bereit. Bitte installieren Sie es.')), ['bintec-elmeg-be-ip', 'medatixx-x-isynet']);
});

test('another product\'s similar case in the past is a precedent, not what the notice is about', () => {
  const x = extract(
    'Sicherheitslücke in tomedo: Hersteller liefert Update',
    'Der Hersteller zollsoft hat eine Sicherheitslücke in der Praxissoftware tomedo geschlossen. Praxen sollten das Update auf Version 1.140 zeitnah installieren. Eine ähnliche Lücke hatte im vergangenen Jahr CGM ALBIS betroffen. Wie schon beim Angriff auf die Digitalisierungsbox Premium im Jahr 2019 rät die KV, Portweiterleitungen zu prüfen.',
  );
  assert.deepEqual(ids(x), ['zollsoft-tomedo']);
  assert.equal(x.vendorId, 'zollsoft');
  const english = extract('Sophos fixes critical firewall flaw', 'Sophos fixed a critical vulnerability in Sophos Firewall (CVE-2022-1040). Admins should update to version 18.5 MR3. LANCOM had similar problems last year.');
  assert.deepEqual(ids(english), ['sophos-firewall']);
});

test('providers listed with a state they have reached ("die bereits zertifiziert sind", "die Windows 11 bereits unterstützen") are not affected', () => {
  const x = extract(
    'Windows 10: Supportende am 14. Oktober 2025',
    'Am 14. Oktober 2025 endet der Support für Windows 10. Danach gibt es keine Sicherheitsupdates mehr. Praxen sollten ihre Rechner rechtzeitig ersetzen. Die PVS-Anbieter, die Windows 11 bereits unterstützen, sind unter anderem CGM ALBIS, x.isynet, T2med und tomedo.',
  );
  assert.deepEqual(ids(x), ['microsoft-windows-10']);
  assert.equal(x.vendorId, 'microsoft');
});

test('the places of a password change, named with "in", "unter" and their kind, and data about a product, are not affected', () => {
  const phishing = extract(
    'Phishing: Gefälschte Mails im Namen der KZV',
    'Derzeit kursieren gefälschte E-Mails im Namen der KZV mit einem Link. Öffnen Sie keine Links. Ändern Sie, falls Sie Ihre Zugangsdaten eingegeben haben, sofort das Passwort Ihres Praxisrechners unter Windows 10 und in Ihrer Praxissoftware CGM Z1.',
  );
  assert.deepEqual(ids(phishing), []);
  assert.equal(phishing.vendorId, null);
  const portal = extract(
    'Angriff auf Antragsportal eines Kartenherstellers',
    'Unbekannte haben das Antragsportal eines Vertrauensdiensteanbieters angegriffen. Betroffen sind auch Antragsdaten für Elektronische Heilberufsausweise. Praxen sollten bei Phishing-Mails besonders wachsam sein.',
  );
  assert.deepEqual(ids(portal), []);
});

test('events, job ads, surveys without advice and policy debates that cite holes are not warnings', () => {
  const webinar = extract(
    'Webinar: IT-Sicherheit in der Arztpraxis',
    'Datum: 12.03.2024, Uhrzeit: 15:00 Uhr. In unserem Webinar erfahren Praxisinhaber, wie sie ihre Praxis vor Cyberangriffen und Phishing-Mails schützen. Unser Referent zeigt, wie Sie sichere Passwörter wählen und Backups einrichten. Melden Sie sich jetzt an.',
  );
  assert.equal(webinar.relevant, false);
  const invitation = extract('Gefälschte Webinar-Einladungen: KV warnt vor Phishing', 'Derzeit erhalten Praxen gefälschte E-Mails mit einer Einladung zu einem Webinar der KV. Öffnen Sie den Link nicht und löschen Sie die Mail.');
  assert.equal(invitation.relevant, true);
  const job = extract(
    'IT-Administrator (m/w/d) für Praxis-IT gesucht',
    'Wir suchen für unser Systemhaus einen IT-Administrator. Ihre Aufgaben: Betreuung von Arztpraxen, Einrichtung von Konnektoren und Firewalls. Bewerben Sie sich jetzt mit Ihren Unterlagen.',
  );
  assert.equal(job.relevant, false);
  const survey = extract(
    'Umfrage: Jede dritte Praxis war schon Ziel eines Cyberangriffs',
    'Jede dritte Arztpraxis war bereits Ziel eines Cyberangriffs, so eine Umfrage des Digitalverbands. Am häufigsten waren Phishing-Mails mit schädlichen Anhängen und Ransomware. Nur die Hälfte der Praxen hat ein Backup-Konzept.',
  );
  assert.equal(survey.relevant, false);
  const policy = extract(
    'ePA: Bundestag beschließt Gesetz zur Digitalisierung',
    'Der Bundestag hat das Gesetz zur Digitalisierung beschlossen. Kritiker bemängeln die Datensicherheit der elektronischen Patientenakte; der CCC hatte zuvor Sicherheitslücken gezeigt. Praxen müssen ab Oktober die ePA befüllen. Der Bundesrat muss noch zustimmen.',
  );
  assert.equal(policy.relevant, false);
});

test('the boilerplate about the company or the author at the foot of a notice names no products of the notice', async () => {
  const press = await one(
    [
      'Pressemitteilung',
      '',
      'secunet: Sicherheitsupdate für den secunet konnektor',
      '',
      'Essen, 12.03.2024 – secunet hat ein Sicherheitsupdate für den secunet konnektor veröffentlicht. Es schließt eine Schwachstelle in der VPN-Komponente. Praxen sollten das Update auf Version 5.2.1 über ihren Dienstleister einspielen lassen.',
      '',
      'Über secunet',
      'secunet ist ein führendes Cybersecurity-Unternehmen. Zu den Kunden zählen Nutzer von CGM ALBIS und x.isynet.',
    ].join('\n'),
  );
  assert.deepEqual(ids(press), ['secunet-konnektor']);
  assert.equal(press.vendorId, 'secunet');
  const english = extract(
    'AnyDesk says hackers breached its production servers',
    'AnyDesk confirmed that it suffered a cyberattack that led to a breach of its production systems. The company recommends that all users update to the latest version of AnyDesk.\nAbout the author: Sergiu Gatlan covers Microsoft Exchange, Windows 11, TeamViewer and FRITZ!Box security news.',
  );
  assert.deepEqual(ids(english), ['anydesk']);
  assert.equal(english.vendorId, 'anydesk');
});

test('in a warning of fake mails, the products the recipients use or the mails pretend to come from are not affected', () => {
  const customers = extract(
    'Phishing-Welle: Gefälschte Mails im Namen von Praxissoftware-Anbietern',
    'Derzeit erhalten Praxen gefälschte E-Mails, die angeblich vom Support ihres PVS-Herstellers stammen. Kunden von x.isynet, T2med und CGM ALBIS berichten von Mails mit einem Link zu einem angeblichen Update. Öffnen Sie keine Links in solchen Mails und löschen Sie die Nachricht.',
  );
  assert.deepEqual(ids(customers), []);
  assert.equal(customers.vendorId, null);
  assert.equal(customers.relevant, true);
  const users = extract(
    'Warnung: Gefälschte Update-Mails im Namen von PVS-Herstellern',
    'Betroffen sind nach Meldungen bisher Praxen, die CGM ALBIS oder T2med nutzen. Die Mails enthalten einen Link zu einem angeblichen Update. Öffnen Sie keine Links in solchen Mails.',
  );
  assert.deepEqual(ids(users), []);
  // A headline that names the product: the fake mails are about it.
  const named = extract('Gefälschte AnyDesk-Update-Mails im Umlauf', 'Kunden von AnyDesk erhalten gefälschte Mails mit einem Link zu einem angeblichen Update. Laden Sie AnyDesk nur von der Seite des Herstellers.');
  assert.deepEqual(ids(named), ['anydesk']);
});

test('a vendor whose name has a capital is not named by the same word in lower case ("on the rise")', () => {
  const x = extract(
    'Ransomware attacks on the rise: healthcare hit hardest',
    'Ransomware attacks on healthcare providers rose by 40 percent last year. Medical practices were targeted via phishing emails. Experts recommend offline backups.',
  );
  assert.equal(x.vendorId, null);
  // Written with its capital, the vendor is named: "Cyberangriff auf Rise".
  assert.equal(extract('Cyberangriff auf Rise', 'Der Hersteller meldet einen Angriff auf seine Systeme. Kunden sollten ihre Passwörter ändern.').vendorId, 'rise');
});

test('what a thing is linked to, and a vendor named as the source of help, are not affected', () => {
  const linked = extract(
    'Windows 10: Datenschutz-Einstellungen prüfen',
    'Windows 10 sendet in der Grundeinstellung viele Daten an Microsoft. Das Microsoft-Konto ist mit dem Cloud-Speicher OneDrive verknüpft. Praxen sollten ein lokales Benutzerkonto verwenden, da sonst Patientendaten in der Cloud landen können.',
  );
  assert.deepEqual(ids(linked), ['microsoft-windows-10']);
  const help = extract(
    'Konnektortausch: Ablaufdatum prüfen',
    'Die Zertifikate der KoCoBox MED+ laufen nach fünf Jahren ab. Praxen sollten das Ablaufdatum prüfen und den Tausch planen. Auch Doctorly bietet eine Übersicht an, in der Praxen das Ablaufdatum nachsehen können.',
  );
  assert.deepEqual(ids(help), ['cgm-kocobox-med-plus']);
  // The vendor's product with a flaw of its own is still affected.
  assert.deepEqual(ids(extract('Sicherheitslücke in Doctorly', 'In Doctorly wurde eine Sicherheitslücke geschlossen. Praxen sollten sich neu anmelden.')), ['doctorly']);
});

test('a bracketed other name and the next member of a list share the role of the name before them', () => {
  const data = extract(
    'Datenleck bei einem Kartenanbieter',
    'Bei einem Kartenanbieter sind Unbekannte in das Bestellsystem eingedrungen. Betroffen sind Bestelldaten für den Praxisausweis (SMC-B) sowie für elektronische Heilberufsausweise. Praxen sollten auf Phishing-Mails achten.',
  );
  assert.deepEqual(ids(data), []);
  const both = extract('Sicherheitsupdate für Konnektoren', 'Eine Schwachstelle betrifft die KoCoBox MED+ und den secunet konnektor. Bitte lassen Sie das Update einspielen.');
  assert.deepEqual(ids(both), ['cgm-kocobox-med-plus', 'secunet-konnektor']);
});

test('a support forum\'s post to its community of private users is a consumer notice', () => {
  const forum = extract(
    'Speedport Smart 4: Neue Firmware schließt Sicherheitslücke',
    'Hallo zusammen, für euren Speedport Smart 4 steht die neue Firmware 4.8.1 bereit. Sie schließt eine Sicherheitslücke und verbessert das WLAN. Bitte installiert das Update im Menü, falls es nicht automatisch kommt.',
  );
  assert.equal(forum.relevant, false);
  // The same post that addresses practices is relevant.
  const practices = extract(
    'Speedport Smart 4: Neue Firmware schließt Sicherheitslücke',
    'Hallo zusammen, für den Speedport Smart 4 steht die neue Firmware 4.8.1 bereit. Sie schließt eine Sicherheitslücke. Auch Praxen, die den Router nutzen, sollten das Update installieren.',
  );
  assert.equal(practices.relevant, true);
});

test('a hole in a data centre\'s gateway is no hole in a device practices run; in a VPN gateway it is', () => {
  const adc = extract(
    'Advice on patches for Citrix ADC and Citrix Gateway servers',
    'A vulnerability (CVE-2019-19781) in Citrix ADC and Citrix Gateway allows attackers to run code. Install the patches as soon as they are available.',
  );
  assert.equal(adc.relevant, false);
  const vpn = extract(
    'Critical flaw in Ivanti VPN gateways',
    'A vulnerability (CVE-2024-21887) in Ivanti Connect Secure VPN gateways allows attackers to run code. Install the patches as soon as they are available.',
  );
  assert.equal(vpn.relevant, true);
  const bigip = extract('F5 fixes critical BIG-IP flaw', 'A vulnerability (CVE-2023-46747) in F5 BIG-IP appliances allows attackers to run code. Install the hotfix as soon as possible.');
  assert.equal(bigip.relevant, false);
  const sma = extract('SonicWall SMA 100 zero-day exploited', 'A vulnerability (CVE-2021-20016) in SonicWall SMA 100 appliances used for remote access is exploited. Install the firmware update as soon as possible.');
  assert.equal(sma.relevant, true);
});

test('the tool someone gets in through, and everyday care named in passing, are not what a warning is about', () => {
  const calls = extract(
    'Achtung: Betrügerische Anrufe angeblicher Techniker',
    'Derzeit rufen Betrüger in Praxen an und geben sich als Techniker des PVS-Herstellers aus. Gewähren Sie niemals unbekannten Anrufern Zugriff per TeamViewer oder AnyDesk. Beenden Sie das Gespräch. Halten Sie außerdem Windows 10 und Ihren Virenschutz stets aktuell.',
  );
  assert.deepEqual(ids(calls), []);
  assert.equal(calls.vendorId, null);
  assert.equal(calls.relevant, true);
  // Care of the product the notice is about still names it.
  const box = extract('FRITZ!OS 7.57 schließt Sicherheitslücke', 'AVM hat FRITZ!OS 7.57 veröffentlicht, das eine Lücke schließt. Halten Sie Ihre FRITZ!Box stets aktuell.');
  assert.deepEqual(ids(box), ['avm-fritzbox']);
});

test('a vendor attacked in a precedent told for comparison is not the notice\'s vendor', () => {
  const x = extract(
    'Phishing-Mails mit gefälschten Rechnungen',
    'Ähnlich wie beim Angriff auf CGM im Dezember 2021 versuchen die Täter, Schadsoftware einzuschleusen. Derzeit erhalten Praxen E-Mails mit gefälschten Rechnungen im Anhang. Öffnen Sie keine Anhänge unbekannter Absender.',
  );
  assert.equal(x.vendorId, null);
  assert.equal(extract('Cyberangriff auf CGM', 'CGM wurde Opfer eines Ransomware-Angriffs. Kunden sollten auf gefälschte Mails achten.').vendorId, 'cgm');
});

test('a product said not to be affected with the cause in between ("nicht von der Lücke betroffen", "keine Gefahr") is not affected', () => {
  const x = extract(
    'Sicherheitsupdate für CGM MEDISTAR',
    'CGM ALBIS ist nicht von der Log4j-Schwachstelle betroffen. Für Nutzer von CGM TURBOMED besteht ebenfalls keine Gefahr. CGM MEDISTAR benötigt dagegen ein Update: Bitte installieren Sie Version 402.1 umgehend.',
  );
  assert.deepEqual(ids(x), ['cgm-medistar']);
  // Unpatched devices are vulnerable; "nicht nur" names more, not fewer.
  const unpatched = extract('Schwachstelle im Konnektor', 'Nicht aktualisierte KoCoBox MED+ sind verwundbar. Nicht nur Praxen, sondern auch der secunet konnektor in Rechenzentren ist betroffen.');
  assert.deepEqual(ids(unpatched), ['cgm-kocobox-med-plus', 'secunet-konnektor']);
});

test('a page\'s tags name no products of the notice', async () => {
  const page = await one(
    '<html><body><article><h1>Phishing-Mails im Namen der KV</h1>' +
      '<p>Derzeit erhalten Praxen gefälschte E-Mails im Namen der KV mit einem schädlichen Anhang. Öffnen Sie den Anhang nicht und löschen Sie die Mail.</p>' +
      '<p>Tags: Windows 10, FRITZ!Box, TeamViewer, Phishing</p></article></body></html>',
  );
  assert.deepEqual(ids(page), []);
  assert.equal(page.vendorId, null);
  const text = extract('Phishing-Mails im Namen der KV', 'Derzeit erhalten Praxen gefälschte E-Mails im Namen der KV mit einem schädlichen Anhang. Öffnen Sie den Anhang nicht und löschen Sie die Mail. Bitte informieren Sie Ihr Team.\nStichwörter: Windows 10, FRITZ!Box, TeamViewer');
  assert.deepEqual(ids(text), []);
});

test('a field safety notice on a medical device is not about practice IT, even when it addresses doctors', () => {
  const fsn = extract(
    'Dringende Sicherheitsinformation zu Blutzuckermessgerät GlucoCheck 3',
    'Der Hersteller informiert über einen Softwarefehler im Blutzuckermessgerät GlucoCheck 3, der zu falschen Messwerten führen kann. Ärztinnen und Ärzte sollten betroffene Geräte nicht mehr verwenden. Ein Software-Update auf Version 2.1 behebt den Fehler.',
  );
  assert.equal(fsn.relevant, false);
  // A callback asked for in a phishing warning is no recall.
  const callback = extract('Betrügerische Anrufe in Praxen', 'Betrüger geben sich am Telefon als IT-Support aus und verlangen Passwörter. Geben Sie keine Passwörter heraus und bitten Sie um einen Rückruf unter der bekannten Nummer.');
  assert.equal(callback.relevant, true);
});

test('a like release or regular updates of the notice\'s own products are no precedent and no hygiene', () => {
  const like = extract('Sicherheitsupdate für Konnektoren', 'Für die KoCoBox MED+ steht ein Sicherheitsupdate bereit. Auch für den RISE Konnektor wurde ein ähnliches Update veröffentlicht. Bitte lassen Sie die Updates einspielen.');
  assert.deepEqual(ids(like), ['cgm-kocobox-med-plus', 'rise-konnektor']);
  const regular = extract('Sicherheitsupdates für Konnektoren', 'Eine Schwachstelle betrifft mehrere Konnektoren. Praxen sollten die KoCoBox MED+ und den secunet konnektor regelmäßig aktualisieren.');
  assert.deepEqual(ids(regular), ['cgm-kocobox-med-plus', 'secunet-konnektor']);
});

test('a password stored in a product, and data of a product, tell of a flaw in it; only a password to change names a place', () => {
  const stored = extract('Zahnarztsoftware speichert Passwörter im Klartext', 'Passwörter werden in der Praxissoftware CGM Z1 im Klartext gespeichert. Der Hersteller hat Version 2.91 veröffentlicht; Praxen sollten zeitnah aktualisieren.');
  assert.deepEqual(ids(stored), ['cgm-z1']);
  const config = extract('Datenleck bei Routern', 'Konfigurationsdaten für die FRITZ!Box lassen sich über eine Lücke auslesen. AVM hat ein Update veröffentlicht.');
  assert.deepEqual(ids(config), ['avm-fritzbox']);
});

test('a list ends at a verb: what follows a channel named before "und betrifft" is affected', () => {
  const x = extract('Neue Firmware für Kartenterminals', 'Die Firmware wird automatisch über den Konnektor eingespielt und betrifft das ORGA 6141 online. Bitte prüfen Sie den Firmware-Stand.');
  assert.deepEqual(ids(x), ['worldline-orga-6141']);
});

test('a remote tool through which attackers got in is named as what the notice is about', () => {
  const x = extract('Ransomware-Angriff auf Arztpraxis', 'Die Angreifer erhielten Zugriff über AnyDesk, dessen Zugangsdaten kompromittiert waren. Praxen sollten AnyDesk aktualisieren und die Passwörter ändern.');
  assert.deepEqual(ids(x), ['anydesk']);
});

test('fake mails after a breach at the maker the headline names concern that maker\'s products', () => {
  const x = extract('Phishing nach Datenleck bei Doc Cirrus', 'Nach dem Datenleck erhalten Kunden von inSuite gefälschte Mails. Praxen sollten ihre Passwörter ändern und keine Links öffnen.');
  assert.deepEqual(ids(x), ['doc-cirrus-insuite']);
});

test('products offered in the seller\'s shop or with a price are not affected', () => {
  const x = extract(
    'Kartenterminal-Update: Firmware 3.9.1 für ORGA 6141 online',
    'Für das Kartenterminal ORGA 6141 online steht die Firmware-Version 3.9.1 bereit. Sie schließt eine Sicherheitslücke. Andernfalls wenden Sie sich an Ihren Dienstleister.\nConnectivity Webshop: KoCoBox MED+ Ersatzgerät und Cherry ST-1506 jetzt bestellen\nDie RISE Konnektor Tauschpauschale beträgt 2.300,00 EUR.',
  );
  assert.deepEqual(ids(x), ['worldline-orga-6141']);
  assert.equal(x.vendorId, 'worldline');
});

test('on a list of dated entries, the notice is the entry its headline heads; the next entry is another notice', async () => {
  const x = await one(
    [
      'gematik Fachportal › TI-Status',
      '',
      '14.03.2024 - Sicherheitsupdate für den secunet konnektor',
      'Für den secunet konnektor steht die Firmware 5.2.1 bereit, die eine Schwachstelle schließt. Praxen sollten prüfen, ob das Update installiert wurde.',
      '',
      '12.03.2024 - Wartungsarbeiten beim KIM-Fachdienst',
      'Am Samstag finden Wartungsarbeiten statt. KIM-Nachrichten können in dieser Zeit nicht versendet werden.',
      '',
      '10.03.2024 - Neue Firmware für ORGA 6141 online',
      'Für das ORGA 6141 online steht die Firmware 3.9.1 bereit.',
    ].join('\n'),
  );
  assert.deepEqual(ids(x), ['secunet-konnektor']);
  assert.equal(x.vendorId, 'secunet');
});

test('an earlier case told as history is background; "wie schon beim letzten Update" is no precedent', () => {
  const x = extract(
    'Phishing-Welle: KV warnt Praxen',
    'Derzeit erhalten Praxen gefälschte Mails mit schädlichen Anhängen. Bereits im Dezember 2021 hatte es einen Angriff auf die Digitalisierungsbox Premium gegeben. Öffnen Sie keine Anhänge unbekannter Absender.',
  );
  assert.deepEqual(ids(x), []);
  const update = extract('Upgrade für Konnektoren', 'Wie schon beim letzten Update begleitet das Service-Tool der KoCoBox MED+ durch das Sicherheitsupdate. Bitte spielen Sie es zeitnah ein.');
  assert.deepEqual(ids(update), ['cgm-kocobox-med-plus']);
});

test('the story itself told with "bereits" and a date is no history', () => {
  const x = extract('Technische Störung', 'Bereits am 08.11.2021 wurde medatixx Ziel eines Cyberangriffs. Ändern Sie vorsorglich Ihre Passwörter.');
  assert.equal(x.vendorId, 'medatixx');
});

test('a year in a product\'s name is no time of a precedent', () => {
  const x = extract('Sicherheitsupdates für Windows-Server', 'Eine ähnliche Lücke betrifft Windows Server 2019. Installieren Sie die Updates vom Patchday umgehend.');
  assert.deepEqual(ids(x), ['microsoft-windows-server']);
});

test('a study that finds a hole in a product practices run is a warning, though it names nothing to do yet', () => {
  const x = extract('Studie: Sicherheitslücke in CGM ALBIS entdeckt', 'Forscher haben in einer Studie eine Schwachstelle in CGM ALBIS gefunden, über die Praxen angreifbar sind. Der Hersteller arbeitet an einem Update.');
  assert.equal(x.relevant, true);
});
