import type { Severity } from '../advisories/advisories.table.js';

// `unbekannt` counts as `mittel`: a practice that only wants serious warnings should not miss an unrated one that is.
export const severityRank: Record<Severity, number> = { niedrig: 1, unbekannt: 2, mittel: 2, hoch: 3, kritisch: 4 };

export const severityOrder: Severity[] = ['kritisch', 'hoch', 'mittel', 'niedrig', 'unbekannt'];
