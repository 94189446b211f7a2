/**
 * The consent an IT service firm gives when it signs up; stored by version (with the time), like a practice's
 * (see src/practices/consent.ts): a changed text needs a new version id.
 */
export const firmConsentVersion = 'dienstleister-2026-12-v1';

export const firmConsentText =
  'Ich willige ein, dass praxiswarn den Namen unseres Unternehmens und die E-Mail-Adresse speichert, um uns die ' +
  'Sicherheitswarnungen und offenen Maßnahmen der Praxen zu zeigen und zu senden, die uns dazu eingeladen haben. ' +
  'Jede Praxis kann den Zugriff jederzeit beenden; wir können uns jederzeit über den Abmeldelink in jeder E-Mail ' +
  'abmelden. Unbestätigte Anmeldungen werden nach 7 Tagen ungültig. Es gibt keine Werbung und keine Weitergabe an Dritte.';
