/**
 * The consent a practice gives when it subscribes. The version is stored with every sign-up (with time and IP
 * address), so a changed text needs a new version id and the old wording stays provable from the git history.
 */
export const consentVersion = 'einwilligung-2026-11-v1';

export const consentText =
  'Ich willige ein, dass praxiswarn den Namen der Praxis, die E-Mail-Adresse(n) und die gewählten Produkte speichert, ' +
  'um der Praxis passende Sicherheitswarnungen per E-Mail zu senden. Zum Nachweis der Einwilligung werden Zeitpunkt ' +
  'und IP-Adresse der Anmeldung gespeichert. Die Einwilligung kann ich jederzeit über den Abmeldelink in jeder E-Mail ' +
  'widerrufen; über den Verwaltungslink kann ich alle Daten ansehen, herunterladen und löschen. Unbestätigte Anmeldungen ' +
  'werden nach 7 Tagen gelöscht. Es gibt keine Werbung und keine Weitergabe an Dritte.';

const monthYear = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The version as a reader understands it ("Stand: November 2026"; a second wording of the same month adds
 * "Fassung 2"); the id itself is what is stored and exported.
 */
export function consentVersionLabel(version: string = consentVersion): string {
  const m = /^einwilligung-(\d{4})-(\d{2})-v(\d+)$/.exec(version);
  if (!m) return version;
  const month = monthYear.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  return `Stand: ${month}${m[3] === '1' ? '' : `, Fassung ${m[3]}`}`;
}
