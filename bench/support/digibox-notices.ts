// What the fixture publisher of the freshness benchmark serves: Telekom security notices about the Digitalisierungsbox
// Premium as RSS items. The wording is our own, in the way such notices are written (../shared/DOMAIN.md §4). Each new
// notice has its own CVE and fixed firmware, so that it is a new incident and not a further report of the last one.

export type FeedItem = { guid: string; title: string; link: string; pubDate: Date; html: string };

/** The product the notices are about; the benchmark subscribes 30 % of practices to it. */
export const noticeProduct = 'telekom-digitalisierungsbox-premium';

const problems = [
  {
    what: 'Sicherheitslücke in der Weboberfläche',
    finding: 'besteht eine Sicherheitslücke in der Weboberfläche',
    text: 'Angreifer aus dem Internet können ohne Anmeldung die Konfiguration des Routers auslesen, sofern der Fernzugriff auf die Benutzeroberfläche eingeschaltet ist.',
    act: 'Schalten Sie den Fernzugriff auf die Benutzeroberfläche ab, bis das Update eingespielt ist.',
  },
  {
    what: 'Schwachstelle im VPN-Dienst',
    finding: 'besteht eine Schwachstelle im VPN-Dienst',
    text: 'Über präparierte Pakete an den IPSec-Dienst kann ein Angreifer den Router zum Neustart bringen und in ungünstigen Fällen eigenen Code ausführen. Praxen, die den Zugang der Telematikinfrastruktur oder das Homeoffice über die Box führen, sind besonders betroffen.',
    act: 'Prüfen Sie mit Ihrem IT-Dienstleister, ob VPN-Verbindungen aus dem Internet angenommen werden, und beschränken Sie sie auf bekannte Gegenstellen.',
  },
  {
    what: 'Fehler bei Portweiterleitungen',
    finding: 'steckt ein Fehler bei Portweiterleitungen',
    text: 'Nach dem Anlegen einer Portweiterleitung öffnet die Firmware unter bestimmten Umständen weitere Ports im Praxisnetz. Geräte wie Praxis-PCs oder Kartenterminals können dadurch aus dem Internet erreichbar sein.',
    act: 'Kontrollieren Sie alle Portweiterleitungen und löschen Sie nicht benötigte.',
  },
  {
    what: 'Lücke in der Telefonie-Funktion',
    finding: 'besteht eine Lücke in der Telefonie-Funktion',
    text: 'Über die SIP-Schnittstelle lassen sich ohne gültige Zugangsdaten Anrufe auf Kosten der Praxis aufbauen. Die Telekom stuft die Schwachstelle als hoch ein.',
    act: 'Prüfen Sie die Einzelverbindungsnachweise der letzten Wochen auf unbekannte Auslandsgespräche.',
  },
  {
    what: 'Standardpasswort für den Servicezugang',
    finding: 'ist ein gleichlautendes Standardpasswort für den Servicezugang hinterlegt',
    text: 'Wer dieses Passwort kennt, kann sich aus dem Praxisnetz heraus als Administrator anmelden.',
    act: 'Ändern Sie anschließend das Gerätepasswort und das Passwort des Servicezugangs.',
  },
];

/** The n-th new notice (0, 1, …), dated `at`: a firmware warning for the Digitalisierungsbox Premium. */
export function newNotice(n: number, at: Date, base: string): FeedItem {
  const p = problems[n % problems.length]!;
  const fixed = `12.01.05.${104 + n}`;
  const cve = `CVE-2026-${41873 + n * 17}`;
  const slug = `digitalisierungsbox-premium-firmware-${fixed.replaceAll('.', '-')}`;
  return {
    guid: slug,
    title: `Digitalisierungsbox Premium: ${p.what}, Firmware ${fixed} verfügbar`,
    link: `${base}/hinweise/${slug}`,
    pubDate: at,
    html:
      `<p>In der Firmware der Digitalisierungsbox Premium bis einschließlich Version 12.01.05.${103 + n} ${p.finding} (${cve}). ${p.text} ` +
      `Die Telekom stuft die Schwachstelle als kritisch ein.</p>` +
      `<p>Was Praxen jetzt tun sollten: Aktualisieren Sie die Firmware der Digitalisierungsbox Premium auf Version ${fixed}. ${p.act}</p>`,
  };
}

/** What the feed already lists before the benchmark starts: older notices, read as the source's archive. */
export function oldNotices(base: string): FeedItem[] {
  return [
    { guid: 'speedport-smart-4-firmware-2025', title: 'Speedport Smart 4: neue Firmware schließt WLAN-Lücke', date: '2025-09-16T08:00:00Z', html: '<p>Für den Speedport Smart 4 steht eine neue Firmware bereit. Sie schließt eine Lücke im WLAN-Gastzugang. Das Update wird automatisch verteilt.</p>' },
    { guid: 'digitalisierungsbox-smart-2-2025', title: 'Digitalisierungsbox Smart 2: Update auf 12.00.02.110', date: '2025-06-03T08:00:00Z', html: '<p>Die Firmware 12.00.02.110 für die Digitalisierungsbox Smart 2 behebt Fehler bei der Rufumleitung und verbessert die Stabilität.</p>' },
    { guid: 'wartung-geschaeftskundenportal-2025', title: 'Wartungsarbeiten im Geschäftskundenportal', date: '2025-03-11T08:00:00Z', html: '<p>Am Wochenende ist das Geschäftskundenportal wegen Wartungsarbeiten zeitweise nicht erreichbar.</p>' },
  ].map(({ guid, title, date, html }) => ({ guid, title, link: `${base}/hinweise/${guid}`, pubDate: new Date(date), html }));
}

/** The feed as the publisher serves it, newest first. */
export function rss(items: FeedItem[], base: string): string {
  const entries = items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>${i.pubDate.toUTCString()}</pubDate><description><![CDATA[${i.html}]]></description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Telekom Geschäftskunden: Sicherheitshinweise</title><link>${base}/</link><description>Sicherheitshinweise zu Routern und Anschlüssen für Geschäftskunden</description><language>de-de</language>\n${entries}\n</channel></rss>\n`;
}
