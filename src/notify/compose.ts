import type { Db } from '../db/client.js';
import type { Practice } from '../practices/practices.repository.js';
import { signAckToken, signAnswerToken, signExpiringLinkToken, signLinkToken, type AnswerChoice } from '../practices/links.js';
import { unconfirmedRetentionMs } from '../practices/preferences.repository.js';
import { describeSubscriptions } from '../practices/subscription-summary.js';
import { cachedAdvisoryView, coveredProductIds, renderAlertFor, type RenderSession } from './alert-cache.js';
import { answerUrlsOf } from './alert-data.js';
import type { deliveries, DeliveryKind } from './deliveries.table.js';
import type { DeliverySettings } from './settings.js';
import type { RenderedMail } from './templates/alert.js';
import { getAdvisory } from '../advisories/advisories.repository.js';
import { loadAdvisoryView, revisionChanges, type AdvisoryView } from './advisory-view.js';
import type { AckUrls } from './templates/actions.js';
import { renderDigest } from './templates/digest.js';
import type { FooterData } from './templates/footer.js';
import { renderReminder } from './templates/reminder.js';
import { renderUpdate } from './templates/update.js';
import { renderAccess, renderConfirm } from './templates/confirm.js';
import { renderWelcome } from './templates/welcome.js';
import { openAdvisories } from './welcome.js';
import { impactAnswerOf } from '../practices/answers.repository.js';
import { absenceComposers } from './absence-compose.js';
import { outageComposers } from './outage-compose.js';
import { absenceForDeputy } from '../practices/absences.repository.js';
import { firstDayBackAt } from '../practices/absence-days.js';

export type Delivery = typeof deliveries.$inferSelect;

/** The links every mail to a practice carries: manage (signed, no password) and one-click unsubscribe. */
export type PracticeLinks = { unsubscribeUrl: string; manageUrl: string };

/** A practice's links in a mail: manage, unsubscribe, and the "erledigt" links of an advisory (by action position, -1 for all). */
export type MailLinks = PracticeLinks & {
  ack: (advisoryId: number) => (position: number) => string;
  /** The "Betrifft uns?" links of an advisory, by answer (absent: the mail has none). */
  answer?: (advisoryId: number) => (answer: AnswerChoice) => string;
};

export type ComposeContext = {
  db: Db;
  delivery: Delivery;
  practice: Practice;
  /** Signed for the practice; the admin preview puts placeholders here, so no preview carries a practice's links. */
  links: MailLinks;
  publicUrl: string;
  linkSecret: string;
  operatorName: string;
  operator: DeliverySettings['operator'];
  /** Older advisories (by their own date) count as open in the welcome mail only while an editor keeps them published. */
  alertMaxAgeDays: number;
  now: Date;
  /** Set when several mails are rendered together (see RenderSession). */
  session?: RenderSession;
};

/** Turns one delivery into its mail, or null when there is nothing (left) to say to this practice. */
export type Composer = (ctx: ComposeContext) => RenderedMail | null;

/** One composer per delivery kind; a kind without one fails its deliveries with a clear error. */
export const composers: Partial<Record<DeliveryKind, Composer>> = {
  alert: ({ db, delivery, practice, links, operatorName, operator, session, now }) => {
    const advisoryId = delivery.advisoryId;
    if (advisoryId === null) return null;
    // Rendered once per advisory version and set of affected products, filled in per practice (see alert-cache).
    const alertLinks = { unsubscribeUrl: links.unsubscribeUrl, manageUrl: links.manageUrl, ackUrl: links.ack(advisoryId), answerUrl: links.answer?.(advisoryId), operatorName };
    return renderAlertFor(db, advisoryId, practice, alertLinks, operator, session, now) ?? null;
  },
  update: (ctx) => {
    const { db, delivery, practice } = ctx;
    const advisory = delivery.advisoryId === null ? undefined : loadAdvisoryView(db, delivery.advisoryId, practice.id, ctx.publicUrl);
    if (!advisory || delivery.revision === null) return null;
    const changedFields = revisionChanges(db, advisory.id, delivery.revision);
    return renderUpdate({ practiceName: practice.name, advisory, changedFields, now: ctx.now, ackUrls: ackUrlsOf(ctx, advisory), footer: footer(ctx) });
  },
  digest: (ctx) => {
    const { db, delivery, practice } = ctx;
    // The advisories come from the per-process cache and the practice's products are read once, not per advisory.
    const mine = coveredProductIds(db, practice.id, ctx.session);
    const list = (delivery.advisoryIds ?? []).map((id) => cachedAdvisoryView(db, id, mine, ctx.publicUrl, ctx.session)).filter((a) => a !== undefined);
    // Never an empty digest: everything it listed may have been withdrawn since it was written.
    if (list.length === 0) return null;
    const acks = Object.fromEntries(list.map((a) => [a.id, ackUrlsOf(ctx, a)]));
    return renderDigest({ practiceName: practice.name, cadence: delivery.period?.startsWith('weekly') ? 'weekly' : 'daily', advisories: list, now: ctx.now, acks, footer: footer(ctx) });
  },
  reminder: (ctx) => {
    const { db, delivery, practice } = ctx;
    const advisory = delivery.advisoryId === null ? undefined : loadAdvisoryView(db, delivery.advisoryId, practice.id, ctx.publicUrl);
    if (!advisory || advisory.actions.length === 0) return null;
    // Written before the practice answered "nicht betroffen": not sent after all.
    if (impactAnswerOf(db, practice.id, advisory.id)?.answer === 'nicht_betroffen') return null;
    const releasedAt = getAdvisory(db, advisory.id)?.releasedAt ?? null;
    const answer = ctx.links.answer?.(advisory.id);
    return renderReminder({ practiceName: practice.name, advisory, releasedAt, now: ctx.now, ackUrls: ackUrlsOf(ctx, advisory), answerUrls: answer ? answerUrlsOf(answer) : undefined, footer: footer(ctx) });
  },
  // After the practice confirmed: the advisories on its products that are still open, with their actions to tick.
  welcome: (ctx) => {
    const { db, practice, now } = ctx;
    const open = openAdvisories(db, practice.id, {
      now,
      alertMaxAgeDays: ctx.alertMaxAgeDays,
      publicUrl: ctx.publicUrl,
      ackUrl: ctx.links.ack,
    });
    return renderWelcome({
      practiceName: practice.name,
      subscribedProducts: describeSubscriptions(db, practice.id),
      open,
      now,
      footer: { ...footer(ctx), why: 'Sie erhalten diese E-Mail, weil Sie die Anmeldung Ihrer Praxis beim Warndienst bestätigt haben.' },
    });
  },
  // The confirmation link expires when the unconfirmed sign-up is deleted (7 days after it was made).
  confirm: ({ db, practice, publicUrl, linkSecret, operator }) => {
    const expiresAt = new Date(practice.createdAt.getTime() + unconfirmedRetentionMs);
    const confirmUrl = new URL(`/bestaetigen/${signExpiringLinkToken(linkSecret, 'confirm', practice.id, expiresAt)}`, publicUrl).href;
    return renderConfirm({ practiceName: practice.name, confirmUrl, expiresAt, products: describeSubscriptions(db, practice.id), partnerEmail: practice.partnerEmail, operator });
  },
  // TI outages and their end, for practices that opted in to "TI-Störungen" (see outage.ts).
  outage: (ctx) => outageComposers.outage(ctx),
  outage_resolved: (ctx) => outageComposers.outage_resolved(ctx),
  // Closing periods: the deputy's confirmation and the held "Zur Kenntnis" mail (see absence-compose.ts).
  ...absenceComposers,
  access: ({ practice, links, operator }) => renderAccess({ practiceName: practice.name, manageUrl: links.manageUrl, unsubscribeUrl: links.unsubscribeUrl, operator }),
};

/** The practice's signed "erledigt" links for an advisory it is told about. */
function ackUrlsOf(ctx: ComposeContext, advisory: AdvisoryView): AckUrls {
  const ackUrl = ctx.links.ack(advisory.id);
  return { actions: advisory.actionPositions.map((position) => ackUrl(position)), all: ackUrl(-1) };
}

function footer({ links, operator }: ComposeContext): FooterData {
  return {
    why: 'Sie erhalten diese E-Mail, weil Ihre Praxis den Warndienst für ihre Produkte abonniert hat.',
    manageUrl: links.manageUrl,
    unsubscribeUrl: links.unsubscribeUrl,
    operator,
  };
}

/** What a composer gets for one delivery: the practice's links and the operator, from the sender's settings. */
export function composeContext(
  deps: { db: Db; publicUrl: string; linkSecret: string; operatorName: string; delivery: Pick<DeliverySettings, 'operator' | 'alertMaxAgeDays'> },
  delivery: Delivery,
  practice: Practice,
  now: Date,
  session?: RenderSession,
): ComposeContext {
  return {
    db: deps.db,
    delivery,
    practice,
    links: {
      ...(delivery.recipient ? deputyLinks(deps, practice.id, delivery.recipient) : practiceLinks(deps.publicUrl, deps.linkSecret, practice.id)),
      ack: (advisoryId) => ackLinks(deps.publicUrl, deps.linkSecret, practice.id, advisoryId),
      answer: (advisoryId) => answerLinks(deps.publicUrl, deps.linkSecret, practice.id, advisoryId),
    },
    publicUrl: deps.publicUrl,
    linkSecret: deps.linkSecret,
    operatorName: deps.operatorName,
    operator: deps.delivery.operator,
    alertMaxAgeDays: deps.delivery.alertMaxAgeDays,
    now,
    session,
  };
}

/**
 * A mail to a practice's deputy must not hand it the practice's own manage and unsubscribe links (they never expire
 * and would outlast the closing period): both lead to the deputy's page of the period instead, whose link ends with it.
 */
function deputyLinks(deps: { db: Db; publicUrl: string; linkSecret: string }, practiceId: number, deputyEmail: string): PracticeLinks {
  const absence = absenceForDeputy(deps.db, practiceId, deputyEmail);
  const page = absence
    ? new URL(`/vertretung/${signExpiringLinkToken(deps.linkSecret, 'deputy', absence.id, firstDayBackAt(absence.lastDay))}`, deps.publicUrl).href
    : new URL('/', deps.publicUrl).href;
  return { manageUrl: page, unsubscribeUrl: page };
}

export function practiceLinks(publicUrl: string, secret: string, practiceId: number): PracticeLinks {
  const bases = linkBases(publicUrl);
  return {
    unsubscribeUrl: bases.unsubscribe + signLinkToken(secret, 'unsubscribe', practiceId),
    manageUrl: bases.manage + signLinkToken(secret, 'manage', practiceId),
  };
}

/** The signed "erledigt" links of one practice and advisory: by the action's position, -1 for all of them. */
function ackLinks(publicUrl: string, secret: string, practiceId: number, advisoryId: number): (position: number) => string {
  const base = linkBases(publicUrl).ack;
  return (position) => base + signAckToken(secret, practiceId, advisoryId, position);
}

/** The signed "Betrifft uns?" links of one practice and advisory, by answer. */
function answerLinks(publicUrl: string, secret: string, practiceId: number, advisoryId: number): (answer: AnswerChoice) => string {
  const base = linkBases(publicUrl).answer;
  return (answer) => base + signAnswerToken(secret, practiceId, advisoryId, answer);
}

type LinkBases = { unsubscribe: string; manage: string; ack: string; answer: string };
const bases = new Map<string, LinkBases>();

/**
 * The link paths resolved against PUBLIC_URL once per process: tokens are URL-safe, so every mail appends its
 * tokens to these instead of parsing a URL per link (six per alert).
 */
function linkBases(publicUrl: string): LinkBases {
  let b = bases.get(publicUrl);
  if (!b) {
    b = { unsubscribe: new URL('/abmelden/', publicUrl).href, manage: new URL('/verwalten/', publicUrl).href, ack: new URL('/erledigt/', publicUrl).href, answer: new URL('/betrifft/', publicUrl).href };
    bases.set(publicUrl, b);
  }
  return b;
}
