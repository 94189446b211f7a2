import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { asyncClientOf } from '../db/async-db.js';
import { orderedJoin } from '../db/dialect.js';
import { idGroupSize, idGroups } from '../db/id-groups.js';
import { advisorySourceList, getAdvisory, type AdvisoryDetails } from '../advisories/advisories.repository.js';
import { products, type ProductCategory } from '../catalog/catalog.table.js';
import type { Practice } from '../practices/practices.repository.js';
import { coveredProducts } from '../practices/preferences.repository.js';
import { categoryLabels } from '../practices/preferences.models.js';
import { advisoryPageUrl, affectedProducts, knownAffectedVersion, titleMentions, type AlertLinks } from './alert-data.js';
import type { DeliverySettings } from './settings.js';
import { renderAlert, type AlertData, type RenderedMail } from './templates/alert.js';
import { escapeHtml } from './templates/html.js';
import { quotedPrintable } from './mime.js';
import type { AdvisoryView } from './advisory-view.js';
import type { TitleMentions } from './templates/subject.js';
import { deadlineWords, type Urgency } from './urgency.js';
import { urgencyFor } from './templates/what-to-do.js';

// A fan-out sends the same advisory to thousands of practices. The advisory, its sources and the catalog names
// are read once per process and version of the advisory, and the mail is rendered once per set of affected
// products with markers where the practice's own parts go (name, subscriptions, links); each mail then only fills
// in those parts. The markers carry a per-process nonce and a NUL, which no practice name (validated: no control
// characters) or advisory text can carry together with the nonce. Filling in is one pass over the pre-split
// template, so a filled-in value is never searched for markers again.

const nonce = randomBytes(8).toString('hex');
const slot = (name: string) => `\u0000${nonce}:${name}\u0000`;
const slotPattern = new RegExp(`\u0000${nonce}:([a-z0-9]+)\u0000`);

/**
 * A rendered template split at its markers: even indices are literal text, odd ones slot names; `qpText` and
 * `qpHtml` hold the literals already quoted-printable (encoded once, see joinQuotedPrintable), null at the slots.
 */
type Template = { subject: string; text: string[]; html: string[]; qpText: (Buffer | null)[]; qpHtml: (Buffer | null)[] };

type AdvisoryEntry = {
  advisory: AdvisoryDetails;
  sources: AlertData['sources'];
  /** How the title names the advisory's products and vendors (for the subject). */
  mentions: TitleMentions;
  actionTexts: string[];
  names: Map<string, string>;
  /** Every product name's place in German collation order, for sorting a practice's products without the collator. */
  ranks: Map<string, number>;
  mails: Map<string, Template>;
};

const collator = new Intl.Collator('de');
const maxEntries = 64;
const entries = new Map<string, AdvisoryEntry>();

type CoveredRow = { id: string; name: string; version: string | null; own: number };
type ScopeRow = { scope: 'vendor' | 'category'; value: string; vendorName: string | null };
/** What a mail needs of a practice's choices: its vendor and category scopes and every product they cover. */
type PracticeProducts = { scopes: ScopeRow[]; covered: CoveredRow[] };

/** The named parameters idGroups fills: `@id0, @id1, …`. */
const groupParameters = Array.from({ length: idGroupSize }, (_, i) => `@id${i}`).join(', ');

// Sources can be attached without a new revision, so their count is part of an advisory's version.
const versionColumns = 'a.revision, a.updated_at as "updatedAt", (select count(*) from advisory_sources s where s.advisory_id = a.id) as "sourceCount"';

// The reads every mail makes, prepared once per database (bare statements: the query builder cost more than the
// queries themselves at thousands of mails per second).
const statements = new WeakMap<Db, { version: Statement; versionOfGroup: Statement; own: Statement; covered: Statement; scopes: Statement; ownOfGroup: Statement; scopesOfGroup: Statement }>();

function queries(db: Db) {
  let s = statements.get(db);
  if (!s) {
    const join = orderedJoin(db);
    s = {
      version: db.$client.prepare(`select ${versionColumns} from advisories a where a.id = ?`),
      versionOfGroup: db.$client.prepare(`select a.id, ${versionColumns} from advisories a where a.id in (${groupParameters})`),
      // A practice's own products: all the covered products of a practice without vendor or category scopes.
      own: db.$client.prepare(
        `select s.product_id as id, p.name, s.version, 1 as own from subscriptions s join products p on p.id = s.product_id
         where s.practice_id = ? order by s.product_id`,
      ),
      // The same rows as coveredProducts (see there why it is shaped so), with the names and whether the practice
      // chose the product itself; only for a practice with scopes.
      covered: db.$client.prepare(
        `select s.product_id as id, p.name, s.version, 1 as own from subscriptions s join products p on p.id = s.product_id
         where s.practice_id = @practiceId
         union
         select p.id, p.name, null, 0 from scope_subscriptions ss ${join} products p on p.vendor_id = ss.value
         where ss.practice_id = @practiceId and ss.scope = 'vendor'
           and not exists (select 1 from subscriptions s where s.practice_id = @practiceId and s.product_id = p.id)
         union
         select p.id, p.name, null, 0 from scope_subscriptions ss ${join} products p on p.category = ss.value
         where ss.practice_id = @practiceId and ss.scope = 'category'
           and not exists (select 1 from subscriptions s where s.practice_id = @practiceId and s.product_id = p.id)
         order by 1`,
      ),
      scopes: db.$client.prepare(
        `select ss.scope, ss.value, v.name as "vendorName" from scope_subscriptions ss
         left join vendors v on ss.scope = 'vendor' and v.id = ss.value where ss.practice_id = ? order by ss.scope, ss.value`,
      ),
      // The same two reads for the practices of a group of mails at once (idGroups: 16 ids per statement).
      ownOfGroup: db.$client.prepare(
        `select s.practice_id as "practiceId", s.product_id as id, p.name, s.version, 1 as own from subscriptions s join products p on p.id = s.product_id
         where s.practice_id in (${groupParameters}) order by s.practice_id, s.product_id`,
      ),
      scopesOfGroup: db.$client.prepare(
        `select ss.practice_id as "practiceId", ss.scope, ss.value, v.name as "vendorName" from scope_subscriptions ss
         left join vendors v on ss.scope = 'vendor' and v.id = ss.value where ss.practice_id in (${groupParameters}) order by ss.practice_id, ss.scope, ss.value`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/** What tells a cached advisory entry from a stale one. */
type AdvisoryVersion = { revision: number; updatedAt: number; sourceCount: number };

/**
 * The advisory as the alert needs it, cached per id, revision, last change (an edit without a revision counts) and
 * sources; `known` is its version as a session preloaded it (null: there is no such advisory).
 */
function advisoryEntry(db: Db, advisoryId: number, known?: AdvisoryVersion | null): AdvisoryEntry | undefined {
  const version = known === undefined ? (queries(db).version.get(advisoryId) as AdvisoryVersion | undefined) : known;
  if (!version) return undefined;
  const key = `${advisoryId}:${version.revision}:${version.updatedAt}:${version.sourceCount}`;
  const cached = entries.get(key);
  if (cached) return cached;
  const advisory = getAdvisory(db, advisoryId)!;
  const sourceRows = advisorySourceList(db, advisoryId);
  const mentions = titleMentions(db, advisory.products.map((p) => p.productId));
  const names = new Map(db.select({ id: products.id, name: products.name }).from(products).all().map((p) => [p.id, p.name]));
  const ranks = new Map([...new Set(names.values())].sort(collator.compare).map((name, i) => [name, i]));
  const entry = { advisory, sources: sourceRows, mentions, actionTexts: advisory.actions.map((x) => x.text), names, ranks, mails: new Map<string, Template>() };
  // Oldest first out: a process that lives for months sees many advisories, but only a few at a time.
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  entries.set(key, entry);
  return entry;
}

/**
 * The advisories looked up for mails rendered together, one after another (the group a send job claimed in one
 * commit): each advisory's version is checked once for all of them instead of once per mail.
 */
export type RenderSession = { entries: Map<number, AdvisoryEntry | undefined>; versions: Map<number, AdvisoryVersion | null>; practices: Map<number, PracticeProducts> };

export function renderSession(): RenderSession {
  return { entries: new Map(), versions: new Map(), practices: new Map() };
}

/**
 * Reads the versions of the advisories of mails rendered together, in one statement per 16 advisories (usually one
 * advisory for the whole group), so that rendering reads nothing of an advisory it has cached. On PostgreSQL on the
 * asynchronous face, like preloadPractices.
 */
export async function preloadAdvisories(db: Db, session: RenderSession, advisoryIds: number[]): Promise<void> {
  const fresh = [...new Set(advisoryIds)].filter((id) => !session.versions.has(id) && !session.entries.has(id));
  const read = groupReader(db);
  const rows = (await Promise.all(idGroups(fresh).map((values) => read(queries(db).versionOfGroup, [values])))).flat() as (AdvisoryVersion & { id: number })[];
  const found = new Map(rows.map(({ id, ...version }) => [id, version]));
  for (const id of fresh) session.versions.set(id, found.get(id) ?? null);
}

/**
 * Reads the products of the practices whose mails are rendered together in one statement per 16 practices, and
 * their scopes in another where any of them may have scopes (`scoped` unknown or true), instead of two statements per
 * mail (on PostgreSQL every statement is a round trip to the server). Practices with scopes then read the union over
 * their scopes one by one, as without a session.
 */
export async function preloadPractices(db: Db, session: RenderSession, group: { id: number; scoped?: boolean }[]): Promise<void> {
  const fresh = group.filter((p, i) => !session.practices.has(p.id) && group.findIndex((q) => q.id === p.id) === i);
  const ids = fresh.map((p) => p.id);
  const q = queries(db);
  const read = groupReader(db);
  const maybeScoped = fresh.filter((p) => p.scoped !== false).map((p) => p.id);
  const [scopeRows, ownRows] = await Promise.all([
    Promise.all(idGroups(maybeScoped).map((values) => read(q.scopesOfGroup, [values]))),
    Promise.all(idGroups(ids).map((values) => read(q.ownOfGroup, [values]))),
  ]);
  const scopesOf = new Map<number, ScopeRow[]>();
  const ownOf = new Map<number, CoveredRow[]>();
  for (const { practiceId, ...row } of scopeRows.flat() as (ScopeRow & { practiceId: number })[]) push(scopesOf, practiceId, row);
  for (const { practiceId, ...row } of ownRows.flat() as (CoveredRow & { practiceId: number })[]) push(ownOf, practiceId, row);
  const scoped = ids.filter((id) => (scopesOf.get(id) ?? []).length > 0);
  const coveredOf = new Map(await Promise.all(scoped.map(async (id) => [id, (await read(q.covered, [{ practiceId: id }])) as CoveredRow[]] as const)));
  for (const id of ids) session.practices.set(id, { scopes: scopesOf.get(id) ?? [], covered: coveredOf.get(id) ?? ownOf.get(id) ?? [] });
}

/**
 * How preloadPractices reads: on PostgreSQL on the asynchronous face (src/db/async-db.ts), the statements of a
 * group in flight together and the process free meanwhile; on SQLite on the connection, as every other read.
 */
function groupReader(db: Db): (statement: Statement, args: unknown[]) => unknown[] | Promise<unknown[]> {
  const client = asyncClientOf(db);
  if (client) return async (statement, args) => (await client.queryAsync(statement.source, args, false)).rows;
  return (statement, args) => statement.all(...args);
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function practiceProducts(db: Db, practiceId: number, session: RenderSession | undefined): PracticeProducts {
  const preloaded = session?.practices.get(practiceId);
  if (preloaded) return preloaded;
  const q = queries(db);
  // Most practices choose their products one by one: the union over scopes is read only for those with scopes.
  const scopes = q.scopes.all(practiceId) as ScopeRow[];
  const covered = (scopes.length > 0 ? q.covered.all({ practiceId }) : q.own.all(practiceId)) as CoveredRow[];
  return { scopes, covered };
}

/** The ids of the products a practice's mails are about: coveredProducts, or what the session preloaded. */
export function coveredProductIds(db: Db, practiceId: number, session?: RenderSession): Set<string> {
  const preloaded = session?.practices.get(practiceId);
  return new Set(preloaded ? preloaded.covered.map((r) => r.id) : coveredProducts(db, practiceId).keys());
}

function sessionEntry(db: Db, advisoryId: number, session: RenderSession | undefined): AdvisoryEntry | undefined {
  if (!session) return advisoryEntry(db, advisoryId);
  if (session.entries.has(advisoryId)) return session.entries.get(advisoryId);
  const entry = advisoryEntry(db, advisoryId, session.versions.get(advisoryId));
  session.entries.set(advisoryId, entry);
  return entry;
}

/**
 * The collator's order, by rank where both names have one (a name renamed since the entry was read has none): the
 * same order, without asking the collator a dozen times per mail.
 */
function byName(ranks: Map<string, number>) {
  return (a: CoveredRow, b: CoveredRow) => {
    const ra = ranks.get(a.name);
    const rb = ranks.get(b.name);
    return ra !== undefined && rb !== undefined ? ra - rb : collator.compare(a.name, b.name);
  };
}

/** What describeSubscriptions says, from the rows this mail already read. */
function subscriptionWords(covered: CoveredRow[], scopes: ScopeRow[], ranks: Map<string, number>): string[] {
  return [
    ...covered
      .filter((p) => p.own)
      .sort(byName(ranks))
      .map((p) => (p.version ? `${p.name} (Version ${p.version})` : p.name)),
    ...scopes.filter((s) => s.scope === 'vendor').map((s) => `alle Produkte von ${s.vendorName ?? s.value}`),
    ...scopes.filter((s) => s.scope === 'category').map((s) => `alle Produkte aus „${categoryLabels[s.value as ProductCategory] ?? s.value}“`),
  ];
}

function template(
  entry: AdvisoryEntry,
  affected: { productId: string; fixedVersion: string | null; name: string; installedVersion: string | null }[],
  links: AlertLinks,
  operator: DeliverySettings['operator'] | undefined,
  now: Date,
): Template {
  const a = entry.advisory;
  const mail = renderAlert({
    practiceName: slot('name'),
    title: a.title,
    summary: a.summary,
    severity: a.severity,
    publishedAt: a.publishedAt,
    products: affected.map((p) => ({ name: p.name, fixedVersion: p.fixedVersion, installedVersion: p.installedVersion })),
    exploited: a.exploited,
    actions: entry.actionTexts,
    sources: entry.sources,
    subscribedProducts: [slot('subs')],
    unsubscribeUrl: slot('unsub'),
    operatorName: links.operatorName,
    advisoryUrl: advisoryPageUrl(links, a.id),
    now,
    mentions: entry.mentions,
    operator,
    manageUrl: links.manageUrl ? slot('manage') : undefined,
    ackUrls: links.ackUrl ? { actions: a.actions.map((_, i) => slot(`ack${i}`)), all: slot('ackall') } : undefined,
    answerUrls: links.answerUrl ? { betroffen: slot('ansyes'), nicht_betroffen: slot('ansno'), unklar: slot('ansunsure') } : undefined,
  });
  const text = mail.text.split(slotPattern);
  const html = mail.html.split(slotPattern);
  const encodeLiterals = (parts: string[]) => parts.map((part, i) => (i % 2 === 0 ? quotedPrintable(part) : null));
  return { subject: mail.subject, text, html, qpText: encodeLiterals(text), qpHtml: encodeLiterals(html) };
}

// The deadline words per UTC minute (Berlin's midnight is a whole UTC minute): formatted once a minute, not per mail.
let deadlines = { minute: -1, words: new Map<number | null, string>() };
function deadlineOf(urgency: Urgency, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== deadlines.minute) deadlines = { minute, words: new Map() };
  let words = deadlines.words.get(urgency.days);
  if (words === undefined) deadlines.words.set(urgency.days, (words = deadlineWords(urgency, now) ?? ''));
  return words;
}

// The operator object comes from the sender's settings, the same object for every mail: stringified once.
const operatorKeys = new WeakMap<object, string>();
function operatorKey(operator: DeliverySettings['operator'] | undefined): string {
  if (!operator) return 'null';
  let key = operatorKeys.get(operator);
  if (key === undefined) operatorKeys.set(operator, (key = JSON.stringify(operator)));
  return key;
}

function fill(parts: string[], values: Record<string, string>): string {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += values[parts[i]!]! + parts[i + 1]!;
  return out;
}

/**
 * The same as fill, quoted-printable: the literals as encoded once, only the values encoded here (each distinct
 * value once per mail: the links are the same in text and HTML).
 */
function fillEncoded(parts: string[], encodedLiterals: (Buffer | null)[], values: Record<string, string>, encoded: Map<string, Buffer>): Buffer[] {
  return parts.map((part, i) => {
    const literal = encodedLiterals[i];
    if (literal) return literal;
    const value = values[part]!;
    let piece = encoded.get(value);
    if (!piece) encoded.set(value, (piece = quotedPrintable(value)));
    return piece;
  });
}

/**
 * The alert mail of one practice, the same as `renderAlert({ ...loadAlertData(...), operator })` would give, or
 * undefined when the advisory no longer names any of the practice's products (or all of them in a fixed version).
 */
export function renderAlertFor(
  db: Db,
  advisoryId: number,
  practice: Practice,
  links: AlertLinks,
  operator?: DeliverySettings['operator'],
  session?: RenderSession,
  now: Date = new Date(),
): RenderedMail | undefined {
  const entry = sessionEntry(db, advisoryId, session);
  if (!entry) return undefined;
  const { scopes, covered } = practiceProducts(db, practice.id, session);
  const byId = new Map(covered.map((r) => [r.id, r]));
  const affected = affectedProducts(entry.advisory.products, new Map(covered.map((r) => [r.id, r.version]))).map((p) => ({
    ...p,
    name: byId.get(p.productId)!.name,
    installedVersion: knownAffectedVersion(byId.get(p.productId)!.version, p.fixedVersion),
  }));
  if (affected.length === 0) return undefined;
  // Names are read fresh with the covered products, so a renamed product gets its own template; the deadline of the
  // first line is a date, the same for every mail of a day, so each day gets its own template, too.
  const key = JSON.stringify([
    affected.map((p) => [p.productId, p.name, p.installedVersion]),
    links.operatorName,
    operatorKey(operator),
    Boolean(links.manageUrl),
    Boolean(links.ackUrl),
    Boolean(links.answerUrl),
    deadlineOf(urgencyFor(entry.advisory.severity, entry.actionTexts, affected, entry.advisory.exploited), now),
  ]);
  let t = entry.mails.get(key);
  if (!t) {
    t = template(entry, affected, links, operator, now);
    entry.mails.set(key, t);
  }
  const raw: Record<string, string> = {
    name: practice.name,
    subs: subscriptionWords(covered, scopes, entry.ranks).join(', '),
    unsub: links.unsubscribeUrl,
  };
  if (links.manageUrl) raw.manage = links.manageUrl;
  if (links.ackUrl) {
    entry.advisory.actions.forEach((x, i) => (raw[`ack${i}`] = links.ackUrl!(x.position)));
    raw.ackall = links.ackUrl(-1);
  }
  if (links.answerUrl) {
    raw.ansyes = links.answerUrl('betroffen');
    raw.ansno = links.answerUrl('nicht_betroffen');
    raw.ansunsure = links.answerUrl('unklar');
  }
  const escaped: Record<string, string> = {};
  for (const k in raw) escaped[k] = escapeHtml(raw[k]!);
  const encodedValues = new Map<string, Buffer>();
  return {
    subject: t.subject,
    text: fill(t.text, raw),
    html: fill(t.html, escaped),
    encoded: { text: fillEncoded(t.text, t.qpText, raw, encodedValues), html: fillEncoded(t.html, t.qpHtml, escaped, encodedValues) },
  };
}

/**
 * What `loadAdvisoryView` gives, from the per-process cache: digests list the same few advisories for thousands of
 * practices. `subscribed` are the ids of the practice's covered products.
 */
export function cachedAdvisoryView(db: Db, advisoryId: number, subscribed: Set<string>, publicUrl: string, session?: RenderSession): AdvisoryView | undefined {
  const entry = sessionEntry(db, advisoryId, session);
  if (!entry || entry.advisory.status !== 'published') return undefined;
  const a = entry.advisory;
  const affected = a.products.filter((p) => subscribed.has(p.productId));
  const shown = affected.length > 0 ? affected : a.products;
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    severity: a.severity,
    products: shown.map((p) => ({ name: entry.names.get(p.productId) ?? p.productId, fixedVersion: p.fixedVersion })),
    actions: entry.actionTexts,
    actionPositions: a.actions.map((x) => x.position),
    url: new URL(`/warnungen/${a.id}`, publicUrl).href,
    publishedAt: a.publishedAt,
    mentions: entry.mentions,
    exploited: a.exploited,
  };
}
