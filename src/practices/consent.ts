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
