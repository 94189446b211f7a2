import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories as advisoriesTable } from '../advisories/advisories.table.js';
import { matchedAdvisories, type MatchedAdvisory } from '../practices/acknowledgements.repository.js';
import { impactAnswersOf, type ImpactAnswerRow } from '../practices/answers.repository.js';
import { byUrgency, urgencyOf, type Urgency } from '../notify/urgency.js';
import { practicesOfFirm } from './firms.repository.js';

/** One practice's advisory with actions still open, as the firm's page lists it. */
export type OpenItem = {
  practice: { id: number; name: string };
  advisory: MatchedAdvisory;
  open: MatchedAdvisory['actions'];
  urgency: Urgency;
  answer: ImpactAnswerRow | undefined;
};

export type FirmSort = 'dringlichkeit' | 'praxis';

/**
 * Everything open for the firm: per practice it looks after, the matched advisories (published or archived) with
 * actions not yet ticked, unless the practice (or the firm) answered "nicht betroffen". Sorted most urgent first, or
 * by practice name and then by urgency; newest first within the same urgency.
 */
export function firmOverview(db: Db, firmId: number, sort: FirmSort): { practices: { id: number; name: string }[]; items: OpenItem[] } {
  const list = practicesOfFirm(db, firmId);
  const perPractice = list.map((practice) => ({ practice, advisories: matchedAdvisories(db, practice.id).filter((a) => a.status === 'published' || a.status === 'archive') }));
  const exploited = exploitedAmong(db, [...new Set(perPractice.flatMap((p) => p.advisories.map((a) => a.id)))]);
  const items = perPractice.flatMap(({ practice, advisories }) => {
    const answers = impactAnswersOf(db, practice.id, advisories.map((a) => a.id));
    return advisories.flatMap((advisory): OpenItem[] => {
      const open = advisory.allDone ? [] : advisory.actions.filter((x) => !x.done);
      const answer = answers.get(advisory.id);
      if (open.length === 0 || answer?.answer === 'nicht_betroffen') return [];
      return [{ practice, advisory, open, urgency: urgencyOf({ severity: advisory.severity, hasActions: advisory.actions.length > 0, exploited: exploited.has(advisory.id) }), answer }];
    });
  });
  const newest = (a: OpenItem, b: OpenItem) => b.advisory.matchedAt.getTime() - a.advisory.matchedAt.getTime();
  const byPractice = (a: OpenItem, b: OpenItem) => a.practice.name.localeCompare(b.practice.name, 'de') || a.practice.id - b.practice.id;
  items.sort(sort === 'praxis' ? (a, b) => byPractice(a, b) || byUrgency(a.urgency, b.urgency) || newest(a, b) : (a, b) => byUrgency(a.urgency, b.urgency) || newest(a, b) || byPractice(a, b));
  return { practices: list, items };
}

function exploitedAmong(db: Db, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db.select({ id: advisoriesTable.id }).from(advisoriesTable).where(and(inArray(advisoriesTable.id, ids), eq(advisoriesTable.exploited, true))).all();
  return new Set(rows.map((r) => r.id));
}
