// English advice ("We recommend that users update …", "Customers should …", "Upgrade to 5.39 or later") turned into
// the German infinitive phrases every advisory carries: the verb goes to the end, common words are translated, product
// names and versions stay as written.

import { guardedExec } from './cue-words.js';
import { BOUNDARY, DATIVE, endDative, germanGrammar, markDative } from './english-grammar.js';

/** English verbs of advice and the German infinitive a practice ticks off; two-word verbs first. */
const verbs: [string, string][] = [
  ['back up', 'sichern'], ['set up', 'einrichten'], ['carry out', 'durchführen'], ['sign in', 'anmelden'], ['turn off', 'deaktivieren'], ['turn on', 'aktivieren'], ['switch off', 'abschalten'], ['switch on', 'einschalten'], ['power on', 'einschalten'], ['power off', 'ausschalten'],
  ['make sure', 'sicherstellen'], ['log on', 'anmelden'], ['log in', 'anmelden'], ['rely on', 'verwenden'], ['look for', 'suchen'], ['hunt for', 'suchen'], ['search for', 'suchen'], ['check for', 'suchen'], ['scan for', 'suchen'], ['log out', 'abmelden'],
  ['update', 'aktualisieren'], ['upgrade', 'aktualisieren'], ['switch', 'aktualisieren'], ['install', 'installieren'], ['apply', 'einspielen'],
  ['patch', 'patchen'], ['change', 'ändern'], ['reset', 'zurücksetzen'], ['rotate', 'erneuern'], ['renew', 'erneuern'], ['enable', 'aktivieren'],
  ['activate', 'aktivieren'], ['disable', 'deaktivieren'], ['deactivate', 'deaktivieren'], ['restrict', 'einschränken'], ['limit', 'einschränken'],
  ['check', 'prüfen'], ['verify', 'prüfen'], ['confirm', 'prüfen'], ['review', 'überprüfen'], ['audit', 'überprüfen'], ['inspect', 'prüfen'],
  ['restart', 'neu starten'], ['reboot', 'neu starten'], ['contact', 'kontaktieren'], ['block', 'blockieren'], ['remove', 'entfernen'],
  ['delete', 'löschen'], ['uninstall', 'deinstallieren'], ['revoke', 'widerrufen'], ['search', 'durchsuchen'], ['scan', 'durchsuchen'],
  ['download', 'herunterladen'], ['use', 'verwenden'], ['run', 'einsetzen'], ['configure', 'konfigurieren'], ['keep', 'behalten'],
  ['monitor', 'überwachen'], ['isolate', 'isolieren'], ['disconnect', 'trennen'], ['segment', 'segmentieren'], ['replace', 'ersetzen'],
  ['migrate', 'migrieren'], ['follow', 'befolgen'], ['avoid', 'vermeiden'], ['ensure', 'sicherstellen'], ['implement', 'umsetzen'],
  ['report', 'melden'], ['inform', 'informieren'], ['close', 'schließen'], ['open', 'öffnen'], ['secure', 'absichern'], ['protect', 'schützen'],
  ['connect', 'verbinden'], ['strengthen', 'stärken'], ['improve', 'verbessern'],
  // Everyday hygiene: what staff should (not) do with mails, links, accounts and devices.
  ['shut down', 'herunterfahren'], ['give out', 'herausgeben'], ['reply', 'antworten'], ['respond', 'antworten'],
  ['share', 'teilen'], ['click', 'anklicken'], ['reuse', 'wiederverwenden'], ['print', 'ausdrucken'], ['visit', 'aufrufen'], ['call', 'anrufen'],
  ['forward', 'weiterleiten'], ['encrypt', 'verschlüsseln'], ['lock', 'sperren'], ['educate', 'schulen'],
  ['enter', 'eingeben'], ['disclose', 'preisgeben'], ['reveal', 'preisgeben'], ['send', 'senden'], ['pay', 'zahlen'], ['unplug', 'trennen'],
  ['double-check', 'prüfen'], ['plug', 'einstecken'], ['insert', 'einstecken'], ['accept', 'annehmen'],
  ['train', 'schulen'], ['teach', 'schulen'], ['move', 'wechseln'], ['start', 'starten'], ['test', 'testen'], ['plan', 'planen'], ['treat', 'behandeln'], ['ignore', 'ignorieren'], ['investigate', 'untersuchen'],
  ['identify', 'ermitteln'], ['determine', 'ermitteln'], ['store', 'speichern'], ['save', 'speichern'], ['create', 'anlegen'], ['set', 'setzen'], ['add', 'hinzufügen'], ['filter', 'filtern'], ['hunt', 'suchen'],
  // The verbs of general security guidance (NCSC, CISA and HHS checklists, vendors' hardening guides), gathered from
  // the field's vocabulary rather than from the corpus. A German verb with a preposition carries "…" where the object
  // goes: "watch out for unexpected attachments" → "auf unerwartete Anhänge achten".
  ['take special care with', 'bei … besonders vorsichtig sein'], ['take care with', 'bei … vorsichtig sein'], ['be careful with', 'bei … vorsichtig sein'],
  ['be cautious with', 'bei … vorsichtig sein'], ['be careful about', 'bei … vorsichtig sein'], ['be wary of', 'bei … vorsichtig sein'], ['beware of', 'sich vor … hüten'],
  ['watch out for', 'auf … achten'], ['look out for', 'auf … achten'], ['pay attention to', 'auf … achten'], ['watch for', 'auf … achten'],
  ['be alert to', 'auf … achten'], ['be on the lookout for', 'auf … achten'], ['work through', 'abarbeiten'], ['roll out', 'ausrollen'],
  ['reach out to', 'kontaktieren'], ['shut off', 'abschalten'], ['sign out', 'abmelden'],
  ['allow', 'zulassen'], ['require', 'vorschreiben'], ['enforce', 'durchsetzen'], ['deploy', 'ausrollen'], ['manage', 'verwalten'],
  ['assess', 'bewerten'], ['evaluate', 'bewerten'], ['document', 'dokumentieren'], ['establish', 'festlegen'], ['define', 'festlegen'],
  ['develop', 'erstellen'], ['maintain', 'pflegen'], ['restore', 'wiederherstellen'], ['recover', 'wiederherstellen'], ['reinstall', 'neu installieren'],
  ['wipe', 'löschen'], ['notify', 'benachrichtigen'], ['alert', 'warnen'], ['flag', 'markieren'], ['mark', 'markieren'], ['deny', 'verweigern'],
  ['validate', 'prüfen'], ['harden', 'härten'], ['prevent', 'verhindern'], ['prohibit', 'verbieten'], ['separate', 'trennen'],
  ['rename', 'umbenennen'], ['conduct', 'durchführen'], ['perform', 'durchführen'],
  ['quarantine', 'isolieren'], ['inventory', 'erfassen'], ['adopt', 'einführen'], ['introduce', 'einführen'], ['retire', 'außer Betrieb nehmen'],
  ['decommission', 'außer Betrieb nehmen'],
  ['refrain from', 'auf … verzichten'], ['be suspicious of', 'bei … misstrauisch sein'], ['be skeptical of', 'bei … misstrauisch sein'], ['be aware of', 'auf … achten'],
  ['keep an eye on', 'im Blick behalten'], ['get rid of', 'entfernen'], ['look into', 'untersuchen'], ['dispose of', 'entsorgen'],
  ['clean up', 'bereinigen'], ['lock down', 'absichern'], ['log off', 'abmelden'], ['power down', 'herunterfahren'], ['call back', 'zurückrufen'],
  ['hover over', 'mit dem Mauszeiger auf … zeigen'], ['cross-check', 'abgleichen'], ['compare', 'vergleichen'], ['destroy', 'vernichten'], ['shred', 'schreddern'], ['log', 'protokollieren'], ['record', 'protokollieren'],
  // More of the same guidance: incident response (cut off, reimage, preserve), accounts (grant, choose, minimise),
  // help from outside (engage, consult, involve) and staying informed (subscribe, sign up).
  ['cut off', 'trennen'], ['reimage', 'neu aufsetzen'], ['rebuild', 'neu aufsetzen'], ['preserve', 'sichern'], ['take', 'anlegen'],
  ['locate', 'ermitteln'], ['find', 'ermitteln'], ['grant', 'gewähren'], ['tighten', 'verschärfen'],
  ['minimize', 'minimieren'], ['minimise', 'minimieren'], ['reduce', 'verringern'], ['leave', 'lassen'],
  ['engage', 'beauftragen'], ['hire', 'beauftragen'], ['consult', 'hinzuziehen'], ['involve', 'einbinden'], ['rehearse', 'üben'], ['practise', 'üben'],
  ['prepare for', 'sich auf … vorbereiten'], ['prepare', 'vorbereiten'], ['request', 'anfordern'], ['schedule', 'einplanen'],
  ['subscribe to', 'abonnieren'], ['sign up for', 'abonnieren'], ['keep track of', 'im Blick behalten'],
  ['remain vigilant for', 'auf … achten'], ['stay vigilant for', 'auf … achten'], ['stay alert to', 'auf … achten'], ['stay alert for', 'auf … achten'],
  ['remain alert to', 'auf … achten'], ['remain alert for', 'auf … achten'], ['watch', 'überwachen'], ['encourage', 'fördern'],
  ['log out of', 'sich von … abmelden'], ['sign out of', 'sich von … abmelden'], ['make', 'anlegen'],
  ['pass on', 'weitergeben'], ['speak with', 'mit … sprechen'], ['talk to', 'mit … sprechen'], ['bring in', 'hinzuziehen'], ['skimp on', 'an … sparen'], ['place', 'platzieren'],
  ['pay particular attention to', 'besonders auf … achten'], ['pay special attention to', 'besonders auf … achten'], ['pay close attention to', 'genau auf … achten'],
];
const verbTable = new Map(verbs);
// Every verb of the table, longest spelled out first in each pattern that lists them.
const anyVerb = verbs.map(([en]) => en).join('|');
// "keep an eye on" before "keep": the longest verb that starts the phrase.
const longestFirst = [...verbs].sort((a, b) => b[0].length - a[0].length);
// "Use strong passwords and do not share accounts": the second verb may be negated.
const andVerb = new RegExp(`\\s+(and|or)\\s+(?:to\\s+)?(?=(?:(?:do\\s+not|don't|never)\\s+)?(?:${anyVerb})\\s)`, 'i');
// "installed" → "install", for "Admins who have not installed X should do so".
const pastForms = new Map(verbs.flatMap(([en, de]) => (en.includes(' ') ? [] : [[en.endsWith('e') ? `${en}d` : `${en}ed`, de] as const, [`${en}ied`.replace(/yied$/, 'ied'), de] as const])));
// "carried out" → "durchführen": the participles of the table's verbs with a particle.
const phrasalPast = new Map(
  verbs.flatMap(([en, de]) => {
    const [verb, particle, ...more] = en.split(' ');
    if (!particle || more.length > 0 || !/^(?:out|up|off|on|down)$/u.test(particle)) return [];
    const past = verb!.endsWith('e') ? `${verb}d` : /[^aeiou]y$/u.test(verb!) ? `${verb!.slice(0, -1)}ied` : `${verb}ed`;
    return [[`${past} ${particle}`, de] as const];
  }),
);
// "changed" → "change", for "make sure you have changed the default password".
const baseOf = new Map(verbs.flatMap(([en]) => (en.includes(' ') ? [] : [[en.endsWith('e') ? `${en}d` : `${en}ed`, en] as const])));
// "have been briefed on …": only as a passive ("Brief Statement Regarding …" heads a page, it asks nothing).
pastForms.set('briefed', 'unterweisen');

/** Common words of English advice and their German counterparts; anything else (names, versions) stays as written. */
const words: Record<string, string> = {
  password: 'Passwort', passwords: 'Passwörter', credentials: 'Zugangsdaten', latest: 'neueste', newest: 'neueste', current: 'aktuelle', patched: 'gepatchten',
  version: 'Version', versions: 'Versionen', later: 'neuer', newer: 'neuer', higher: 'höher', above: 'höher', device: 'Gerät', devices: 'Geräte', appliance: 'Appliance', appliances: 'Appliances',
  security: 'Sicherheits', update: 'Update', updates: 'Updates', patches: 'Patches', backup: 'Backup', backups: 'Backups', regular: 'regelmäßige',
  regularly: 'regelmäßig', frequently: 'regelmäßig', first: 'zuerst', foremost: 'vorrangig', periodically: 'regelmäßig', urgently: 'dringend', administrator: 'Administrator', administrators: 'Administratoren', admin: 'Administrator', user: 'Benutzer',
  users: 'Benutzer', account: 'Konto', accounts: 'Konten', default: 'Standard', remote: 'Fern', access: 'Zugriff', management: 'Verwaltung',
  official: 'offiziellen', website: 'Website', server: 'Server', servers: 'Server', immediately: 'sofort', promptly: 'umgehend', available: 'verfügbaren',
  affected: 'betroffene', all: 'alle', only: 'nur', not: 'nicht', no: 'keine', never: 'nie', new: 'neue', instances: 'Instanzen',
  instance: 'Instanz', securely: 'sicher', settings: 'Einstellungen', service: 'Dienst', services: 'Dienste', certificate: 'Zertifikat',
  signed: 'signiert', supported: 'unterstützte', unsupported: 'nicht unterstützte', older: 'ältere', old: 'alte', email: 'E-Mail',
  emails: 'E-Mails', attachments: 'Anhänge', attachment: 'Anhang', links: 'Links', suspicious: 'verdächtige', system: 'System',
  systems: 'Systeme', network: 'Netzwerk', automatic: 'automatische', automatically: 'automatisch', elsewhere: 'anderswo', same: 'dieselben',
  used: 'verwendet', installed: 'installiert', enabled: 'aktiviert', disabled: 'deaktiviert', exposed: 'erreichbar', internet: 'Internet',
  interface: 'Oberfläche', firewall: 'Firewall', firewalls: 'Firewalls', fix: 'Korrektur', fixes: 'Korrekturen', hotfix: 'Hotfix',
  logs: 'Logs', shells: 'Shells', files: 'Dateien', file: 'Datei', software: 'Software', application: 'Anwendung', applications: 'Anwendungen',
  strictly: 'zwingend', needed: 'benötigt', necessary: 'nötig', other: 'andere', any: 'alle', well: '', there: 'dort', also: 'auch',
  of: 'von', to: 'auf', from: 'von', on: 'auf', in: 'in', with: 'mit', for: 'für', and: 'und', or: 'oder', if: 'falls', when: 'wenn',
  which: 'die', that: 'die', as: 'als', is: 'ist', are: 'sind', been: '', have: '', has: '', be: '', by: 'durch', via: 'über', at: 'an',
  least: 'mindestens', possible: 'möglich', soon: 'bald', unknown: 'unbekannte', trusted: 'vertrauenswürdige', sources: 'Quellen',
  source: 'Quelle', two: 'Zwei', factor: 'Faktor', authentication: 'Authentifizierung', multi: 'Mehr', mfa: 'MFA',
  '2fa': '2FA', manually: 'manuell', manual: 'manuelle', practice: 'Praxis', practices: 'Praxen', clinic: 'Praxis', directly: 'direkt', publicly: 'öffentlich', extended: 'Extended', protection: 'Protection', enabling: 'aktivieren', installing: 'installieren', updating: 'aktualisieren', includes: 'umfasst',
  // A determiner leaves no word, but nouns on either side of it are no compound ("access the network").
  the: BOUNDARY, a: BOUNDARY, an: BOUNDARY, your: BOUNDARY, their: BOUNDARY, our: BOUNDARY, its: BOUNDARY, his: BOUNDARY, her: BOUNDARY, them: 'sie', it: 'es', you: 'Sie', following: 'folgende',
  always: 'immer', over: 'über', encrypted: 'verschlüsseltes', unencrypted: 'unverschlüsseltes', browser: 'Browser', web: 'Web',
  matching: 'passenden', existing: 'bestehenden', remaining: 'übrigen', incoming: 'eingehende', outgoing: 'ausgehende', outbound: 'ausgehenden', inbound: 'eingehenden',
  local: 'lokale', perimeter: 'Perimeter', patch: 'Patch', active: 'aktive', series: 'Serie', these: 'diese', those: 'diese',
  precaution: 'Vorsichtsmaßnahme', feature: 'Funktion', features: 'Funktionen', compromise: 'Kompromittierung', offline: 'offline', portal: 'Portal', code: 'Code', signing: 'Signing', recommended: 'empfohlene',
  configuration: 'Konfiguration', configurations: 'Konfigurationen', port: 'Port', ports: 'Ports', rule: 'Regel', rules: 'Regeln',
  router: 'Router', routers: 'Router', connection: 'Verbindung', connections: 'Verbindungen', model: 'Modell', models: 'Modelle',
  unique: 'eindeutige', strong: 'starke', complex: 'komplexe', now: 'jetzt', product: 'Produkt', products: 'Produkte', firmware: 'Firmware', function: 'Funktion', functions: 'Funktionen',
  mobile: 'mobile', phone: 'Telefon', phones: 'Telefone', unusual: 'ungewöhnliche', activity: 'Aktivität', activities: 'Aktivitäten', concerns: 'Bedenken',
  unexpected: 'unerwartete', unsolicited: 'unaufgeforderte', personal: 'private', sites: 'Websites', site: 'Website', websites: 'Websites', training: 'Schulung',
  environment: 'Umgebung', environments: 'Umgebungen', vendor: 'Anbieter', vendors: 'Anbieter', caller: 'Anrufer', callers: 'Anrufer', sender: 'Absender',
  senders: 'Absender', message: 'Nachricht', messages: 'Nachrichten', request: 'Anfrage', requests: 'Anfragen', payment: 'Zahlung', payments: 'Zahlungen',
  invoice: 'Rechnung', invoices: 'Rechnungen', information: 'Informationen', details: 'Angaben', sensitive: 'sensible', confidential: 'vertrauliche',
  computer: 'Computer', computers: 'Computer', laptops: 'Laptops', workstations: 'Arbeitsplatzrechner', equipment: 'Geräte', macros: 'Makros',
  documents: 'Dokumente', document: 'Dokument', unfamiliar: 'unbekannte', untrusted: 'nicht vertrauenswürdige', medical: 'medizinische', incident: 'Vorfall',
  link: 'Link', across: 'über', frequent: 'häufige', thorough: 'gründliche', updated: 'aktualisiert', tested: 'getestet', protected: 'geschützt', known: 'bekannt', configured: 'konfiguriert', secured: 'abgesichert', applied: 'eingespielt', charged: 'geladen', monitored: 'überwacht', trained: 'geschult', briefed: 'unterwiesen', proactive: 'proaktive', temporarily: 'vorübergehend', risk: 'Risiko', risks: 'Risiken', analysis: 'Analyse', assessment: 'Bewertung', threats: 'Bedrohungen', threat: 'Bedrohung', awareness: 'Bewusstsein', records: 'Akten', ransom: 'Lösegeld', ransomware: 'Ransomware', malware: 'Malware', victim: 'Opfer', attack: 'Angriff', attacks: 'Angriffe', daily: 'täglich', weekly: 'wöchentlich', recent: 'aktuelle', full: 'vollständige', technician: 'Techniker', technicians: 'Techniker', list: 'Liste', lists: 'Listen', numbers: 'Nummern', number: 'Nummer', banking: 'Bank', login: 'Anmelde', logins: 'Anmeldedaten', colleagues: 'Kollegen',
  // Everyday words of practice IT and staff hygiene.
  infected: 'infizierte', patient: 'Patienten', privileges: 'Rechte', permissions: 'Berechtigungen', provider: 'Dienstleister', providers: 'Dienstleister',
  unused: 'ungenutzte', internal: 'interne', external: 'externe', changes: 'Änderungen', copy: 'Kopie', copies: 'Kopien', portable: 'tragbare',
  storage: 'Speicher', screen: 'Bildschirm', screens: 'Bildschirme', antivirus: 'Virenschutz', 'anti-virus': 'Virenschutz', workstation: 'Arbeitsplatzrechner',
  team: 'Team', members: 'Mitglieder', member: 'Mitglied', phishing: 'Phishing', monthly: 'monatlich', guest: 'Gast', wifi: 'WLAN', 'wi-fi': 'WLAN',
  drives: 'Laufwerke', drive: 'Laufwerk', desk: 'Arbeitsplatz', outdated: 'veraltete', legacy: 'veraltete', vulnerability: 'Schwachstelle',
  vulnerabilities: 'Schwachstellen', address: 'Adresse', addresses: 'Adressen', cloud: 'Cloud', codes: 'Codes', again: 'erneut', flaw: 'Lücke', flaws: 'Lücken', quickly: 'schnell', teams: 'Teams', digital: 'digitale', tools: 'Programme', 'anti-malware': 'Anti-Malware', instructions: 'Anweisungen', macro: 'Makro', scripts: 'Skripte', script: 'Skript', office: 'Office', database: 'Datenbank', databases: 'Datenbanken', image: 'Bild', images: 'Bilder', attempts: 'Versuche', attempt: 'Versuch', cybersecurity: 'IT-Sicherheit', scanner: 'Scanner', scanners: 'Scanner', privileged: 'privilegierte',
  // General security vocabulary (checklists and hardening guides of the field), gathered apart from the corpus.
  policy: 'Richtlinie', policies: 'Richtlinien', control: 'Kontrolle', controls: 'Kontrollen', restriction: 'Einschränkung', restrictions: 'Einschränkungen',
  inventory: 'Bestandsliste', plan: 'Plan', plans: 'Pläne', emergency: 'Notfall', recovery: 'Wiederherstellung', continuity: 'Kontinuität',
  rights: 'Rechte', role: 'Rolle', roles: 'Rollen', segmentation: 'Segmentierung', encryption: 'Verschlüsselung', key: 'Schlüssel', keys: 'Schlüssel',
  token: 'Token', tokens: 'Token', session: 'Sitzung', sessions: 'Sitzungen', event: 'Ereignis', events: 'Ereignisse', alerts: 'Warnmeldungen',
  warning: 'Warnung', warnings: 'Warnungen', signs: 'Anzeichen', indicators: 'Indikatoren', traffic: 'Datenverkehr', domain: 'Domain', domains: 'Domains',
  directory: 'Verzeichnis', directories: 'Verzeichnisse', folder: 'Ordner', folders: 'Ordner', shares: 'Freigaben', printer: 'Drucker', printers: 'Drucker',
  tablet: 'Tablet', tablets: 'Tablets', smartphone: 'Smartphone', smartphones: 'Smartphones', laptop: 'Laptop', desktop: 'Desktop', endpoint: 'Endgerät', endpoints: 'Endgeräte',
  host: 'Host', hosts: 'Hosts', client: 'Client', clients: 'Clients', app: 'App', apps: 'Apps', program: 'Programm', programs: 'Programme', tool: 'Programm',
  plugin: 'Plug-in', plugins: 'Plug-ins', extension: 'Erweiterung', extensions: 'Erweiterungen', component: 'Komponente', components: 'Komponenten',
  module: 'Modul', modules: 'Module', package: 'Paket', packages: 'Pakete', driver: 'Treiber', drivers: 'Treiber', protocol: 'Protokoll', protocols: 'Protokolle',
  genuine: 'echte', legitimate: 'legitime', fake: 'gefälschte', fraudulent: 'betrügerische', spoofed: 'gefälschte', urgent: 'dringende', reputable: 'seriöse',
  free: 'kostenlose', unpatched: 'ungepatchte', vulnerable: 'verwundbare', unattended: 'unbeaufsichtigte', hyperlinks: 'Links', hyperlink: 'Link',
  'pop-ups': 'Pop-ups', 'pop-up': 'Pop-up', downloads: 'Downloads', texts: 'SMS', page: 'Seite', pages: 'Seiten', form: 'Formular', forms: 'Formulare',
  spelling: 'Schreibweise', mistakes: 'Fehler', errors: 'Fehler', error: 'Fehler', notification: 'Benachrichtigung', notifications: 'Benachrichtigungen',
  prompt: 'Aufforderung', prompts: 'Aufforderungen', approval: 'Freigabe', colleague: 'Kollegen', supervisor: 'Vorgesetzte', supervisors: 'Vorgesetzte',
  owner: 'Inhaber', owners: 'Inhaber', reception: 'Empfang', transfers: 'Überweisungen', transfer: 'Überweisung', mouse: 'Maus',
  altogether: 'ganz', easily: 'leicht', guessed: 'zu erratende', locum: 'Vertretungsarzt', locums: 'Vertretungsärzte', certificates: 'Zertifikate', manufacturer: 'Hersteller', manufacturers: 'Hersteller', connectivity: 'Verbindungen', instead: 'stattdessen', commercial: 'kommerzielle', rating: 'Bewertung', compressed: 'komprimierte', executable: 'ausführbare', type: 'Typ', types: 'Typen', clean: 'saubere', exploitation: 'Ausnutzung', wireless: 'WLAN', modem: 'Modem', gateway: 'Gateway', gateways: 'Gateways', cable: 'Kabel', media: 'Datenträger', disk: 'Festplatte', disks: 'Festplatten',
  offsite: 'außer Haus', 'off-site': 'außer Haus', location: 'Ort', locations: 'Orte', secure: 'sichere', safe: 'sichere',
  personnel: 'Personal', patients: 'Patienten', doctors: 'Ärzte', dentists: 'Zahnärzte', manager: 'Verantwortliche', managers: 'Verantwortliche',
  support: 'Support', helpdesk: 'Helpdesk', partner: 'Partner', partners: 'Partner', supplier: 'Lieferant', suppliers: 'Lieferanten', bank: 'Bank',
  police: 'Polizei', authorities: 'Behörden', mailbox: 'Postfach', mailboxes: 'Postfächer', inbox: 'Posteingang', spam: 'Spam', filtering: 'Filterung',
  subject: 'Betreff', signature: 'Signatur', calls: 'Anrufe', voicemail: 'Sprachnachricht', identity: 'Identität', authenticity: 'Echtheit', origin: 'Herkunft',
  critical: 'kritische', important: 'wichtige', essential: 'wesentliche', unnecessary: 'unnötige', required: 'erforderliche', appropriate: 'angemessene',
  dedicated: 'eigene', additional: 'zusätzliche', extra: 'zusätzliche', multiple: 'mehrere', several: 'mehrere', different: 'verschiedene', public: 'öffentliche',
  private: 'private', shared: 'gemeinsam genutzte', carefully: 'sorgfältig', properly: 'ordnungsgemäß', correctly: 'korrekt', continuously: 'fortlaufend',
  constantly: 'ständig', closely: 'genau', routinely: 'routinemäßig', annually: 'jährlich', yearly: 'jährlich', nightly: 'nächtlich', online: 'online',
  locally: 'lokal', physically: 'physisch', separately: 'getrennt', centrally: 'zentral', blocked: 'blockiert', restricted: 'eingeschränkt', limited: 'eingeschränkt',
  removed: 'entfernt', deleted: 'gelöscht', changed: 'geändert', stored: 'gespeichert', locked: 'gesperrt', disconnected: 'getrennt', replaced: 'ersetzt',
  reviewed: 'überprüft', checked: 'geprüft', verified: 'geprüft', documented: 'dokumentiert', approved: 'freigegebene', authorized: 'berechtigte',
  authorised: 'berechtigte', compromised: 'kompromittierte', stolen: 'gestohlene', lost: 'verlorene', expired: 'abgelaufene', weak: 'schwache',
  simple: 'einfache', random: 'zufällige', reused: 'wiederverwendete', exploit: 'Exploit', exploits: 'Exploits', hardening: 'Härtung',
  mitigation: 'Schutzmaßnahme', mitigations: 'Schutzmaßnahmen', measure: 'Maßnahme', measures: 'Maßnahmen', safeguard: 'Schutzmaßnahme', safeguards: 'Schutzmaßnahmen',
  workaround: 'Workaround', workarounds: 'Workarounds', advisory: 'Sicherheitshinweis', guidance: 'Hinweise', recommendation: 'Empfehlung', recommendations: 'Empfehlungen',
  step: 'Schritt', steps: 'Schritte', procedure: 'Verfahren', procedures: 'Verfahren', process: 'Prozess', processes: 'Prozesse', requirement: 'Anforderung',
  requirements: 'Anforderungen', breach: 'Datenpanne', breaches: 'Datenpannen', intrusion: 'Eindringen', infection: 'Infektion', infections: 'Infektionen',
  virus: 'Virus', viruses: 'Viren', trojan: 'Trojaner', scam: 'Betrugsmasche', scams: 'Betrugsmaschen', fraud: 'Betrug', integrity: 'Integrität',
  availability: 'Verfügbarkeit', schedule: 'Zeitplan', maintenance: 'Wartung', downtime: 'Ausfallzeit', outage: 'Ausfall', outages: 'Ausfälle',
  tests: 'Tests', testing: 'Tests', scans: 'Scans', monitoring: 'Überwachung', detection: 'Erkennung', response: 'Reaktion', capabilities: 'Fähigkeiten',
  zone: 'Zone', zones: 'Zonen', username: 'Benutzername', usernames: 'Benutzernamen', passphrase: 'Passphrase', passphrases: 'Passphrasen',
  authenticator: 'Authenticator', second: 'zweite', verification: 'Verifizierung', method: 'Methode', methods: 'Methoden', employee: 'Mitarbeitende',
  hardware: 'Hardware', networks: 'Netzwerke', infrastructure: 'Infrastruktur', segment: 'Segment', segments: 'Segmente',
  data: 'Daten', separate: 'separate', machines: 'Rechner', machine: 'Rechner', long: 'lange', own: 'eigene', inactive: 'inaktive', lockout: 'Sperre', upgrade: 'Upgrade', upgrades: 'Upgrades', compression: 'Komprimierung', specific: 'bestimmte', one: 'ein', filter: 'Filter', filters: 'Filter', suspected: 'vermutete', incidents: 'Vorfälle', assets: 'Systeme', into: 'in', malicious: 'schädliche', unneeded: 'nicht benötigte', dormant: 'ungenutzte', 'work-related': 'dienstliche', weaknesses: 'Schwachstellen', weakness: 'Schwachstelle', wiped: 'gelöschte', doubtful: 'zweifelhafte', qualified: 'qualifizierte', onto: 'auf', unchanged: 'unverändert', unlocked: 'ungesperrt', 'logged-in': 'angemeldete', 'password-protected': 'passwortgeschützte', employees: 'Mitarbeitende', staff: 'Mitarbeitende', staffs: 'Mitarbeitende', unauthorized: 'unbefugte', administrative: 'administrative',
};

/**
 * Terms of several English words that German writes as one noun, singular and plural: the pattern finds them, the
 * German nouns join the compounds of english-grammar.ts.
 */
const terms: [pattern: string, singular: string, plural: string][] = [
  [String.raw`account\s+lock-?out\s+polic(?:y|ies)`, 'Kontosperrrichtlinie', 'Kontosperrrichtlinien'],
  [String.raw`internet\s+access`, 'Internetzugang', 'Internetzugang'],
  [String.raw`text\s+messages?`, 'SMS', 'SMS'],
  [String.raw`online\s+banking`, 'Onlinebanking', 'Onlinebanking'],
  [String.raw`hard\s+(?:disk\s+)?drives?`, 'Festplatte', 'Festplatten'],
  [String.raw`QR\s+codes?`, 'QR-Code', 'QR-Codes'],
  [String.raw`gift\s+cards?`, 'Geschenkkarte', 'Geschenkkarten'],
  [String.raw`wire\s+transfers?`, 'Überweisung', 'Überweisungen'],
  [String.raw`bank\s+details`, 'Bankdaten', 'Bankdaten'],
  [String.raw`payment\s+details`, 'Zahlungsdaten', 'Zahlungsdaten'],
  [String.raw`login\s+details`, 'Anmeldedaten', 'Anmeldedaten'],
  [String.raw`account\s+details`, 'Kontodaten', 'Kontodaten'],
  [String.raw`patient\s+(?:data|information|records)`, 'Patientendaten', 'Patientendaten'],
  [String.raw`address\s+bar`, 'Adresszeile', 'Adresszeile'],
  [String.raw`IT\s+team`, 'IT-Team', 'IT-Team'],
  [String.raw`IT\s+department`, 'IT-Abteilung', 'IT-Abteilung'],
  [String.raw`IT\s+support`, 'IT-Support', 'IT-Support'],
  [String.raw`setup\s+(?:instructions|guide)`, 'Einrichtungsanleitung', 'Einrichtungsanleitung'],
  [String.raw`installation\s+(?:instructions|guide)`, 'Installationsanleitung', 'Installationsanleitung'],
  [String.raw`(?:it\s+)?service\s*desk`, 'Servicedesk', 'Servicedesk'],
  [String.raw`(?:it\s+)?help\s*desk`, 'Helpdesk', 'Helpdesk'],
  [String.raw`access\s+control\s+lists?`, 'Access-Control-Lists', 'Access-Control-Lists'],
  [String.raw`error\s+messages?`, 'Fehlermeldung', 'Fehlermeldungen'],
  [String.raw`log\s+files?`, 'Logdatei', 'Logdateien'],
  [String.raw`(?:clean\s+)?(?:recovery|restore)\s+points?`, 'Wiederherstellungspunkt', 'Wiederherstellungspunkte'],
  [String.raw`user\s+accounts?`, 'Benutzerkonto', 'Benutzerkonten'],
  [String.raw`source\s+IP\s+address(?:es)?`, 'Quell-IP-Adresse', 'Quell-IP-Adressen'],
  [String.raw`IT\s+assets?`, 'IT-System', 'IT-Systeme'],
  [String.raw`spam\s+filters?`, 'Spamfilter', 'Spamfilter'],
  [String.raw`server\s+message\s+block(?:\s+\(SMB\))?(?:\s+protocol)?`, 'SMB-Protokoll', 'SMB-Protokoll'],
  [String.raw`public\s+wi-?fi(?:\s+networks?)?`, 'öffentliches WLAN', 'öffentliche WLANs'],
  [String.raw`full[-\s]disk\s+encryption`, 'Festplattenverschlüsselung', 'Festplattenverschlüsselung'],
  [String.raw`principle\s+of\s+least\s+privilege`, 'Prinzip der minimalen Rechte', 'Prinzip der minimalen Rechte'],
  [String.raw`network[-\s](?:attached|connected)\s+printers?|networked\s+printers?`, 'Netzwerkdrucker', 'Netzwerkdrucker'],
  [String.raw`remote\s+firmware\s+uploads?`, 'Firmware-Upload aus der Ferne', 'Firmware-Upload aus der Ferne'],
  [String.raw`screen\s*locks?`, 'Bildschirmsperre', 'Bildschirmsperren'],
  [String.raw`guest\s+(?:wi-?fi|wlan|wireless\s+network|network)s?`, 'Gast-WLAN', 'Gast-WLANs'],
  [String.raw`USB\s+(?:sticks?|drives?|flash\s+drives?|keys?|memory\s+sticks?)`, 'USB-Stick', 'USB-Sticks'],
  [String.raw`(?:tele)?phone\s+numbers?`, 'Telefonnummer', 'Telefonnummern'],
  [String.raw`data\s+protection\s+authorit(?:y|ies)`, 'Datenschutzbehörde', 'Datenschutzbehörden'],
  [String.raw`requests?\s+for\s+payments?|payment\s+requests?`, 'Zahlungsaufforderung', 'Zahlungsaufforderungen'],
  [String.raw`password\s+changes?`, 'Passwortwechsel', 'Passwortwechsel'],
  [String.raw`(?:web|internet)\s+use`, 'Internetnutzung', 'Internetnutzung'],
  [String.raw`remote\s+desktop(?:\s+protocol)?(?:\s+\(RDP\))?`, 'Remote-Desktop', 'Remote-Desktop'],
];
const termPatterns = terms.map(([pattern]) => new RegExp(String.raw`^(?:${pattern})$`, 'iu'));
const termPattern = new RegExp(String.raw`\b(?:${terms.map(([pattern]) => pattern).join('|')})\b`, 'giu');
// "IT team" is the team of IT; "it team" is none: the acronym only in capitals (a desk is the desk either way).
function termOf(found: string): string {
  const i = termPatterns.findIndex((p) => p.test(found));
  if (i < 0 || (/^it\s/u.test(found) && !/desk$/iu.test(found))) return found;
  const [, singular, plural] = terms[i]!;
  return /s$/iu.test(found) ? plural : singular;
}

// The German nouns the table writes, which english-grammar.ts joins into compounds ("Netzwerk Geräte" →
// "Netzwerkgeräte"); forms that only stand first in one ("Sicherheits", "Fern", "Anmelde") are not among them.
const germanNouns = new Set(
  [...Object.values(words), 'Zwei-Faktor-Authentifizierung', 'Multi-Faktor-Authentifizierung', 'Fernzugriff', 'Fernverwaltung', 'Verwaltungsoberfläche', 'Konfigurationsseite', 'Sicherungskopien', 'Datensicherungen', 'Datensicherung', 'Passwortmanager', 'Portweiterleitung', 'Telefonanlage', 'Telefonanlagen', 'Sicherheitsupdate', 'Sicherheitsupdates', 'Sicherheitspatch', 'Sicherheitspatches', 'Betriebssystem', 'Betriebssysteme', 'Anmeldedaten', 'Brute-Force-Schutz', 'Brute-Force-Angriffe', 'Notfallplan', 'Notfallpläne', ...terms.flatMap(([, singular, plural]) => [singular, plural])]
    .filter((w) => /^\p{Lu}(?!\p{Lu}*$)\S*$/u.test(w) && !['Sie', 'Zwei', 'Mehr', 'Sicherheits', 'Fern', 'Anmelde'].includes(w)),
);

// Purpose clauses ("to receive the latest protections"), clauses introduced by a conjunction and what a colon explains
// ("check the version: it is shown at the top right …") end the object; a colon before other words may be part of it.
// A participle that says who released the thing and when ("a Windows update released by Microsoft last week") too.
const objectEnd = /[,;]\s+|\s+(?=(?:described|outlined|listed|detailed)\s+(?:in|on|by|below|above|here)\b)|\s+(?=(?:transmitted|sent|received|delivered)\s+(?:via|by|over|through)\b)|\s+(?=(?:released|published|issued|provided|announced|made\s+available|shipped)\s+(?:by|on|in|last|this|yesterday|today)\b)|:\s+(?=(?:it|this|that|they|these|those|you|if|when|require|enforce|allow|use|set|ensure)\s|(?:in|open|go|click|log|under|navigate|select|from|on|via)\s)|\s+(?=(?:if|when|where|which|who|that|so\s+that|so\s+(?:they|staff|users|employees|you|everyone|the|it|that|no|nothing|nobody|attackers|hackers)\s|before|until|unless|because|as\s+soon\s+as|once|in\s+order\s+to)\b)|\s+(?=and\s+to\s+[a-z])|\s+(?=to\s+(?:check|assist|help|support|receive|get|ensure|create|generate|protect|prevent|avoid|mitigate|address|stay|be|fix|close|remediate|reduce|confirm|spot|detect|verify|minimi[sz]e|make\s+sure|patch|secure|block|stop|keep|lower|limit|defend|guard|see|find|view|reveal|learn|know)\b)/i;

// translate's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const translatePattern1 = /(?<!\p{L})Sicherheits\s+(\p{Lu})(?=\p{Ll})/gu;
const possibleThing = /\bpossible\s+(?=\p{L})/giu;

// A label in quotes ("Allow automatic installation of hotfixes") is the name of a setting: it stays as written.
const labelledThing = /(\u0004\d+\u0004)\s+(Funktion|Option|Einstellung|Schaltfläche|Feld|Menü)(?!\p{L})/gu;
const quoted = /"[^"]*"|“[^”]*”|„[^“”"]*[“”"]/gu;
const QUOTE = '\u0004';

// Phrases of general guidance (round 16), each replaced only where the cue finds one of their words: translate runs
// for every phrase of every English sentence.
// A pattern that never matches and gives up at once (sticky at 0): in place of one whose words a text lacks.
const NEVER = /(?!)/y;
const guidanceCue = /no\s+longer|use\s+of|behind|end\s+of|within|business|purposes|information|third|IT\s|physical|through|without\s+opening|least|inactivity|location|place|former|leavers/i;
function guidancePhrases(text: string): string {
  return text
    .replace(/\bno\s+longer\b/gi, 'nicht mehr')
    .replace(/\bthe\s+use\s+of\b/gi, 'die Nutzung von')
    .replace(/\bbehind\s+(?:a|the|your)\s+firewall\b/gi, 'hinter einer Firewall')
    .replace(/\bat\s+the\s+end\s+of\s+(?:the|each|every)\s+(?:work(?:ing)?\s+)?day\b/gi, 'nach Feierabend')
    .replace(/\bwithin\s+(?:the|your)\s+(?:practice\s+)?network\b/gi, 'im Netzwerk')
    .replace(/\bfor\s+(?:practice|work|business)\s+(?:business|purposes|use)\b/gi, 'für dienstliche Zwecke')
    .replace(/\b(?:this|the|that|such)\s+information\b/gi, 'diese Informationen')
    .replace(/\b(?:a\s+)?third[-\s]party(?:\s+(?:provider|specialist|expert|company|firm))?(?=\s+to\b|[.,;]|$)/giu, 'externen Dienstleister')
    .replace(/\bIT\s+(?:officials|leads?|managers?|contacts?)\b/g, 'IT-Verantwortlichen')
    .replace(/\bphysical\s+access\b/gi, 'Zutritt')
    .replace(/\bthrough\b/gi, 'über')
    .replace(/\bwithout\s+opening\s+(?:it|them)\b/gi, 'ungeöffnet')
    .replace(/\b(?:of\s+)?at\s+least\s+(\d+)\s+characters?\b/gi, 'mit mindestens $1 Zeichen')
    .replace(/\bat\s+least\b/gi, 'mindestens')
    .replace(/\bafter\s+(\d+)\s+minutes?\s+of\s+inactivity\b/gi, 'nach $1 Minuten Inaktivität')
    .replace(/\bwithin\s+(\d+)\s+(hours?|days?)\b/gi, (m, n: string, unit: string) => `innerhalb von ${n} ${/^h/iu.test(unit) ? 'Stunden' : 'Tagen'}`)
    .replace(/\bin\s+a\s+(separate|different|secure|safe)\s+(?:location|place)\b/gi, (m, kind: string) => ({ separate: 'örtlich getrennt', different: 'andernorts', secure: 'sicher', safe: 'sicher' } as Record<string, string>)[kind.toLowerCase()]!)
    .replace(/\baccounts\s+(?:of|belonging\s+to)\s+(?:former\s+(?:employees|staff(?:\s+members)?)|leavers)\b/gi, 'Konten ehemaliger Mitarbeitender');
}

function translate(text: string, to = 'auf'): string {
  const labels: string[] = [];
  const early = markDative(
    text
      .replace(quoted, (q) => `${QUOTE}${labels.push(q) - 1}${QUOTE}`)
      // "every app", "each user": German says all of them, in the plural the table knows ("alle Apps").
      .replace(everyThing, (m, noun: string) => (pluralOf(noun) !== noun ? `all ${pluralOf(noun)}` : m))
      // "all apps installed on your NAS": the participle goes before the noun ("alle auf NAS installierten Apps").
      .replace(placedThings, (m, all: string | undefined, noun: string, participle: string, prep: string, place: string) =>
        `${all ?? ''}${prep} ${place} ${attributive[participle.toLowerCase()]!}${all ? 'n' : ''} ${noun}`,
      ),
  )
    // As written: two factors are "Zwei-Faktor", several "Multi-Faktor" (MFA stays MFA, as German notices write it).
    .replace(/\b(two|multi)[-\s]?factor\s+authentication(?:\s+\((?:MFA|2FA)\))?/gi, (m, n: string) => (n.toLowerCase() === 'two' ? 'Zwei-Faktor-Authentifizierung' : 'Multi-Faktor-Authentifizierung'))
    .replace(/\bas soon as possible\b/gi, 'schnellstmöglich')
    .replace(/\bright away\b/gi, 'sofort');
  const german = (guidanceCue.test(early) ? guidancePhrases(early) : early)
    .replace(/\bon\s+a\s+regular\s+basis\b/gi, 'regelmäßig')
    .replace(/\bof all (?=\w)/gi, 'aller ')
    // "the number of administrator accounts": how many there are.
    .replace(/\b(?:the\s+)?number\s+of\s+(?=\w)/gi, 'die Anzahl der ')
    // "all devices running Windows 10": the devices with it.
    .replace(/run|us/i.test(early) ? runningSystem : NEVER, '$1 with ')
    // "all installed software": a participle before its noun is an adjective ("alle installierte Software").
    .replace(/installed|stored|connected|used/i.test(early) ? participleBefore : NEVER, (m, det: string, participle: string) => `${det} ${attributive[participle.toLowerCase()]!} `)
    .replace(/\bat all times\b/gi, 'jederzeit')
    .replace(/\bto the internet\b/gi, 'mit dem Internet')
    .replace(/\bto the (?:practice\s+)?network\b/gi, 'mit dem Netzwerk')
    .replace(/\bfrom the internet\b/gi, 'aus dem Internet')
    .replace(/\bor (?:a |any )?(?:later|newer|higher|above)(?: (?:release|version|build)s?)?\b/gi, 'oder neuer')
    .replace(/\bwithout (?:any )?delay\b/gi, 'unverzüglich')
    .replace(/\bthe necessary (?=\w)/gi, 'die nötigen ')
    .replace(/\b(?:signs|indicators) of compromise\b/gi, 'Anzeichen einer Kompromittierung')
    .replace(/\bsuspicious activity\b/gi, 'verdächtige Aktivitäten')
    .replace(early.includes('thing') ? somethingOdd : NEVER, 'auf Auffälligkeiten')
    .replace(/\bfixed (?:release|version)s?\b/gi, 'korrigierte Version')
    .replace(/\b(before|after)\s+(?:applying|installing)\s+(?:the\s+)?/gi, (m, w: string) => (w.toLowerCase() === 'before' ? 'vor dem Einspielen von ' : 'nach dem Einspielen von '))
    .replace(/\b(before|after)\s+(?:patching|updating)\b/gi, (m, w: string) => (w.toLowerCase() === 'before' ? 'vor dem Update' : 'nach dem Update'))
    .replace(/\b(?:web-based\s+)?remote\s+management\s+interface\b/gi, 'Fernverwaltungsoberfläche')
    .replace(/\bconfiguration\s+(?:page|interface)\b/gi, 'Konfigurationsseite')
    .replace(/\b(?:web-based\s+)?(?:web|management|admin(?:istration)?)\s+(?:interface|console|portal)\b/gi, 'Verwaltungsoberfläche')
    .replace(/\b(?:data\s+)?backup\s+copies\b/gi, 'Sicherungskopien')
    .replace(/\bdata\s+backups\b/gi, 'Datensicherungen')
    // Backups kept apart "from your main practice systems", "from the main network".
    .replace(/\b(?:your|the|its|their)\s+main\s+(?:practice\s+|computer\s+|IT\s+)?systems\b/gi, 'den Hauptsystemen der Praxis')
    .replace(/\b(?:your|the|its|their)\s+main\s+network\b/gi, 'dem Hauptnetzwerk')
    .replace(/\bdata\s+backup\b/gi, 'Datensicherung')
    .replace(/\b(?:practice|clinic|office)\s+(?:staff|team)\b/gi, 'Praxisteam')
    .replace(/\bpassword\s+manage(?:rs?|ment\s+(?:tools?|software|apps?|applications?))\b/gi, 'Passwortmanager')
    .replace(/\bthreat\s+(?:analysis|assessment)\b/gi, 'Bedrohungsanalyse')
    .replace(/\b(?:(?:cyber\s*)?incident\s+response|business\s+continuity|disaster\s+recovery|emergency(?:\s+response)?|contingency)\s+plan(s?)\b/gi, (m, pl: string) => (pl ? 'Notfallpläne' : 'Notfallplan'))
    .replace(/\bcyber\s*security\s+best\s+practices?\b/gi, 'bewährte Verfahren der IT-Sicherheit')
    .replace(/\b(?:security\s+)?(?:best|good)\s+practices?\b/gi, (m) => (/^security/i.test(m) ? 'bewährte Sicherheitsverfahren' : 'bewährte Verfahren'))
    .replace(/\brisk\s+(analysis|assessment)\b/gi, (m, w: string) => (w.toLowerCase() === 'analysis' ? 'Risikoanalyse' : 'Risikobewertung'))
    .replace(/\b(?:every|each)\s+(?:member\s+of\s+(?:the\s+)?staff|staff\s+member)|\ball\s+(?:members\s+of\s+(?:the\s+)?staff|staff\s+members)\b/gi, 'alle Mitarbeitenden')
    .replace(/\b(?:every|each)\s+member\s+of\s+(?:the|your)\s+team\b|\ball\s+members\s+of\s+(?:the|your)\s+team\b/gi, 'alle Teammitglieder')
    .replace(possibleThing, 'mögliche ')
    .replace(/\bremote access\b/gi, 'Fernzugriff')
    .replace(/\bcyber\s+security\b/giu, 'IT-Sicherheit')
    // "per vendor instructions": according to them; "per E-Mail" is German as it stands.
    .replace(/\bper\s+(?=(?:the\s+)?(?:vendor|manufacturer|supplier|provider)?\s*(?:instructions|guidance|recommendations?|advisory|documentation)\b)/giu, 'gemäß ')
    .replace(/\bby\s+(e-?mail|phone|telephone|post|fax|text)\b/giu, (m, how: string) => `per ${({ email: 'E-Mail', 'e-mail': 'E-Mail', phone: 'Telefon', telephone: 'Telefon', post: 'Post', fax: 'Fax', text: 'SMS' } as Record<string, string>)[how.toLowerCase()]}`)
    .replace(/\bpersonal\s+(?:data|information)\b/giu, 'personenbezogene Daten')
    .replace(/\b(?:front\s+desk|reception\s+desk)\b/giu, 'Empfang')
    .replace(termPattern, (m) => termOf(m))
    .replace(/\boperating\s+system(s?)\b/gi, (m, pl: string) => (pl ? 'Betriebssysteme' : 'Betriebssystem'))
    .replace(/\bmedical\s+devices\b/gi, 'Medizingeräte')
    .replace(/\bthird[-\s]party\s+([a-z]+)/gi, '$1 von Drittanbietern')
    .replace(/\bsocial[-\s]engineering\s+attacks\b/gi, 'Social-Engineering-Angriffe')
    .replace(/\bend[-\s]of[-\s](?:life|support)\b/gi, 'nicht mehr unterstützte')
    .replace(/\blog(?:in|on)\s+(?:credentials|details)\b/gi, 'Anmeldedaten')
    .replace(/\b(IT\s+)?service\s+provider(s?)\b/g, (m, it: string | undefined) => (it ? 'IT-Dienstleister' : 'Dienstleister'))
    .replace(/\bto\s+access\s+(?:the\s+|your\s+)?/gi, 'für den Zugriff auf ')
    // "senders you do not recognize", "numbers you don't know": unknown ones.
    .replace(/\b(senders?|contacts?|callers?|people|numbers?|websites?|sites?)(\u0002?)\s+(?:that\s+|whom\s+)?you\s+(?:do\s+not|don't)\s+(?:recogni[sz]e|know)\b/gi, 'unknown $1$2')
    .replace(/\bwith\s+anyone\b/gi, 'mit anderen')
    // "known source IP addresses": before its noun "known" is an adjective.
    .replace(early.includes('known') ? knownBefore : NEVER, 'bekannte ')
    // "a link you are not sure about", "attachments you were not expecting": doubtful and unexpected ones.
    .replace(early.includes('you') ? notSureOf : NEVER, (m, noun: string, mark: string) => `doubtful ${pluralOf(noun)}${mark}`)
    .replace(early.includes('you') ? notExpected : NEVER, (m, a?: string, da?: string, b?: string, db?: string) => `unexpected ${pluralOf((a ?? b)!)}${da ?? db ?? ''}`)
    // "the router's admin passwords": the owner becomes the first part of a German compound ("Router-Administratorpasswörter").
    .replace(/(?<=\p{L})['’]s\s+(?=\p{L})/gu, ' ')
    .replace(/\bas\s+well\s+as\b/giu, 'sowie')
    .replace(/\bself[-\s]signed\b/giu, 'selbstsignierte')
    // "services and protocols you do not use", "applications you trust": unused, trusted ones.
    .replace(/\b(\p{L}+(?:\s+(?:and|or)\s+\p{L}+)?)(\u0002?)\s+(?:that\s+|which\s+)?you\s+(?:do\s+not|don't)\s+(?:use|need)\b/giu, 'unused $1$2')
    .replace(/\b(\p{L}+)(\u0002?)\s+(?:that\s+|which\s+)?you\s+trust\b/giu, 'trusted $1$2')
    .replace(/\s*\b(?:wherever|whenever)\s+(?:you\s+can|(?:it\s+is\s+)?(?:possible|practical|practicable|feasible))\b/giu, ' wo immer möglich')
    .replace(/,?\s*\buntil\s+further\s+notice\b,?/giu, ' bis auf Weiteres')
    .replace(/\bbrute[-\s]force(?:\s+(protection|attacks?))?\b/giu, (m, what: string | undefined) => (what && /^prot/iu.test(what) ? 'Brute-Force-Schutz' : what ? 'Brute-Force-Angriffe' : 'Brute-Force'))
    .replace(/\bevery\s+day\b/gi, 'täglich')
    .replace(/\bvulnerability\s+(?:scanners?|scanning\s+tools?)\b/gi, 'Schwachstellenscanner')
    .replace(/\bfrom\s+the\s+(?:practice\s+)?network\b/gi, 'vom Netzwerk')
    .replace(/\bsuch\s+as\b/gi, 'wie')
    .replace(/\b(?:tele)?phone\s+systems?\b/gi, (m) => (/s$/i.test(m) ? 'Telefonanlagen' : 'Telefonanlage'))
    .replace(/\b(?:UPnP\s+)?(?:auto(?:matic)?\s+)?port\s+forwarding\b/gi, (m) => `${/auto/i.test(m) ? 'automatische ' : ''}${/^UPnP/i.test(m) ? 'UPnP-' : ''}Portweiterleitung`)
    .replace(/\bremote management\b/gi, 'Fernverwaltung')
    .replace(/\b(?:VPN\s+)?(?:pre-)?shared\s+(?:secrets?|keys?)\b/gi, (m) => (/^VPN/i.test(m) ? 'VPN-Schlüssel' : 'Pre-Shared-Keys'))
    .replace(/\bsecurity updates?\b/gi, (m) => (m.endsWith('s') ? 'Sicherheitsupdates' : 'Sicherheitsupdate'))
    .replace(/\bsecurity patch(es)?\b/gi, (m, es: string | undefined) => (es ? 'Sicherheitspatches' : 'Sicherheitspatch'))
    .replace(/\band\/or\b/giu, 'und/oder')
    .replace(/\bdo not\b|\bdon't\b/gi, 'nicht')
    .split(/(\s+|[,;()"“”])/)
    .map((w) => {
      // A plural after "on", "in", "with" … takes the dative ending (english-grammar.ts).
      const dative = w.endsWith(DATIVE);
      const word = dative ? w.slice(0, -1) : w;
      // "IT" is information technology, not "it".
      const t = word === 'IT' ? word : /^to$/iu.test(word) ? to : (words[word.toLowerCase()] ?? word);
      return dative ? `${endDative(t)}${DATIVE}` : t;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;)])/g, '$1')
    // "security settings" → "Sicherheitseinstellungen": a German compound, not two words.
    .replace(translatePattern1, (m, c: string) => `Sicherheits${c.toLowerCase()}`)
    .trim();
  return germanGrammar(german, germanNouns)
    // "all staff": "Mitarbeitende" is an adjective made noun, weak after "alle".
    .replace(allStaff, '$1 Mitarbeitenden')
    // "the „Allow …“ feature" → "die Funktion „Allow …“": in German the noun comes first, the label in German quotes.
    .replace(labelledThing, '$2 $1')
    .replace(/\u0004(\d+)\u0004/gu, (m, i: string) => `„${labels[Number(i)]!.slice(1, -1)}“`);
}

const attributive: Record<string, string> = { installed: 'installierte', stored: 'gespeicherte', running: 'laufende', connected: 'angeschlossene', used: 'genutzte' };
// "Cut infected computers off from the network": the particle goes back to its verb. "Stop using Windows 7": no longer
// use it.
function verbFirst(phrase: string): string {
  let vp = phrase.trim();
  // Each rewrite runs only where its words are: this is called for every verb phrase of every English sentence.
  const lower = vp.toLowerCase();
  if (lower.startsWith('cut ')) vp = vp.replace(/^(cut)\s+(.+?)\s+off\s+(?=from\s)/iu, '$1 off $2 ');
  // "turn SMBv3 compression off", "switch automatic updates on": the particle back to its verb.
  if (/^(?:turn|switch|shut|power)\s/u.test(lower)) vp = vp.replace(splitParticle, '$1 $3 $2');
  // "pass this information on to your IT staff": the particle back to its verb.
  if (lower.startsWith('pass ')) vp = vp.replace(/^(pass)\s+(.+?)\s+on\s+(?=to\s)/iu, '$1 on $2 ');
  // "power it down": the pronoun after the particle, where a second verb of "and" is looked for.
  if (lower.includes(' it ') || lower.includes(' them ')) vp = vp.replace(pronounBeforeParticle, '$1 $3 $2');
  // "follow up with the person who sent it": ask the sender.
  if (lower.startsWith('follow up')) vp = vp.replace(/^follow\s+up\s+with\s+(?:the\s+)?(?:person|people|sender|party)(?:\s+who\s+sent\s+(?:it|them|you\s+\S+(?:\s+\S+)?))?/iu, (m) => `${m.charAt(0) === 'F' ? 'C' : 'c'}ontact the sender`);
  // "a different password for each account": own ones for all of them ("eigene Passwörter für alle Konten").
  if (lower.includes(' for each ') || lower.includes(' for every ')) vp = vp.replace(oneForEach, (m, thing: string, owner: string) => `own ${pluralOf(thing)} for all ${pluralOf(owner)}`);
  // "software that is no longer needed", "devices that no longer receive security updates": which of them.
  if (lower.includes('no longer') || lower.includes(' not receive') || lower.includes(' not get')) vp = vp.replace(noLongerThat, (m, thing: string, needed: string | undefined) => `${needed ? 'unneeded' : 'unsupported'} ${thing}`);
  if (/\s(?:that|which|who)\s+(?:have|has|contain|include|hold|carry|store)\s/.test(lower)) {
    vp = vp
      // "emails that contain patient information": the emails with it.
      .replace(thingsThatContain, '$1 with ')
      // "accounts that have SSLVPN access": the accounts with it.
      .replace(thingsThatHave, '$1 with ');
  }
  // "physical access to servers": access in person, to them ("Zutritt zu Servern", the dative marked in translate).
  if (lower.includes('physical')) vp = vp.replace(physicalAccessTo, 'Zutritt zu');
  // "at least once a quarter", "every month": how often, in German words the object cannot be cut at ("once").
  if (lower.includes('once')) vp = vp.replace(howOften, (m, least: string | undefined, unit: string) => `${least ? 'mindestens ' : ''}einmal pro ${units[unit.toLowerCase()]}`);
  if (lower.includes('every ')) vp = vp.replace(everyPeriod, (m, unit: string) => ({ week: 'wöchentlich', month: 'monatlich', quarter: 'vierteljährlich', year: 'jährlich' } as Record<string, string>)[unit.toLowerCase()]!);
  // "keep following good practice": go on following it.
  if (lower.startsWith('keep ')) vp = vp.replace(keepDoing, (m, gerund: string) => gerundVerb(gerund));
  if (lower.startsWith('stop ')) vp = vp.replace(stopDoing, (m, stop: string, gerund: string) => `${stop === 'Stop' ? 'No' : 'no'} longer ${gerundVerb(gerund)}`);
  return vp;
}

// "a link you are not sure about": any such link, in the plural the table knows ("zweifelhafte Links").
const pluralOf = (noun: string) => (words[`${noun.toLowerCase()}s`] !== undefined ? `${noun}s` : noun);

const howOften = /(?<![\p{L}\d_])(at\s+least\s+)?once\s+(?:a|per|every)\s+(day|week|month|quarter|year)(?![\p{L}\d_])/giu;
const units: Record<string, string> = { day: 'Tag', week: 'Woche', month: 'Monat', quarter: 'Quartal', year: 'Jahr' };

const splitParticle = /^(turn|switch|shut|power)\s+(?!(?:off|on|down|up)\s)(.+?)\s+(off|on|down|up)(?=\s*(?:[.,;!]|$|\s+(?:or|and|if|when|until|before|after|to|where|wherever|immediately|now)(?![\p{L}\d_])))/iu;
// The patterns of round 16's rules, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const somethingOdd = /(?<![\p{L}\d_])for\s+(?:anything|something)\s+(?:suspicious|unusual)(?![\p{L}\d_])/giu;
const knownBefore = /(?<![\p{L}\d_])known\s+(?!(?:as|to|for|by|in|on|at|from|with|and|or|that|if|whether)(?![\p{L}\d_]))(?=\p{L})/giu;
const notSureOf = /(?<![\p{L}\d_])(\p{L}+)(\u0002?)\s+(?:that\s+|which\s+)?you\s+(?:are\s+not|aren't|are\s+unsure|feel\s+unsure)\s+(?:(?:sure|certain)\s+)?(?:about|of)(?![\p{L}\d_])/giu;
const notExpected = /(?<![\p{L}\d_])(\p{L}+)(\u0002?)\s+(?:that\s+|which\s+)?you\s+(?:were\s+not|weren't)\s+expecting(?![\p{L}\d_])|(?<![\p{L}\d_])(\p{L}+)(\u0002?)\s+(?:that\s+|which\s+)?you\s+(?:did\s+not|didn't)\s+expect(?![\p{L}\d_])/giu;
const allStaff = /(?<!\p{L})(alle|aller)\s+Mitarbeitende(?!\p{L})/gu;
const pronounBeforeParticle = /(?<![\p{L}\d_])(power|shut|turn|switch|lock|back)\s+(it|them)\s+(down|off|on|up)(?![\p{L}\d_])/giu;
const oneForEach = /(?<![\p{L}\d_])a\s+(?:different|unique|separate)\s+(\p{L}+)\s+for\s+(?:each|every)\s+(\p{L}+)/giu;
const thingsThatContain = /(?<![\p{L}\d_])(\p{Ll}{3,}s)\s+(?:that|which)\s+(?:contain|include|hold|carry|store)\s+(?=\S)/giu;
const thingsThatHave = /(?<![\p{L}\d_])(\p{Ll}{3,}s)\s+(?:that|which|who)\s+(?:have|has)\s+(?=\S)/giu;
const physicalAccessTo = /(?<![\p{L}\d_])physical\s+access\s+to(?![\p{L}\d_])/giu;
const everyPeriod = /(?<![\p{L}\d_])every\s+(week|month|quarter|year)(?![\p{L}\d_])/giu;
const keepDoing = /^keep\s+(?=\p{Ll}+ing\s)(\p{Ll}+ing)/iu;
const stopDoing = /^(stop)\s+(?=\p{Ll}+ing\s)(\p{Ll}+)/iu;
const adjectiveForm = /^\p{Ll}+e$/u;
const fromTheInternet = /(?<![\p{L}\d_])from\s+the\s+internet(?![\p{L}\d_])/iu;
const fromBackups = /\bfrom\s+(?:the\s+|your\s+|a\s+)?(?:\p{Ll}+\s+)?(?:backups?|cop(?:y|ies)|images?|snapshots?)\b/iu;
const capitalOrDigit = /\p{Lu}|\d/u;
const capitalWordFirst = /^\p{Lu}\p{Ll}+\s/u;

// What a thing is left as, in German.
const leftStates: Record<string, string> = {
  unlocked: 'ungesperrt', unused: 'ungenutzt', unattended: 'unbeaufsichtigt', unchanged: 'unverändert', open: 'offen', 'logged in': 'angemeldet', 'signed in': 'angemeldet',
  enabled: 'aktiviert', activated: 'aktiviert', 'turned on': 'aktiviert', 'switched on': 'aktiviert', disabled: 'deaktiviert', 'turned off': 'deaktiviert', 'switched off': 'deaktiviert',
  'exposed to the internet': 'aus dem Internet erreichbar', 'reachable from the internet': 'aus dem Internet erreichbar', 'accessible from the internet': 'aus dem Internet erreichbar',
  'connected to the internet': 'mit dem Internet verbunden', 'connected to the network': 'mit dem Netzwerk verbunden', 'at their default settings': 'in der Werkseinstellung',
  'on default settings': 'in der Werkseinstellung', 'at the default settings': 'in der Werkseinstellung',
};
// "keep" only with the states of a switch; kept otherwise is "behalten" or a backup's "aufbewahren".
const keptOnOff = /^keep\s+(.+?)\s+(turned\s+on|switched\s+on|enabled|activated|turned\s+off|switched\s+off|disabled)[.!]?$/iu;
const leftAs = new RegExp(String.raw`^leave\s+(.+?)\s+(${Object.keys(leftStates).map((k) => k.replace(/\s+/gu, String.raw`\s+`)).join('|')})(?:\s+(?:when|while|if|after|before|during|overnight|at\s+night)\b.*)?[.!]?$`, 'iu');
const noLongerThat = /(?<![\p{L}\d_])(\p{L}+)\s+(?:that|which)\s+(?:(?:is|are)\s+no\s+longer\s+(needed|used|required|in\s+use)|(?:do|does)\s+not\s+(?:receive|get)\s+(?:any\s+)?(?:security\s+)?(?:updates|patches)\s+any\s*more|no\s+longer\s+(?:receive|get)s?\s+(?:any\s+)?(?:security\s+)?(?:updates|patches))(?![\p{L}\d_])/giu;
const runningSystem = /(?<![\p{L}\d_])((?:devices|computers|machines|systems|servers|PCs|laptops|workstations|clients|endpoints)\s+)(?:that\s+(?:are\s+)?(?:still\s+)?)?(?:running|run|use|using)\s+(?=(?:Windows|macOS|Linux|Android|iOS|an?\s+(?:old|older|outdated|unsupported)(?![\p{L}\d_])|(?:old|older|outdated|unsupported)\b))/giu;
const participleBefore = /(?<![\p{L}\d_])(all|any|the|your|every)\s+(installed|stored|connected|used)\s+(?=\p{Ll}{3,}(?:\s|[.,;]|$))(?!(?:on|in|by|to|for|with|at)\s)/giu;
const placedThings = /\b(all\s+)?(\p{Ll}+s)\s+(installed|stored|running|connected|used)\s+(on|in)\s+(?:(?:the|your|their|our|its)\s+)?([\p{L}\d-]+)(?=[\s.,;:]|$)/giu;
const colonVerb = new RegExp(String.raw`:\s+(?=(?:${anyVerb})\s)`, 'iu');
const easyToGuess = /^(?:that|which)\s+(?:are|is)\s+(?:easy|simple)\s+to\s+guess\b/iu;
// "each staff member" is every member of staff (translate's own rule), not "all staffs".
const everyThing = /\b(?:every|each)\s+(?:single\s+)?(\p{Ll}+)(?!\p{L})(?!\s+members?\b)/giu;

// gerundVerb's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const gerundVerbPattern1 = /^(\p{Ll}+)ing\b/u;
const gerundVerbPattern2 = /(\p{Ll})\1$/u;

/** "updating" → "update", "keeping" → "keep": the verb of a gerund after "recommend" or "advise". */
function gerundVerb(phrase: string): string {
  const g = gerundVerbPattern1.exec(phrase);
  if (!g) return phrase;
  const rest = phrase.slice(g[0].length);
  // "turning on two-factor authentication": a verb of two words.
  const particle = /^\s+(up|on|off|out|for|sure|in)\b/i.exec(rest)?.[1]?.toLowerCase();
  const stem = [g[1]!, `${g[1]!}e`, g[1]!.replace(gerundVerbPattern2, '$1')].find((v) => verbTable.has(v) || (particle !== undefined && verbTable.has(`${v} ${particle}`)));
  return stem ? stem + rest : phrase;
}

// germanPhrase's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
// "… and applications your practice uses": whose the things are, in a clause without its pronoun.
const germanPhrasePattern1 = /\s+(?:that\s+|which\s+)?(?:(?:it|they|we|he|she)\s+\p{Ll}+(?:s|ed)|(?:your|our|their|the)\s+(?:practice|office|clinic|team|staff|organi[sz]ation|business|company)\s+(?:uses|use|used|runs|run|has|have|needs|need|owns|own|relies\s+on))\s*$/iu;
const germanPhrasePattern2 = /(?<![\p{L}-])\p{Ll}{2,}ing(?!\p{L})/u;

// A list of two to five things of up to four words each, before "and" or "or": "routers, firewalls and VPN appliances".
// Words that start a clause or a new instruction end it.
// An item that starts with a negation or a preposition is a step or a phrase of its own: "do not download …",
// "through your VPN settings".
const thing = String.raw`(?!(?:do|does|don't|not|never|always|please|through|via|by|with|from|on|in|at|for)\s)(?:(?!(?:which|who|that|if|when|where|and|or|to|so|then|because|as|but)\s)[\w./-]+\s+){0,3}[\w./-]+`;
const listOfThings = new RegExp(String.raw`(?<=^|\s)${thing}(?:,\s+${thing}){1,4},?\s+(?:and|or)\s+(?=${thing})`, 'u');
const LIST_COMMA = '\u0001';
const adjectiveComma = /(?<![\p{L}-])(\p{Ll}+),\s+(?=(\p{Ll}+)\s+\p{L})/gu;

// "use X to V Y": a tool and the deed it is used for.
const usedTo = /^use\s+(.+?)\s+to\s+(\p{Ll}+)\s+(.+)$/iu;
// What staff are trained to do, and its German verb.
const trainedTo = /^\s+(.+?)\s+(?:(?:on|in)\s+)?(?:how\s+)?to\s+(recogni[sz]e|spot|identify|detect|report|avoid)\s+(.+)$/iu;
const skills: Record<string, string> = { recognize: 'erkennen', spot: 'erkennen', identify: 'erkennen', detect: 'erkennen', report: 'melden', avoid: 'vermeiden' };

/** "Upgrade to ZLD firmware 5.39 or later" → "Auf ZLD Firmware 5.39 oder neuer aktualisieren". */
export function germanPhrase(vp: string): string | null {
  // "keep the system updated to the latest version": the update itself.
  // "upgrade to a newer piece of equipment", "migrate to a supported model": end-of-life hardware is replaced.
  const newer = /^(?:upgrade|migrate|switch|move)\s+to\s+(?:a\s+)?(newer|new|supported|current)\s+(?:piece\s+of\s+equipment|model|device|router|firewall|appliance|hardware|product)s?\b(.*)$/iu.exec(vp.trim());
  if (newer) {
    const adjective = ({ newer: 'neueres', new: 'neues', supported: 'unterstütztes', current: 'aktuelles' } as Record<string, string>)[newer[1]!.toLowerCase()]!;
    const when = /\b(?:as\s+soon\s+as\s+possible|immediately|promptly|right\s+away)\b/iu.test(newer[2]!) ? 'schnellstmöglich ' : '';
    return `${capitalize(when)}${when ? 'a' : 'A'}uf ein ${adjective} Gerät umsteigen`;
  }
  // "prioritise patching their servers", "make it a priority to update …": the deed comes first ("vorrangig").
  const first = /^(?:prioriti[sz]e\s+(?=\p{Ll}+ing\s)|make\s+(?:it\s+)?a\s+(?:top\s+)?priority\s+to\s+)/iu.exec(vp.trim());
  if (first) vp = vp.trim().slice(first[0].length);
  // "Keep data backups apart from your main practice systems": kept apart is stored apart.
  const apart = /^keep\s+(.+?)\s+(?:separate|apart|isolated|separated)\s+from\s+(.+?)(?:\s+[–—-]\s+.*)?[.!]?$/iu.exec(vp.trim());
  if (apart) {
    const [what, from] = [translate(apart[1]!), translate(apart[2]!)];
    const german = `${what} getrennt von ${from} aufbewahren`;
    return halfEnglish(german) || leftInEnglish(german) ? null : capitalize(german);
  }
  // "Avoid clicking on links", "refrain from opening attachments": the deed forbidden.
  vp = vp.trim().replace(/^(?:avoid|refrain\s+from)\s+(?=\p{Ll}+ing\s)(\p{Ll}+)/iu, (m, gerund: string) => `do not ${gerundVerb(gerund)}`);
  vp = verbFirst(vp);
  vp = gerundVerb(vp.trim()).replace(/^keep\s+(.+?)\s+(?:updated|up[\s-]to[\s-]date|patched|current)(?:\s+and\s+(?:updated|up[\s-]to[\s-]date|patched|current))?\b/i, 'update $1');
  if (first) vp = `foremost ${vp}`;
  // "open WEBconfig, the web interface of the devices, over HTTPS": an apposition between commas names, it instructs nothing.
  let rest = vp.trim().replace(/^(?:please|also|then|now|immediately)\s+/i, '').replace(/,\s+(?:the|a|an)\s[^,]+,\s+/i, ' ');
  let adverb = '';
  const lead = /^(only|never|not|do not|don't|no longer|also|immediately|regularly|always|frequently|periodically|promptly|urgently|first|foremost)\s+/i.exec(rest);
  if (lead) {
    adverb = translate(lead[1]!);
    rest = rest.slice(lead[0].length);
  }
  const lower = rest.toLowerCase();
  const entry = longestFirst.find(([en]) => lower.startsWith(`${en} `) || lower === en);
  if (!entry) return null;
  // "Use vulnerability scanners to scan your computers daily" → "Computer täglich mit Schwachstellenscannern
  // durchsuchen": the tool is the means of the deed that follows.
  const means = entry[0] === 'use' ? usedTo.exec(rest) : null;
  // "Use a password manager to create strong passwords": what is made with a tool, the tool's use says.
  if (means && verbTable.has(means[2]!.toLowerCase()) && !/^(?:use|create|generate)$/iu.test(means[2]!)) {
    const deed = germanPhrase(`${means[2]} ${means[3]!.replace(/[.!;:]+$/u, '')} with ${means[1]}`);
    // Only where the deed kept its tool: a comma in the object ("create unique, strong passwords") cuts it off.
    const tool = translate(means[1]!).split(' ').pop()!.slice(0, 4);
    if (deed && deed.includes('mit ') && deed.slice(deed.indexOf('mit ')).includes(tool)) return adverb ? `${capitalize(adverb)} ${deed.charAt(0).toLowerCase()}${deed.slice(1)}` : deed;
  }
  // "Set antivirus tools to update automatically" → "Virenschutzprogramme auf automatische Updates einstellen".
  const automatic = entry[0] === 'set' ? /^set\s+(.+?)\s+to\s+(?:update|install\s+updates|receive\s+updates|update\s+themselves)\s+automatically\b/iu.exec(rest) : null;
  if (automatic) {
    const what = translate(automatic[1]!);
    return leftInEnglish(what) ? null : capitalize(`${what} auf automatische Updates einstellen`);
  }
  // "Do not set your email program to open attachments automatically": a setting for another deed the table cannot
  // put in German ("… auf open Anhänge … setzen").
  if (entry[0] === 'set' && /^set\s+.+?\s+to\s+(?:not\s+)?\p{Ll}+\s/iu.test(rest) && !automatic) return null;
  // "Keep in mind that …" notes something; it asks for no deed.
  if (entry[0] === 'keep' && /^keep\s+in\s+mind\b/iu.test(rest)) return null;
  // "Keep your web use to work-related sites": kept within them.
  const within = entry[0] === 'keep' ? /^keep\s+(.+?)\s+to\s+((?:[\w-]+\s+){0,3}(?:sites|websites|pages|apps|applications|devices|programs|tasks|purposes|use))[.!]?$/iu.exec(rest) : null;
  if (within) {
    const german = `${translate(within[1]!)} auf ${translate(within[2]!)} beschränken`;
    return wordsLeftInEnglish(german) > 0 || halfEnglish(german) ? null : capitalize(german);
  }
  // "Keep the automatic hotfix feature turned on", "Leave macros disabled", "Never leave your computer unlocked": the
  // state it stays in, "… aktiviert lassen".
  const stays = entry[0] === 'leave' ? leftAs.exec(rest.replace(/\bthe\s+public\s+internet\b/iu, 'the internet')) : entry[0] === 'keep' ? keptOnOff.exec(rest) : null;
  if (entry[0] === 'leave' && !stays) return null;
  if (stays) {
    const what = translate(stays[1]!);
    const state = leftStates[stays[2]!.toLowerCase().replace(/\s+/gu, ' ')]!;
    const negation = lead && /^(?:not|do not|don't|never|no longer)$/iu.test(lead[1]!) ? `${adverb} ` : '';
    return wordsLeftInEnglish(what) > 0 || halfEnglish(what) ? null : capitalize(`${what} ${negation}${state} lassen`);
  }
  // "Train all team members to recognize phishing" → "Alle Teammitglieder darin schulen, Phishing zu erkennen".
  if (/^(?:train|educate|teach)$/iu.test(entry[0])) {
    const skill = trainedTo.exec(rest.slice(entry[0].length));
    if (skill) {
      const object = skill[3]!.replace(/[.!;:]+$/u, '');
      const end = objectEnd.exec(object);
      const [who, thing] = [skill[1]!, end ? object.slice(0, end.index) : object];
      const [whom, what] = [translate(who), translate(thing)];
      if (leftInEnglish(`${whom} ${what}`) || halfEnglish(`${whom} ${what}`)) return null;
      return capitalize(`${adverb ? `${adverb} ` : ''}${whom} darin schulen, ${what} zu ${skills[skill[2]!.toLowerCase().replace('recognise', 'recognize')]}`);
    }
  }
  // "Practices should make sure that all devices are updated": the clause, as an imperative "make sure" reads it.
  // "Ensure all devices are configured …" asks for a state as "make sure" does; its clause is read as such, never as
  // an object of "sicherstellen".
  if (entry[0] === 'make sure' || (entry[0] === 'ensure' && !/^(?:that\s+)?(?:the\s+|your\s+)?(?:safety|security|availability|integrity|compliance|continuity)\s+of\b/iu.test(rest.slice(entry[0].length).trim())))
    return adverb ? null : (makeSure(`Make sure ${rest.slice(entry[0].length).trim()}`)?.[0] ?? null);
  // "Watch out for these kinds of attacks:" heads a list; its items are the things to watch.
  if (/^(?:these|the\s+following)\b[^.]*:\s*$/iu.test(rest.slice(entry[0].length).trim())) return null;
  // Adverbs of time are part of the action, not the start of a clause ("as soon as possible to close the issue").
  rest = rest.slice(entry[0].length).trim().replace(/[.!;:]+$/, '').replace(/\bas soon as possible\b/gi, 'schnellstmöglich').replace(/\bright away\b/gi, 'sofort');
  // "routers, firewalls and VPN appliances": the commas of a list of things are part of the object.
  // "Implement a lockout policy: lock the account for 30 minutes …": what follows the colon says how.
  const colonAt = rest.includes(':') ? colonVerb.exec(rest) : null;
  if (colonAt) rest = rest.slice(0, colonAt.index);
  rest = rest.replace(listOfThings, (list) => list.replace(/,\s+/gu, ` ${LIST_COMMA} `));
  // "strong, unique passwords": a comma between two adjectives the table knows is part of the object too.
  const adjective = (w: string) => adjectiveForm.test(words[w.toLowerCase()] ?? '');
  rest = rest.replace(adjectiveComma, (m, first: string, second: string) => (adjective(first) && adjective(second) ? `${first} ${LIST_COMMA} ` : m));
  const end = objectEnd.exec(rest);
  // "the security settings it describes": a relative clause without its pronoun only says whose the thing is.
  // "upgrade it to firmware 3.9.6.3": the pronoun's thing is named before; the target version is the step.
  let object = (end ? rest.slice(0, end.index) : rest).replace(germanPhrasePattern1, '').replace(/^(?:it|them)\s+(?=to\s+\S)/iu, '');
  // "To update Helpdesk, follow these steps:" heads the steps; it is none itself.
  // So does "follow these email best practices:".
  if (entry[0] === 'follow' && /^(?:good|best)\s+practices?\s*:?\s*$/iu.test(object.trim()) && /:\s*$/u.test(vp)) return null;
  if (entry[0] === 'follow' && (/^(?:these|the\s+following|those)\s+(?:[\w-]+\s+){0,3}(?:steps|instructions|tips|best\s+practices|recommendations|guidelines|rules|precautions)\s*:?\s*$/i.test(object.trim()) || /^the\s+(?:steps|instructions)\s*:?\s*$/i.test(object.trim()))) return null;
  // "Click 'Operating System'" explains how to do another step; "do not click links in mails" is one.
  if (entry[0] === 'click' && !/\b(?:links?|attachments?|urls?|buttons?\s+in)\b/i.test(object)) return null;
  // "…, removing any they find": a participle clause after the comma only adds detail.
  // "…, on physical as well as virtual appliances", "… who may have signed in …": only a condition after the object
  // is kept; other clauses and phrases after it add detail the action can do without.
  const after = end ? rest.slice(end.index).replace(/^,?\s*/, '') : '';
  // "…, where they cannot be reached": a clause of place describes the object; it is no condition of the step.
  const tail = /^(?:if|when|unless|before|after|once|until|as\s+soon\s+as|to|in\s+order\s+to|so\s+that|so)\s/i.test(after) ? after : '';
  const forbidden = lead !== null && /^(?:not|do not|don't|never|no longer)$/i.test(lead[1]!);
  // "change them there as well": a pronoun for object points back at a sentence the action cannot carry along.
  // "protect themselves against the attacks": a reflexive object names no thing to act on either.
  if (object.trim() === '' || /^(?:(?:them|it|this|that|these|those|there|so|as\s+well|too|immediately|now|promptly|soon|sofort|schnellstmöglich|themselves|yourselves|yourself|ourselves|itself|oneself)\s*)+$/i.test(object.trim())) return null;
  // "install the security updates" is "einspielen" in German notices; "install FRITZ!OS 7.57" stays "installieren".
  // "apply the recommended settings / the mitigation steps" is "umsetzen": only fixes are "eingespielt".
  // "Reduce the risk of exploitation" names the goal of the steps around it, not a step.
  if (/^(?:reduce|minimi[sz]e|lower|limit)$/iu.test(entry[0]) && /^(?:the\s+)?(?:risk|likelihood|chance|impact|exposure|threat|attack\s+surface)\b/iu.test(object.trim())) return null;
  // "Make regular backups" makes them; anything else made is no deed of the table's.
  if (entry[0] === 'make' && !/\b(?:backups?|cop(?:y|ies)|snapshots?)\b/iu.test(object)) return null;
  // "Take regular backups" makes them, "take these precautions" takes them; "take a layered approach" is no deed here.
  const taken = entry[0] === 'take' ? (/\b(?:backups?|cop(?:y|ies)|snapshots?|images?)\b/iu.test(object) ? 'anlegen' : /\b(?:steps|measures|precautions|action)\b/iu.test(object) ? 'ergreifen' : null) : undefined;
  if (taken === null) return null;
  const chosen = taken !== undefined
    ? taken
    : entry[0] === 'install' && /\b(?:updates?|patch(?:es)?|fixes|hotfix(?:es)?)\b/i.test(object)
      ? 'einspielen'
      : entry[0] === 'click' && /^on\s/i.test(object)
        ? 'klicken'
        : entry[0] === 'keep' && /\b(?:backups?|cop(?:y|ies))\b/i.test(object)
        ? // "keep frequent backups" makes them; "keep backups offline" stores them.
          /^(?:(?:frequent|regular|daily|weekly|recent|up-to-date|current|full)\s+)+/i.test(object.replace(/^(?:the|your)\s+/i, ''))
          ? 'anlegen'
          : 'aufbewahren'
        : entry[0] === 'apply' && /\b(?:principle|settings|configuration|recommendations?|measures|steps|mitigations?|workarounds?|guidance|instructions|changes|polic(?:y|ies)|hardening)\b/i.test(object)
        ? 'umsetzen'
        : entry[1];
  // A verb with a preposition ("bei … vorsichtig sein"): the preposition leads the object, after "bei" and "vor" in the
  // dative ("bei komprimierten Dateien").
  const [preposition, verb] = chosen.includes(' … ') ? (chosen.split(' … ') as [string, string]) : ['', chosen];
  const dativeAfter = /(?:^|\s)(?:bei|vor)$/u.test(preposition);
  // "Do NOT use usernames and passwords that are easy to guess": a relative clause that narrows what is forbidden must
  // stay, or the step forbids all of them. The narrowing the table knows goes in front of the noun; any other leaves
  // the step out.
  if (forbidden && /^(?:that|which|who|whom)\s/iu.test(after)) {
    if (!easyToGuess.test(after)) return null;
    object = `easily guessed ${object}`;
  }
  // "Do not open suspicious emails": "nicht" goes before the verb ("Verdächtige E-Mails nicht öffnen"); in front it
  // would negate the adjective ("Nicht verdächtige E-Mails öffnen" asks to open the harmless ones). Before a
  // preposition it may lead: "Nicht auf Links klicken".
  // "Report suspicious emails to your IT provider": what is reported, sent or passed on goes "an" someone.
  // "Disconnect your machine from the Internet": cut off from it ("vom Internet"), not reachable out of it.
  if (/^(?:disconnect|separate|isolate|cut off|unplug)$/iu.test(entry[0])) object = object.replace(fromTheInternet, 'vom Internet');
  const objectAsWritten = object.replaceAll(` ${LIST_COMMA} `, ' , ');
  // "Rebuild affected servers from clean backups": what is restored comes out of them ("aus sauberen Backups").
  const outOf = /^(?:restore|recover|rebuild|reimage)$/iu.test(entry[0]);
  const germanObject0 = preposition
    ? `${preposition} ${dativeAfter ? translate(`with ${objectAsWritten}`).replace(/^mit\s+/u, '') : translate(objectAsWritten)}`
    : translate(objectAsWritten, /^(?:report|send|forward|give out|disclose|reveal|pass on)$/i.test(entry[0]) ? 'an' : /^(?:log on|log in|sign in)$/i.test(entry[0]) ? 'bei' : 'auf');
  const germanObject = outOf && fromBackups.test(objectAsWritten) ? germanObject0.replace(/(?<!\p{L})von(?=\s)/u, 'aus') : germanObject0;
  // "Do not install any software" → "Keine Software installieren": "any" under a negation is "kein".
  // "Do not download anything": nothing.
  if (forbidden && !preposition && /^anything$/iu.test(object.trim())) return capitalize(`nichts ${verb}`);
  const none = forbidden && /^any\s+/iu.exec(object);
  const negated = forbidden && !/^(?:auf|in|an|mit|von|für|über|durch|aus|bei|vor|zu)\s/u.test(germanObject);
  const phrase = none && !preposition
    ? `keine ${translate(object.slice(none[0].length).replaceAll(` ${LIST_COMMA} `, ' , '))} ${verb}`
    : (negated ? [germanObject, adverb, verb] : [adverb, germanObject, verb]).filter(Boolean).join(' ');
  // "Find the latest clean, …": adjectives cut off from their noun by a comma leave a step without a thing to act on.
  if (!preposition && end?.[0].startsWith(',') && !capitalOrDigit.test(germanObject)) return null;
  // A purpose ("to receive …", "so that fixes are applied") is no part of the action.
  // A condition the table cannot put in German word order is left out: the step holds without it.
  const condition = tail && !/^(?:to|in order to|so\s+that|so)\s/i.test(tail) ? verbLast(translate(tail)) : '';
  const clause = condition && germanOrder(condition) && !leftInEnglish(condition) ? `, ${condition}` : '';
  const german = `${phrase}${clause}`.replace(/\s+/g, ' ').trim();
  // An English gerund left over ("… durch making sure schützen") means the sentence was not understood: no action
  // rather than a half-translated one. German nouns in -ing ("Phishing") are capitalised.
  // A condition left out because it stayed English counts too: the sentence was not understood.
  if (germanPhrasePattern2.test(german) || halfEnglish(german) || wordsLeftInEnglish(german) >= 2 || wordsLeftInEnglish(condition) >= 3) return null;
  return capitalize(german);
}

// English words that the table leaves as they are, where two of them mean the phrase was not understood.
const englishLeft = /(?<!\p{L})(?:who|whom|whose|every|each|may|might|could|known|right|away|both|instead|straight|physical|virtual|these|those|this|than|into|through|within|without|via|been|being|under|below|unless|own|probably|another|such|then|some|more|most|covers|tells|says|already|helps|does|will|would|can|cannot|from|by|its|their|which|whether|reports|shows|runs|uses|works|needs|appears|contains|displays|lists|gets|makes|means|requires)(?!\p{L})/giu;
const halfEnglish = (german: string) => (german.match(englishLeft) ?? []).length >= 2;

// A lower-case word of plain letters, for counting words left in English (built once: see translate's patterns).
const untranslatedPattern1 = /(?<![\p{L}\d.-])[a-z]{3,}(?![\p{L}\d-])/gu;

// The German words translate() and the rules around it write ("darin schulen, … zu erkennen", "Sicherstellen, dass"); a
// lower-case word of plain letters outside them was left in English.
const germanWords = new Set(
  [
    ...Object.values(words),
    ...verbs.map(([, de]) => de),
    'falls wenn vor nach dem Einspielen Update von oder neuer mit aus aller sofort jederzeit unverzüglich nötigen ist sind wird werden den der getrennt aufbewahren wie vom anderen nicht mehr unterstützte',
    'hinter einer vom nach im dienstliche Zwecke der minimalen',
    'einmal pro mindestens vierteljährlich jährlich monatlich wöchentlich örtlich getrennt andernorts sicher',
    'erhält erhalten hat haben kennt kennen weiß wissen versteht verstehen sich lässt lassen',
    'per für zugriff dass darin erkennen melden vermeiden keine bei auf das die des ein eine einen einem neueres neues unterstütztes aktuelles umsteigen jeweils aktuellen bleiben lassen aktiviert deaktiviert einstellen automatische',
  ].flatMap((w) => w.toLowerCase().split(/\s+/u)),
);
const leftInEnglish = (german: string) => [...german.matchAll(untranslatedPattern1)].some(([w]) => !germanWords.has(w));

// A German clause after "falls", "wenn" or "dass" ends in its verb; one carried over word by word keeps the English
// order ("falls Gerät ist nicht yet up auf date", "wenn Sie sind asked auf", "dass automatische Update ist set so …").
const finiteBeforeWords = /(?<!\p{L})(?:ist|sind|wird|werden|hat|haben|kann|können|war|waren)\s+(?!(?:werden|worden|sein|haben|können)\s*$)\S/u;
// "wenn Update ist installiert" → "wenn Update installiert ist": one word after the finite verb goes in front of it.
function verbLast(clause: string): string {
  return clause.replace(/^(\S+\s+\S.*?)\s+(ist|sind|wird|werden)\s+(\S+)$/u, '$1 $3 $2');
}

function germanOrder(clause: string): boolean {
  // A phrase ("vor dem Einspielen von Hotfix") has no verb to put last.
  if (!/(?:^|,\s+)(?:falls|wenn|dass|ob|bis|sobald|sofern|solange|bevor|nachdem)\s/u.test(clause)) return true;
  const last = clause.trim().split(/\s+/u).at(-1) ?? '';
  return !finiteBeforeWords.test(clause) && /(?:t|en|ern|eln|ist|sind|wird|hat|kann)$/u.test(last);
}

/** A verb phrase as a list of actions: "run X, install Y, configure Z" (three or more, comma-separated) are three. */
function phrases(vp: string): string[] | null {
  // "should consider isolating affected devices": the deed considered is the step.
  const considered = /^(?:(?:also|seriously|strongly)\s+)?consider\s+(?=\p{Ll}+ing\s)/iu.exec(vp);
  if (considered) vp = gerundVerb(vp.slice(considered[0].length));
  const pieces = vp.split(/,\s+(?:and\s+)?/);
  const isVerb = (p: string) => verbTable.has(p.split(/\s+/)[0]!.toLowerCase()) || /^(?:only|never|do not)\s/i.test(p);
  // "run X, install Y, configure Z, which includes …": a clause after the list stays with its last item.
  const parts: string[] = [];
  for (const p of pieces) {
    if (isVerb(p)) parts.push(p);
    else if (parts.length > 0) parts[parts.length - 1] += `, ${p}`;
    else return single(vp);
  }
  if (parts.length >= 3) {
    const list = parts.map(germanPhrase).filter((p): p is string => p !== null);
    if (list.length === parts.length) return list;
  }
  return single(vp);
}

// single's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const singlePattern1 = /^(?:(?:regularly|frequently|immediately|promptly|always)\s+)?(\p{Ll}+(?:\s+(?:up|on|off|out|for|sure))?)$/iu;

const subordinate = /\s(?:so(?:\s+that)?|because|when|if|which|who|where|while)\s+(?:they|it|you|we|staff|users|employees|everyone)\s/iu;

function single(vp: string): string[] | null {
  // "Back up the logs and search the servers for web shells": one action, two verbs. "… tools to create … and to store
  // them": an "and to" after a purpose continues the purpose.
  const found = andVerb.exec(vp);
  // "… so they recognize and avoid phishing attempts": the second verb belongs to a clause of someone else's deeds.
  const inClause = found !== null && subordinate.test(vp.slice(0, found.index));
  const and = inClause || (found && /\sto\s*$/iu.test(found[0]) && /\sto\s+\p{Ll}+/u.test(vp.slice(0, found.index))) ? null : found;
  // "check and update the software": two verbs, one object; the first verb joins the second's.
  // "check, download and upgrade the firmware": three verbs, one object.
  const bareList = and ? vp.slice(0, and.index).trim().replace(/,$/u, '').split(/,\s+/u) : [];
  const bare = and ? singlePattern1.exec(bareList[0]!) : null;
  const rest = bareList.slice(1).map((v) => verbTable.get(v.toLowerCase()));
  const bareVerb = bare && !rest.some((v) => v === undefined || v.includes('…')) ? [verbTable.get(bare[1]!.toLowerCase()), ...rest].join(', ') : null;
  if (and && bareVerb) {
    const second = germanPhrase(vp.slice(and.index + and[0].length));
    const adverb = /^(?:regularly|frequently)\s/i.test(vp) ? 'Regelmäßig ' : /^(?:immediately|promptly)\s/i.test(vp) ? 'Sofort ' : '';
    if (second && !second.includes(',')) return [`${adverb}${second}`.replace(/(\S+)$/u, `${bareVerb} ${/^or$/i.test(and[1]!) ? 'oder' : 'und'} $1`)];
  }
  if (and) {
    const first = germanPhrase(vp.slice(0, and.index).replace(/,\s*$/u, ''));
    const second = germanPhrase(vp.slice(and.index + and[0].length));
    // Nouns keep their capital after "und"; a leading preposition or adverb does not ("… und auf Version 5 aktualisieren").
    if (first && second) {
      // A word the table writes in lower case ("unbekannte", "verdächtige") is lower case again after "und".
      const head = second.split(/\s/u)[0]!;
      const lower = /^(?:Auf|Nicht|Nur|Alle|Immer|Nie|Keine|Sofort|Regelmäßig|Manuell|Automatisch|Über|Von|Mit|Für|In|An|Durch|Umgehend|Schnellstmöglich|Die|Der|Das|Neueste|Aktuelle|Verfügbaren|Betroffene|Nichts)$/u.test(head) || (!germanNouns.has(head) && germanWords.has(head.toLowerCase()));
      const joined = lower ? `${second.charAt(0).toLowerCase()}${second.slice(1)}` : second;
      return [`${first} ${/^or$/i.test(and[1]!) ? 'oder' : 'und'} ${joined}`];
    }
    // "Verify that no accounts have been created … and rotate VPN secrets": a step the table can put in German stands
    // on its own when the other cannot.
    if (/^and$/i.test(and[1]!) && (first || second)) return [(first ?? second)!];
  }
  const one = germanPhrase(vp);
  return one ? [one] : null;
}

// The start of a verb phrase: a verb of the table, maybe after an adverb.
// "… recommends that all entities consider patching …": the deed considered is the step (phrases).
const verbStart = String.raw`(?=(?:(?:immediately|promptly|urgently|also|now|quickly)\s+)?(?:${anyVerb}|consider)\b)`;
const party = String.raw`(?:users|customers|admins|administrators|organi[sz]ations|operators|everyone|you|businesses|companies|owners|teams|staff|employees|colleagues|personnel|(?:team\s+)?members|(?:(?:health\s*care|public\s+health)\s+(?:and\s+public\s+health\s+)?)?(?:entities|providers)|practices|clinics|offices)`;
// "all affected customers", "users and administrators", "companies utilizing Cisco devices", "users of affected devices".
// "every company using Cisco devices", "each customer": one of them stands for all.
const oneParty = String.raw`(?:every|each|any)\s+(?:affected\s+)?(?:user|customer|admin|administrator|organi[sz]ation|operator|business|company|owner|team|practice)`;
const addressees = String.raw`(?:all\s+)?(?:its\s+|their\s+|affected\s+)?(?:(?:IT|network|system|security|firewall|server|device)\s+){0,2}(?:${party}|${oneParty})(?:\s+and\s+${party})?(?:\s+(?:still\s+)?(?:of|with|using|utilizing|running|who\s+(?:still\s+)?use|(?:that|who)\s+(?:still\s+)?(?:runs?|uses?|operates?))\s+[^,.;:]{1,60}?)?`;
// "A search box appears.", "Click OK.": the steps of an English how-to hold none of the longer function words.
const english = /\b(?:the|should|must|recommend\w*|users?|customers?|please|your|to|for|and|of|with|on|is|are|if|all|any|only|a|an|it|this|that|you|then|click|appears)\b/i;
const german = /(?<!\w)(?:der|die|das|den|dem|und|auf|mit|für|von|ist|sind|nicht|zu|im|bei|oder|ein|eine|Sie|Ihre?n?)\b/;
// Cue → the verb phrase after it; each run only on a sentence that holds one of the words every match contains
// (cue-words.ts).
const cues = [
  guardedExec(/\b(?:advise|advises|advised)\s+(?=\p{Ll}+ing\s)(.+)$/iu, ['advis']),
  // "Cisco recommended that users of Firepower devices apply available updates": whom, which of them, then the verb.
  guardedExec(new RegExp(`\\brecommend(?:s|ed)?\\s+that\\s+${addressees}\\s+(?:should\\s+)?(${verbStart}.+)$`, 'i'), ['recommend']),
  guardedExec(/\brecommend(?:s|ed)?\s+(?:that\s+)?(?:all\s+)?(?:users|customers|admins|administrators|organi[sz]ations|operators|you|everyone)?\s*(?:should\s+)?(?:to\s+)?(.+)$/i, ['recommend']),
  guardedExec(/\b(?:are|is)\s+(?:being\s+)?(?:strongly\s+)?(?:advised|urged|encouraged|recommended|asked|told|requested)\s+to\s+(.+)$/i, ['advised', 'urged', 'encouraged', 'recommended', 'asked', 'told', 'requested']),
  // "urge companies utilizing Cisco devices to …", "encourages users and administrators to …": whom, and which of them.
  guardedExec(new RegExp(`\\b(?:advises?|advised|advising|urges?|urged|urging|encourages?|encouraged|encouraging|asks?|asked|asking|reminds?|reminded|tells?|told|instructs?|instructed)\\s+${addressees}\\s+to\\s+(.+)$`, 'i'), ['advis', 'urg', 'encourag', 'ask', 'remind', 'tell', 'told', 'instruct']),
  // "It is absolutely critical that users of affected devices immediately apply …", "It is imperative that all customers upgrade …".
  guardedExec(new RegExp(`\\bit\\s+is\\s+(?:absolutely\\s+|highly\\s+|strongly\\s+)?(?:critical|imperative|essential|vital|important|crucial|recommended|advised)\\s+that\\s+${addressees}\\s+(?:should\\s+)?(${verbStart}.+)$`, 'i'), ['that']),
  guardedExec(/\b(?:advice|recommendations?|mitigations?|workaround)(?:\s+to\s+\w+)?:\s+(.+)$/i, ['advice', 'recommendation', 'mitigation', 'workaround']),
  // "It is just as important to keep …", "It is essential to back up …".
  guardedExec(/\b(?:it\s+is\s+(?:(?:strongly|just\s+as|equally|also|very|especially|particularly|extremely|critically)\s+)?(?:recommended|advised|advisable|important|essential|vital|crucial))\s+to\s+(.+)$/i, ['recommended', 'advis', 'important', 'essential', 'vital', 'crucial']),
  // "The only mitigation is to upgrade to the latest version": the remedy named as such.
  guardedExec(/\b(?:the\s+)?(?:only|best|recommended|simplest|primary|main)\s+(?:mitigation|fix|solution|remedy|workaround|defen[cs]e|protection)\s+is\s+to\s+(.+)$/i, ['mitigation', 'fix', 'solution', 'remedy', 'workaround', 'defen', 'protection']),
  // "Our advice is to update the devices right away."
  guardedExec(/\b(?:our|my|the)\s+(?:advice|recommendation|suggestion|tip)\s+is\s+to\s+(.+)$/i, ['advice', 'recommendation', 'suggestion', 'tip']),
];
// This and passiveAdvice's pattern match only where one of these words is.
const modalWords = ['should', 'must', 'need', 'has', 'have'];
const modal = guardedExec(/^(.*?)\b(?:should|must|need\s+to|needs\s+to|have\s+to|has\s+to)\s+(?!not\s+be\b)(.+)$/i, modalWords);
// "The manufacturer's setup instructions must always be followed": an adverb may stand before "be".
const passive = guardedExec(/^(.+?)\s+(?:should|must|needs?\s+to|has\s+to|have\s+to)\s+(?:(?:always|also|still|regularly|immediately|promptly)\s+)?(not\s+|never\s+)?be\s+(\p{Ll}+(?:ed|en|wn))\b\s*(.*?)[.!]?$/iu, modalWords);

/** Whether a sentence is English: its function words are, and no German one is there. */
export function looksEnglish(s: string): boolean {
  return !/[äöüßÄÖÜ]/.test(s) && !german.test(s) && english.test(s);
}

// The lead of an English list whose items are read in its light: a checklist of states the practice makes sure of
// ("make sure that the following security is in place:"), or things not to do ("You should not", "Don'ts:").
const checklistLead = /\b(?:make\s+sure|ensure|check|verify|confirm)\s+(?:that\s+)?(?:(?:all\s+of\s+)?the\s+following|these|each\s+of\s+the\s+following|all\s+of\s+these)\b[^.]*:$/iu;
const notToLead = /^(?:you\s+(?:should|must)\s+not|please\s+do\s+not|do\s+not|don['’]t|don['’]ts|avoid|never|what\s+(?:not\s+to\s+do|to\s+avoid))\s*:?$/iu;
const ownNegationOrModal = /\b(?:not|never|no|don['’]t|should|must|can|may|will)\b/iu;

/**
 * An item of an English list read in the light of its lead (`checklistLead`, `notToLead`): "• You have changed the
 * system's default password" under "make sure that the following is in place:" is "Standardpasswort ändern";
 * "• Leave devices unused" under "You should not" forbids it. null where the lead is none of these or the item does not
 * read so: it is then read as it stands.
 */
export function englishListItem(lead: string, item: string): string[] | null {
  const text = item.trim();
  if (!looksEnglish(text) && !capitalWordFirst.test(text)) return null;
  const lower = text.charAt(0).toLowerCase() + text.slice(1);
  if (checklistLead.test(lead.trim())) {
    const steps = understood(makeSure(`Make sure ${lower}`));
    return steps && steps.length > 0 ? steps : null;
  }
  if (notToLead.test(lead.trim()) && verbTable.has(text.split(/\s+/u)[0]!.toLowerCase()) && !ownNegationOrModal.test(text)) {
    const steps = englishActions(`Do not ${lower}`, true);
    return steps && steps.length > 0 ? steps : null;
  }
  return null;
}

/** English notices: "We recommend that users update …", "Customers should install …", imperatives ("Update to …"). */
export function englishActions(s: string, bullet = false): string[] | null {
  const whole = englishSentence(s, bullet);
  if ((whole && whole.length > 0) || !s.includes(": ")) return understood(whole);
  // "… and we pass the news on: if you own an affected device, install the update …": the instruction after a colon.
  // Not when the sentence itself starts with an instruction: what follows its colon is then how to do it.
  if (verbTable.has(s.split(/\s+/u)[0]!.toLowerCase())) return understood(whole);
  const after = s.slice(s.lastIndexOf(': ') + 2);
  return /^(?:if|when|once|please)\s|^\p{Ll}+\s+(?:the|your|all|any)\s/iu.test(after) ? understood(englishSentence(after.charAt(0).toUpperCase() + after.slice(1), bullet)) : null;
}

/**
 * Whether an English sentence gives advice whose every step `englishActions` leaves out as not understood: it is
 * still advice, and relevance (relevance.ts) counts it as such, though no step of it reaches the draft.
 */
export function adviceLeftOut(s: string, bullet = false): boolean {
  const steps = englishSentence(s, bullet);
  if (steps !== null && understood(steps)!.length > 0) return false;
  // Advice by its shape: an imperative of the table's verbs, or a cue ("We recommend …", "… are urged to …").
  const text = s.trim().replace(/^["“]/u, '');
  return verbTable.has(text.split(/\s+/u)[0]!.toLowerCase()) || cues.some((cue) => cue(text) !== null);
}

/**
 * Steps with two or more English words left in them ("WAN-Zugriff auf both deaktivieren und … instead verwenden",
 * "Some ältere Versionen … auf confirm die they gepatchten prüfen") were not understood: an editor would rewrite
 * them, so they are left out. Each piece was checked alone before; this checks the steps as they were joined.
 */
function understood(steps: string[] | null): string[] | null {
  return steps && steps.filter((step) => wordsLeftInEnglish(step) < 2);
}

/**
 * The English words left in a German step: lower-case words the rules do not write, and an English determiner in
 * front ("Every Anhang Sie receive …"). A label in quotes ("„Allow automatic installation of hotfixes“") is a name.
 */
const relativeLeft = /\S\s+Sie\s+\p{Ll}/u;
function wordsLeftInEnglish(step: string): number {
  const german = (w: string) => germanWords.has(w) || (w.endsWith('n') && germanWords.has(w.slice(0, -1)));
  const unquoted = step.replace(quoted, ' ');
  const leading = /^(?:Every|Each|Some|Any|Both|Such|This|These|Those)\s/u.test(step) ? 1 : 0;
  // An English function word ("both", "instead", "which") shows the sentence's frame was not understood: it counts
  // twice. A noun left as written may be a term.
  // "Nummern Sie know": an English relative clause without its pronoun ("numbers you know") left in the object.
  // "WHETHER" in capitals is not among the lower-case words counted below: it counts twice here.
  const frameWords = unquoted.match(englishLeft) ?? [];
  const frame = frameWords.length + frameWords.filter((w) => w === w.toUpperCase()).length + (relativeLeft.test(unquoted) ? 1 : 0);
  return [...unquoted.matchAll(untranslatedPattern1)].filter(([w]) => !german(w)).length + frame + leading;
}

// englishSentence's patterns, built once (see translate's).
// "Remind staff not to open attachments": the forbidden deed, as "to not open".
const notTo = /\b(not|never)\s+to\s+(?=\p{Ll}+\s)/giu;
// "HIPAA also requires that every member of staff is trained …": a duty put on the practice, as a passive of advice.
const requiredThat = /^[^,]*?\b(?:requires?|mandates?|demands?)\s+that\s+(.+?)\s+(?:is|are|be)\s+(?=\p{Ll}+(?:ed|en|wn)\b)/iu;

const askedOfStaff = /^(?:please\s+)?(?:encourage|ask)\s+(?:all\s+)?(?:your\s+|the\s+)?(?:staff|employees|users|colleagues|team\s+members|team|everyone|personnel)\s+(?:to\s+)(?=(?:not\s+|never\s+|always\s+)?\p{Ll}+\s)/iu;
const gerundRecommended = /^(\p{L}+ing)(?:\s*\/\s*\p{Ll}+ing)?\s+(.+?)\s+(?:is|are)\s+(?:(?:strongly|highly|therefore|also)\s+)*(?:recommended|advised|advisable|encouraged|essential)[.!]?$/u;
const staffLearn = /^((?:all\s+)?(?:your\s+|the\s+|practice\s+)?(?:staff|employees|team\s+members|users|personnel|colleagues))\s+(?:also\s+)?(?:should|must|need\s+to|needs\s+to)\s+(?:be\s+(?:able|taught|trained)\s+to|learn\s+(?:how\s+)?to|know\s+how\s+to)\s+(recogni[sz]e|spot|identify|detect|report|avoid)\s+/iu;

function englishSentence(s: string, bullet: boolean): string[] | null {
  if (/[äöüßÄÖÜ]/.test(s) || german.test(s)) return null;
  // A list item needs no function word to be English: "Keep regular offline backups."
  if (!english.test(s)) return bullet ? imperative(s) : null;
  // A quoted statement: what is inside the quotes.
  // "…," a spokesperson told BleepingComputer; "…, the company said in an advisory": who said it goes.
  const text = s
    .replace(/^["“„]/, '')
    .replace(notTo, (m, no: string) => `to ${no.toLowerCase()} `)
    // "attachments that come from unknown senders": where they come from.
    .replace(/\s+(?:that|which)\s+(?:come|comes|arrive|arrives)\s+from\s+/giu, ' from ')
    // "Encourage staff to report suspicious emails", "Ask everyone to lock their screens": the deed asked of them. A
    // reminder or an instruction keeps its verb (englishSentence's callers).
    .replace(askedOfStaff, '')
    // "Updating/patching the product is recommended": the deed recommended, as an imperative.
    .replace(gerundRecommended, (m, gerund: string, object: string) => `${capitalize(gerundVerb(gerund.toLowerCase()))} ${object}`)
    // "turn SMBv3 compression off [4]": a footnote's number is no word of the step.
    .replace(/\s*\[\d{1,3}\]/gu, '')
    // "Staff should learn how to recognise phishing emails": what staff must be able to do, they are trained in.
    .replace(staffLearn, (m, who: string, skill: string) => `Train ${who} to ${skill} `)
    // "Put an account lockout policy in place": to put in place is to introduce.
    .replace(/^(put|have)\s+(.+?)\s+in\s+place\b/iu, (m, v: string) => `${v === v.toLowerCase() ? 'i' : 'I'}mplement ${m.replace(/^(?:put|have)\s+/iu, '').replace(/\s+in\s+place$/iu, '')}`)
    // "Disable the service and, until further notice, limit …": a time between "and" and its verb hides the second step.
    .replace(/\s+and,\s+until\s+further\s+notice,\s+/giu, ' and ')
    // "Test your recovery before you need it": when the step will be needed is no condition of it.
    .replace(/\s+(?:before|until)\s+(?:you|they|we)\s+(?:need|use)\s+(?:it|them)\b/giu, '')
    // "Mandate an immediate update to Fireware OS for all appliances": a manager's order to update is the update.
    .replace(/\bas\s+soon\s+as\s+(?:you|they|we|admins|administrators|users)\s+can\b/giu, 'as soon as possible')
    // "patched against this critical vulnerability": what the patch is against is the notice's subject, not the step's.
    .replace(/\s+against\s+(?:this|the|these|that)\s+(?:[\w-]+\s+){0,3}?(?:vulnerabilit(?:y|ies)|flaws?|issues?|bugs?|exploits?|attacks?|threats?)\b/giu, '')
    // "It is recommended that Fortinet firewalls be patched …": the subjunctive passive is the passive of advice.
    // "If your office has a PACS, it is vital that the computers hosting it are properly secured": a condition may lead,
    // and the indicative stands for the subjunctive.
    .replace(/^(?:(?:if|when|where)\s[^,]{3,120},\s+)?it\s+is\s+(?:strongly\s+|highly\s+)?(?:recommended|advised|essential|important|critical|imperative|vital)\s+that\s+(.+?)\s+(?:be|is|are)\s+(?=(?:(?:properly|correctly|always|regularly|fully)\s+)?\p{Ll}+(?:ed|en|wn)\b)/iu, '$1 should be ')
    .replace(requiredThat, '$1 should be ')
    .replace(/^(?:mandate|require|schedule|perform|initiate)\s+(?:an?\s+)?(?:(immediate|urgent|prompt)\s+)?(?:update|upgrade)\s+(?:to|of)\s+/iu, (_m, now: string | undefined) => (now ? 'Immediately update ' : 'Update '))
    // "All that to say, if you're still using …, upgrade …": a phrase that sums up goes.
    .replace(/^(?:all\s+that\s+to\s+say|in\s+short|in\s+summary|to\s+sum\s+up|bottom\s+line|that\s+said|in\s+other\s+words|the\s+bottom\s+line\s+is|(?:so,?\s+)?as\s+always)\s*[,:]\s+/iu, '')
    .replace(/[,.]?["”“]\s*(?:,|the\s+\w+\s+(?:reads|says)|[^"”“]{0,60}?\b(?:said|says|told|wrote|added|explained|stated|noted|warned)\b).*$/i, '')
    .replace(/,\s+(?:the\s+|a\s+)?[^,"”“]{1,60}?\s(?:said|says|told|wrote|added|explained|stated|noted|warned)\b[^,]*[.!]?$/i, '')
    .trim();
  for (const cue of cues) {
    const m = cue(text);
    if (!m) continue;
    const vp = withThing(m[1]!.replace(/^(?:immediately\s+)?/i, ''), text);
    // "The FBI does not recommend paying a ransom": what is advised against is a step with "nicht".
    if (/\b(?:do(?:es)?\s+not|don't|doesn't|never|not)\s+(?:recommend|advise)/i.test(text)) {
      return phrases(`not ${gerundVerb(vp)}`);
    }
    return phrases(vp);
  }
  const passive = passiveAdvice(text);
  if (passive) return [passive];
  const m = modal(text);
  if (m) {
    // "Users of X will need to update": the future says nothing of who.
    const subject = m[1]!.trim().replace(/\s+(?:will|would|may|might)$/iu, '');
    if (subject === '' || /\b(?:we|it|this|that|there|they|he|she|attackers?|hackers?|company|vendor)\s*$/i.test(subject)) return null;
    if (/\bnot\s+need\b|\bdo\s+not\s+need\b/i.test(text)) return null;
    // "Admins who have not installed the May updates should do so immediately": the deed is in the subject.
    const so = /^do\s+(?:so|this|it)\b(.*)$/i.exec(m[2]!);
    if (so) {
      // "Dental practices that have not yet moved to Windows 11 should do so": "that" or "which" as well.
      const who = /\b(?:who|that|which)\s+(?:have|has)(?:\s+not|n't)\s+(?:yet\s+)?(\w+)\s+(.+)$/i.exec(subject);
      // "moved to Windows 11", "migrated to …": to a newer release is an update.
      // Moved, migrated or switched to a release is an update; moving something else is none.
      const moved = who !== null && /^(?:moved|migrated|switched)$/i.test(who[1]!);
      const verb = who && (moved ? (/^to\s/i.test(who[2]!) ? 'aktualisieren' : undefined) : pastForms.get(who[1]!.toLowerCase()));
      if (!verb) return null;
      return [capitalize(`${translate(who![2]!)}${translate(so[1]!.replace(/[.;].*$/, '')) ? ` ${translate(so[1]!.replace(/[.;].*$/, ''))}` : ''} ${verb}`)];
    }
    const deed = withThing(m[2]!, text);
    const list = phrases(deed);
    if (!list) return null;
    // "Users of older versions of X have to upgrade …": the users' qualifier says where.
    const of = /^(?:all\s+)?(?:users|customers|admins|administrators|organi[sz]ations|operators)\s+(?:of|with|running|using)\s+(.+)$/i.exec(subject);
    // "bei" takes the dative: "bei älteren Versionen".
    const whose = of ? translate(of[1]!).replace(/(?<!\p{L})(\p{Ll}+e)\s+(?=\p{Lu})/gu, '$1n ') : '';
    return of && deed === m[2] ? list.map((a) => `${a} (bei ${whose})`) : list;
  }
  return imperative(text);
}

// "Organisations that run Sophos XG firewalls should patch right away": an update without an object updates what the
// addressees run.
const objectless = /^(patch|update|upgrade)(?=(?:\s+(?:right\s+away|immediately|now|promptly|as\s+soon\s+as\s+possible|without\s+delay|urgently|quickly))?(?:\s+(?:and|to\s+(?!the\b|a\b|version\b|v?\d))\s.*)?[.!]?$)/iu;
const whatTheyRun = /\b(?:(?:that|who)\s+(?:still\s+)?(?:runs?|uses?|operates?)|running|using|utili[sz]ing|(?:users|customers|owners|admins|administrators|operators)\s+of)\s+((?:(?!to\s|should\s|must\s|and\s)[\w./-]+\s+){0,4}?[\w./-]+)\s+(?:to|should|must|need\s+to|needs\s+to|have\s+to|are|is)\s/iu;
function withThing(vp: string, text: string): string {
  if (!objectless.test(vp.trim())) return vp;
  const thing = whatTheyRun.exec(text)?.[1];
  return thing ? vp.trim().replace(objectless, `$1 ${thing}`) : vp;
}

// passiveAdvice's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const finiteLeft = /(?<!\p{L})(?:ist|sind|wird|werden)(?!\p{L})/u;
const subordinateClause = /,\s+(?:falls|wenn|sofern|sobald|solange|dass|ob|bevor|nachdem|bis|die|der|das|welche\p{L}*)\s[^,]*/gu;
const passiveAdvicePattern1 = /(?<![\p{L}-])\p{Ll}{2,}ing(?!\p{L})/u;

// "A QNAP NAS should not be connected directly to the internet" → "QNAP NAS nicht direkt mit dem Internet verbinden".
function passiveAdvice(text: string): string | null {
  const p = passive(text);
  // "The firmware upgrade should be carried out as soon as possible": a verb with its particle after the participle.
  const particle = p && !pastForms.has(p[3]!.toLowerCase()) ? /^(out|up|off|on|down)(?:\s+|$)/iu.exec(p[4]!) : null;
  const verb = p && (particle ? phrasalPast.get(`${p[3]!.toLowerCase()} ${particle[1]!.toLowerCase()}`) : pastForms.get(p[3]!.toLowerCase()));
  if (!p || !verb) return null;
  if (particle) p[4] = p[4]!.slice(particle[0].length);
  // What the notice says of the flaw or of the attackers is no advice.
  if (/^(?:it|this|that|they|there|these|those)$|vulnerab|flaw|issue|bug|attack|exploit|patch\b|fix\b|update\b/i.test(p[1]!.trim())) return null;
  const german = [translate(p[1]!), p[2] ? translate(p[2]!.trim()) : '', translate(p[4]!.split(/,\s/)[0]!), verb].filter(Boolean).join(' ');
  // "… are properly configured and security features are enabled": a second clause left finite is not understood.
  return passiveAdvicePattern1.test(german) || halfEnglish(german) || finiteLeft.test(german.replace(subordinateClause, '')) ? null : capitalize(german);
}

// imperative's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const imperativePattern1 = /^(?:if|when|until|where|once|after|before|while|to|in\s+order\s+to)\s[^,]{3,100},\s+(?=\p{Ll})/iu;
const imperativePattern2 = /^\p{Ll}/u;
// "Consider replacing end-of-life devices": the deed considered is the step.
const consideredDeed = /^(?:please\s+)?consider\s+(?=\p{Ll}+ing\s)/iu;

// An imperative sentence or list item: "Update the gematik Authenticator to version 4.16.0 or later."; a condition in
// front ("If you cannot patch immediately, disable …") does not hide it.
// "Update and stay current", "Stay up to date": keeping current is the step, with no object named.
const stayCurrent = /^(?:(update|upgrade|patch)\s+and\s+)?stay\s+(?:current|up[\s-]to[\s-]date)[.!]?$/iu;

// "Multifactor Authentication (MFA): Turn on MFA …", "SSLVPN access: allow SSLVPN only …": a label of a few words,
// in any case and with an abbreviation in brackets, before an instruction that starts with a verb of the table.
// A label that is an instruction itself ("Enable MFA: require it for …") is left to the rule below.
const labelBeforeVerb = new RegExp(String.raw`^(?!(?:${anyVerb})\s)[\p{Lu}\d][\p{L}\d/&-]*(?:\s+(?:[\p{L}\d/&-]+|\([^)]{1,25}\))){0,4}:\s+(?=(?:${anyVerb})\s)`, 'iu');
const leadingAdverb = /^(?:only|never|always|no longer|do not|don't|immediately|promptly|urgently|temporarily|regularly|carefully)\s+/i;
// Only these: "Sign in to QTS", "Look for …" and "Write down the model name" explain how to do another step.
const phrasalVerbs = ['pass on', 'speak with', 'talk to', 'bring in', 'skimp on', 'log out of', 'sign out of', 'pay particular attention to', 'pay special attention to', 'pay close attention to', 'sign up for', 'keep track of', 'remain vigilant for', 'stay vigilant for', 'stay alert to', 'stay alert for', 'remain alert to', 'remain alert for', 'prepare for', 'refrain from', 'be suspicious of', 'be skeptical of', 'be aware of', 'keep an eye on', 'get rid of', 'look into', 'dispose of', 'hover over', 'take special care with', 'take care with', 'be careful with', 'be cautious with', 'be careful about', 'be wary of', 'beware of', 'watch out for', 'look out for', 'pay attention to', 'watch for', 'be alert to', 'be on the lookout for', 'work through', 'roll out', 'reach out to'];

function imperative(text: string): string[] | null {
  const current = stayCurrent.exec(text.trim());
  if (current) return [current[1] ? 'Updates einspielen und auf dem aktuellen Stand bleiben' : 'Auf dem aktuellen Stand bleiben'];
  const considered = consideredDeed.exec(text.trim());
  if (considered) text = capitalize(gerundVerb(text.trim().slice(considered[0].length)));
  // "Network Isolation: Temporarily isolate the affected devices": a list item's label goes; so does one that is a
  // short instruction itself ("Update firmware: Update your device to …"), where the sentence after it says it in full.
  // Only a text with a colon can carry a label (the pattern of all verbs is long: it runs only there).
  const labelled = (text.includes(': ') ? text.replace(labelBeforeVerb, '') : text).replace(/^(?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*:\s+(?=\p{L})|^\p{Lu}\p{Ll}+(?:\s+[\p{L}-]+){0,2}:\s+(?=\p{Lu}\p{Ll}+\s)/u, '').replace(imperativePattern1, '').replace(/^(?:please|also)\s+/i, '').replace(imperativePattern2, (c) => c.toUpperCase());
  // "If your practice lacks the skills, please consider bringing in …": the deed considered, after a condition too.
  const consideredLater = consideredDeed.exec(labelled);
  const t = verbFirst(consideredLater ? capitalize(gerundVerb(labelled.slice(consideredLater[0].length))) : labelled);
  const first = /^(?:only\s+|never\s+|always\s+|no longer\s+|do not\s+|don't\s+|immediately\s+|promptly\s+|urgently\s+|temporarily\s+|regularly\s+|carefully\s+)?(\w+(?:\s+(?:up|on|off|out|for|to|sure))?)(?:,(?=\s+\p{Ll}+(?:,|\s+(?:and|or)\s)))?\s+(\S+)/iu.exec(t);
  if (!first || !/^[A-Z]/.test(t)) return null;
  const head = first[1]!.toLowerCase();
  // A verb of several words ("take special care with", "watch out for") is found by the start of the sentence.
  const bare = t.replace(leadingAdverb, '').toLowerCase();
  const phrasal = phrasalVerbs.some((en) => bare.startsWith(`${en} `));
  if (!verbTable.has(head) && !verbTable.has(head.split(' ')[0]!) && !phrasal) return null;
  // "Update is available", "Update for Exchange": a noun, not an imperative. "Update and patch all systems": two verbs.
  const twoVerbs = /^(?:and|or)$/i.test(first[2]!) && verbTable.has((/^\S+\s+(?:and|or)\s+(\p{L}+)\s+\S/u.exec(bare)?.[1] ?? '').toLowerCase());
  // A number is a version ("Update 5.2 is out"); "Use 2FA" names a thing.
  if (!phrasal && !twoVerbs && /^(?:is|was|are|were|has|have|had|of|for|and|or|available|released|now|can|will|\d[\d.,]*(?!\p{L}))/iu.test(first[2]!)) return null;
  if (/^make sure\b/i.test(t)) return makeSure(t);
  // "Check out these instructions …": a pointer to a page, not a step.
  if (/^check\s+out\b/i.test(t)) return null;
  // "Temporarily isolate …", "Regularly review …": the adverb leads the German step.
  const how = /^(temporarily|regularly|carefully)\s+/i.exec(t);
  if (how) {
    const adverb = ({ temporarily: 'Vorübergehend', regularly: 'Regelmäßig', carefully: 'Sorgfältig' } as Record<string, string>)[how[1]!.toLowerCase()]!;
    const rest = phrases(capitalize(t.slice(how[0].length)));
    return rest?.map((step) => `${adverb} ${/^(?:Die|Der|Das|Den|Alle|Betroffene|Verfügbare|Neue|Nicht|Nur)\s/u.test(step) ? step.charAt(0).toLowerCase() + step.slice(1) : step}`) ?? null;
  }
  return phrases(t);
}

// "Make sure you are using the latest version of X" → "Auf die neueste Version von X aktualisieren".
// "Make sure your backups are tested regularly", "… have been briefed on …": the passive of advice, whose German is the
// deed itself ("Backups regelmäßig testen"), not a clause in English order.
const surePassive = /^make\s+sure\s+(?:that\s+)?(.+?)\s+(?:is|are|gets|get|has\s+been|have\s+been)\s+(\p{Ll}+(?:ed|en|wn))\b(.*)$/iu;

const haveDone = /^make\s+sure\s+(?:that\s+)?(.+?)\s+(?:have|has)\s+(.+?)\s+(installed|enabled|applied|configured|activated|updated)\b/iu;
// The German of what someone has or knows, for "make sure X has Y"; "…" is where the object goes.
const sureVerbs: Record<string, string> = {
  gets: 'erhält', receives: 'erhält', get: 'erhalten', receive: 'erhalten', has: 'hat', have: 'haben', knows: 'kennt', know: 'kennen',
  'knows about': 'über … Bescheid weiß', 'know about': 'über … Bescheid wissen', understands: 'versteht', understand: 'verstehen',
};

function makeSure(sentence: string): string[] | null {
  // "Make sure all computers have the latest updates installed": the updates are installed on them.
  const t = sentence.replace(haveDone, (m, subject: string, object: string, done: string) => `Make sure ${object} are ${done} on ${subject}`);
  const passive = surePassive.exec(t.replace(/[.!]$/u, ''));
  const asPassive = passive && pastForms.has(passive[2]!.toLowerCase()) ? passiveAdvice(`${passive[1]} should be ${passive[2]}${passive[3]}`) : null;
  if (asPassive) return [asPassive];
  // "Make sure to apply the patch": the deed itself.
  const to = /^make\s+sure\s+to\s+(.+)$/iu.exec(t);
  if (to) return phrases(to[1]!.replace(/[.!]$/u, ''));
  const using = /^make sure\s+(?:that\s+)?(?:you|all\s+\w+)\s+(?:are\s+)?(?:using|running|have\s+installed|use|run)\s+(?:the\s+)?(latest|newest|current)\s+(.+)$/i.exec(t);
  if (using) return [capitalize(`Auf ${translate(`${using[1]} ${using[2]}`.replace(/[.!]$/, ''))} aktualisieren`)];
  // "Make sure (that) you have changed the default password", "… you monitor the log files": the reader's own deed.
  const yours = /^make\s+sure\s+(?:that\s+)?you\s+(?:have\s+(?:already\s+)?(\p{Ll}+(?:ed|en|wn))|(\p{Ll}+(?:\s+(?:up|on|off|out|for|to))?))\s+(.+)$/iu.exec(t);
  const yourVerb = yours && (yours[1] ? baseOf.get(yours[1].toLowerCase()) : verbTable.has(yours[2]!.toLowerCase()) ? yours[2]!.toLowerCase() : undefined);
  if (yours && yourVerb) return phrases(`${yourVerb} ${yours[3]!.replace(/[.!]$/u, '')}`);
  // "Make sure you can restore your backups": that they can be restored ("dass sich Backups wiederherstellen lassen").
  const can = /^make\s+sure\s+(?:that\s+)?(?:you|they|we|staff|(?:the|your)\s+(?:practice|team|staff))\s+can\s+(?:(?:actually|always|still|quickly|reliably)\s+)?(\p{Ll}+)\s+(.+?)(?:\s+(?:if|when|in\s+case|should|after|before|once)\s.*)?[.!]?$/iu.exec(t);
  const canVerb = can && verbTable.get(can[1]!.toLowerCase());
  if (can && canVerb && !canVerb.includes('…')) {
    const object = translate(can[2]!);
    const many = /(?:s|data)$/iu.test(can[2]!.trim().split(/\s+/u)[0]!) || /(?:s|data)$/iu.test(can[2]!.trim());
    const german = `Sicherstellen, dass sich ${object} ${canVerb} ${many ? 'lassen' : 'lässt'}`;
    return wordsLeftInEnglish(german) > 0 || halfEnglish(german) ? null : [german];
  }
  // "Make sure the system gets automatic updates", "… your staff know about phishing": a verb of having or knowing,
  // put last.
  const having = /^make\s+sure\s+(?:that\s+)?((?:(?:the|your|all|every|each)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)\s+(gets|get|receives|receive|has|have|knows\s+about|know\s+about|knows|know|understands|understand)\s+(.+?)[.!]?$/iu.exec(t);
  // A subject in the singular would need its German article ("dass das System …"), which the table does not know.
  if (having && /^(?:gets|receives|has|knows|understands)/iu.test(having[2]!)) return null;
  if (having) {
    const verb = sureVerbs[having[2]!.toLowerCase().replace(/\s+/gu, ' ')]!;
    const [subject, object] = [translate(having[1]!), translate(having[3]!)];
    const german = verb.includes('…') ? `Sicherstellen, dass ${subject} ${verb.replace('…', object)}` : `Sicherstellen, dass ${subject} ${object} ${verb}`;
    return wordsLeftInEnglish(german) > 0 || halfEnglish(german) || leftInEnglish(`${subject} ${object}`) ? null : [german];
  }
  const rest = /^make sure\s+(?:that\s+)?(.+)$/i.exec(t);
  // "Make sure your backups are tested" → "Sicherstellen, dass Backups getestet sind": the verb goes last, and every
  // word must have been carried over.
  const clause = rest ? translate(rest[1]!.replace(/[.!]$/, '')).replace(/^(.+?)\s+(ist|sind)\s+(?!(?:nicht\s+)?(?:ist|sind)\b)(.+)$/u, '$1 $3 $2') : null;
  const german = clause && !leftInEnglish(clause) ? `Sicherstellen, dass ${clause}` : null;
  return german && !halfEnglish(german) && germanOrder(german.replace(/\s*\([^)]*\)\s*$/u, '')) ? [capitalize(german)] : null;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
