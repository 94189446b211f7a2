import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Severity } from '../advisories/advisories.table.js';
import { advisories, advisoryActions } from '../advisories/advisories.table.js';
import { dialectOf, type Db } from '../db/client.js';
import { firms } from '../firms/firms.table.js';
import { allActions } from './acknowledgements.repository.js';
import type { EvidencePeriod } from './evidence-period.js';
import { acknowledgements, impactAnswers, type ImpactAnswer, type ImpactReason } from './practices.table.js';

export type EvidenceAction = { position: number; text: string; doneAt: Date | null; doneBy: string | null };

export type EvidenceItem = {
  advisoryId: number;
  title: string;
  severity: Severity;
  /** The first mail about it that reached the practice (or its deputy), whenever that was. */
  firstMailAt: Date;
  /** Every mail about it went to the practice's deputy during a closing period. */
  viaDeputy: boolean;
  answer: { answer: ImpactAnswer; reason: ImpactReason | null; version: string | null; answeredAt: Date; by: string | null } | null;
  actions: EvidenceAction[];
};

// The mails that carry a security warning to a practice: the alert itself, its updates and reminders, the digest
// that lists it and the mail of held warnings after a closing period. Welcome and outage mails are not counted.
const warningKinds = ['alert', 'update', 'reminder', 'digest', 'held'];

type MailRow = { advisoryId: number; sentAt: number; recipient: string | null };

/**
 * The warnings of one practice for its Nachweis: those about which a mail reached it in the period, plus those it
 * answered or ticked an action of in the period (work on an older warning belongs to the period it was done in).
 * Oldest first; TI outage notices are left out, they are not security warnings.
 */
export function evidenceItems(db: Db, practiceId: number, period: EvidencePeriod): EvidenceItem[] {
  const kinds = warningKinds.map(() => '?').join(',');
  // A digest lists its advisories in a JSON array; each becomes a row of its own. The one statement that needs the
  // JSON functions of its dialect.
  const listed =
    dialectOf(db) === 'postgres'
      ? `left join lateral jsonb_array_elements_text(case when d.advisory_id is null then d.advisory_ids end) j(value) on true`
      : `left join json_each(case when d.advisory_id is null then d.advisory_ids end) j`;
  const mails = db.$client
    .prepare(
      `select coalesce(d.advisory_id, cast(j.value as bigint)) as "advisoryId", d.sent_at as "sentAt", d.recipient as recipient
       from deliveries d ${listed}
       where d.practice_id = ? and d.status = 'sent' and d.sent_at is not null and d.kind in (${kinds})`,
    )
    .all(practiceId, ...warningKinds) as MailRow[];
  const from = period.from.getTime();
  const to = period.to.getTime();
  const inPeriod = (t: Date | number) => +t >= from && +t < to;

  const byAdvisory = new Map<number, MailRow[]>();
  for (const m of mails) if (m.advisoryId !== null) byAdvisory.set(Number(m.advisoryId), [...(byAdvisory.get(Number(m.advisoryId)) ?? []), m]);
  const ids = [...byAdvisory.keys()];
  if (ids.length === 0) return [];

  const answers = db.select().from(impactAnswers).where(and(eq(impactAnswers.practiceId, practiceId), inArray(impactAnswers.advisoryId, ids))).all();
  const acks = db.select().from(acknowledgements).where(and(eq(acknowledgements.practiceId, practiceId), inArray(acknowledgements.advisoryId, ids))).all();
  const chosen = ids.filter(
    (id) =>
      byAdvisory.get(id)!.some((m) => inPeriod(m.sentAt)) ||
      answers.some((a) => a.advisoryId === id && inPeriod(a.answeredAt)) ||
      acks.some((a) => a.advisoryId === id && inPeriod(a.createdAt)),
  );
  if (chosen.length === 0) return [];

  const firmNames = firmNamesOf(db, [...answers.map((a) => a.firmId), ...acks.map((a) => a.firmId)]);
  const rows = db
    .select({ id: advisories.id, title: advisories.title, severity: advisories.severity, category: advisories.category })
    .from(advisories)
    .where(inArray(advisories.id, chosen))
    .all()
    .filter((a) => a.category !== 'ti_outage');
  const actions = db.select().from(advisoryActions).where(inArray(advisoryActions.advisoryId, chosen)).orderBy(asc(advisoryActions.position)).all();

  const items = rows.map((a): EvidenceItem => {
    const own = byAdvisory.get(a.id)!;
    const answer = answers.find((x) => x.advisoryId === a.id);
    const ticks = acks.filter((x) => x.advisoryId === a.id);
    const all = ticks.find((x) => x.actionPosition === allActions);
    const by = (t: { doneBy: string | null; firmId: number | null } | undefined) => (t ? (t.doneBy ?? (t.firmId !== null ? (firmNames.get(t.firmId) ?? null) : null)) : null);
    return {
      advisoryId: a.id,
      title: a.title,
      severity: a.severity,
      firstMailAt: new Date(Math.min(...own.map((m) => m.sentAt))),
      viaDeputy: own.every((m) => m.recipient !== null),
      answer: answer ? { answer: answer.answer, reason: answer.reason, version: answer.version, answeredAt: answer.answeredAt, by: answer.firmId !== null ? (firmNames.get(answer.firmId) ?? null) : null } : null,
      actions: actions
        .filter((x) => x.advisoryId === a.id)
        .map((x) => {
          // A single tick counts before the "alle erledigt" one: it was earlier, and may name someone else.
          const tick = ticks.find((t) => t.actionPosition === x.position) ?? all;
          return { position: x.position, text: x.text, doneAt: tick?.createdAt ?? null, doneBy: by(tick) };
        }),
    };
  });
  return items.sort((x, y) => x.firstMailAt.getTime() - y.firstMailAt.getTime() || x.advisoryId - y.advisoryId);
}

function firmNamesOf(db: Db, ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map(db.select({ id: firms.id, name: firms.name }).from(firms).where(inArray(firms.id, wanted)).all().map((f) => [f.id, f.name]));
}
