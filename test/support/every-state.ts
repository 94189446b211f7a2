import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { recordNotice } from '../../src/advisories/record-notice.js';
import { createApiToken, revokeApiToken } from '../../src/admin/api-tokens.repository.js';
import type { Actor } from '../../src/admin/audit.repository.js';
import { approveAdvisory, editAdvisory, mergeAdvisory, rejectAdvisory } from '../../src/admin/curation.usecases.js';
import { setSourceEnabled } from '../../src/admin/sources-admin.usecases.js';
import { getAdvisory } from '../../src/advisories/advisories.repository.js';
import type { AdvisoryStatus } from '../../src/advisories/advisories.table.js';
import { createAppDeps, type AppDeps } from '../../src/app/deps.js';
import { advisories, deliveries, practices } from '../../src/db/schema.js';
import { ingestSource } from '../../src/ingest/ingest.js';
import { storeNotices } from '../../src/ingest/notices.repository.js';
import { recordBounce } from '../../src/notify/bounces.js';
import { markFailed } from '../../src/notify/deliveries.repository.js';
import { matchAdvisory } from '../../src/notify/match.js';
import { sendDelivery } from '../../src/notify/send.js';
import { recordAcknowledgement } from '../../src/practices/acknowledgements.repository.js';
import { signAckToken, signExpiringLinkToken, signLinkToken } from '../../src/practices/links.js';
import { addPractice, unsubscribePractice, type Practice } from '../../src/practices/practices.repository.js';
import { preferencesSchema } from '../../src/practices/preferences.models.js';
import { unconfirmedRetentionMs, updatePreferences } from '../../src/practices/preferences.repository.js';
import { recordSignup } from '../../src/practices/signup.usecases.js';
import { createWebApp } from '../../src/web/app.js';
import { setAdvisoryCategory } from '../../src/admin/outage.usecases.js';
import { confirmFirm, inviteFirm, recordFirmSignup } from '../../src/firms/firms.repository.js';
import { firmConfirmUrl, firmLinks } from '../../src/firms/links.js';
import { deputyLinkExpiry } from '../../src/notify/absence-compose.js';
import { confirmDeputy, setAbsence } from '../../src/practices/absences.repository.js';
import { recordImpactAnswer } from '../../src/practices/answers.repository.js';
import { signAnswerToken } from '../../src/practices/links.js';
import { adminWithRole, testPassword } from './admin-http.js';
import type { FixtureServer, Route } from './fixture-server.js';
import { fixtureSources, testEnv } from './test-env.js';

/** The day the world is seeded on: the CSAF fixtures of 20 to 24 November 2026 are news then, not archive. */
export const seedDay = new Date('2026-11-25T08:00:00Z');

/** Routes the fixture server needs besides `sitePages`: a feed whose publisher answers 500. */
export const brokenFeedPath = '/kaputt/feed.xml';
export const brokenFeedRoute: Route = { status: 500, body: 'Wartungsarbeiten', contentType: 'text/plain' };

export type Account = { email: string; password: string };

export type PracticeState = keyof ReturnType<typeof seedPractices>;

export type EveryState = {
  deps: AppDeps;
  app: Hono;
  editor: Account;
  viewer: Account;
  /** The links a practice finds in its mails (manage, unsubscribe, ack, confirm), with the state of that practice. */
  mailLinks: { url: string; practice: PracticeState }[];
  /** Advisory ids by the state they were seeded in, for the summary. */
  advisoryIds: Record<string, number[]>;
  close(): Promise<void>;
};

/**
 * A database holding every state the admin and public pages can show: drafts with and without recipients, without
 * product and from CSAF, merged, rejected, published with sent, failed and pending deliveries, archived, sources in
 * order, failing and disabled, practices pending, active (each cadence, with scopes and a partner), unsubscribed and
 * suppressed, an editor and a viewer with API tokens, and the audit entries all of that wrote.
 */
export async function seedEveryState(site: FixtureServer, { logger }: { logger: Logger }): Promise<EveryState> {
  const configured = [
    ...fixtureSources(site.url).map((s) => ({ ...s, trust: 'review' as const })),
    { id: 'kaputt-feed', name: 'Kaputter Feed', publisher: 'Praxis-IT Nord', kind: 'rss' as const, url: `${site.url}${brokenFeedPath}`, trust: 'review' as const, intervalMinutes: 60, enabled: true },
    // The later reads of this one are written by hand below; its own address stays on the fixture server (404).
    { id: 'handarbeit', name: 'Praxis-IT Rundbrief', publisher: 'Praxis-IT Nord', kind: 'rss' as const, url: `${site.url}/rundbrief/feed.xml`, trust: 'review' as const, intervalMinutes: 60, enabled: true },
    { id: 'bsi-wid-csaf', name: 'BSI WID (CSAF)', publisher: 'BSI CERT-Bund', kind: 'csaf' as const, url: `${site.url}/wid/.well-known/csaf/provider-metadata.json`, trust: 'review' as const, intervalMinutes: 60, enabled: true },
  ];
  const deps = await createAppDeps(testEnv({ sources: configured }), { logger, clock: () => seedDay });
  const now = seedDay;
  const editorAdmin = await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  const viewerAdmin = await adminWithRole(deps.db, 'viewer', 'lesen@verband.test');
  const actor: Actor = { adminId: editorAdmin.id, name: editorAdmin.email };

  const practice = seedPractices(deps, now);

  // The shipped way in: fetch and record (a first read may go to the archive), and a source whose server fails.
  const ingested: number[] = [];
  for (const sourceId of ['dgn-news', 'praxis-it-feed']) {
    const result = await ingestSource(deps, sourceId);
    if (result.status === 'error') throw new Error(`seed: ${sourceId} failed: ${result.message}`);
    for (const id of [...result.created, ...result.changed]) {
      const recorded = recordNotice(deps, id).advisoryId;
      if (recorded !== null) ingested.push(recorded);
    }
  }
  if ((await ingestSource(deps, 'kaputt-feed')).status !== 'error') throw new Error('seed: the broken feed did not fail');
  setSourceEnabled(deps, actor, 'praxis-it-feed', false);

  // Later reads of a review source and of the CSAF provider: news, so drafts.
  const csafLancom = recordCsaf(deps, 'wid-sec-w-2026-2871', site.url); // no practice uses LANCOM: the preview needs a sample
  const csafFritz = recordCsaf(deps, 'wid-sec-w-2026-2940', site.url); // practices with a FRITZ!Box and the router category
  const withoutProduct = recordHandwritten(deps, 'Phishing-Welle: CGM M1 PRO Anmeldedaten abgefragt', 'Betrüger fragen per E-Mail Zugangsdaten zu CGM M1 PRO ab. Geben Sie keine Passwörter weiter und melden Sie verdächtige E-Mails.');
  await editAdvisory(deps, actor, withoutProduct, { ...editOf(withoutProduct), products: [] });
  const mergeTarget = recordHandwritten(deps, 'Sicherheitslücke in CGM M1 PRO', 'In CGM M1 PRO wurde eine Sicherheitslücke gefunden. Installieren Sie das Update auf Version 5.2.');
  const merged = recordHandwritten(deps, 'CGM TURBOMED: Update gegen Schwachstelle', 'Eine Schwachstelle betrifft CGM TURBOMED. Spielen Sie das Sicherheitsupdate ein. CVE-2026-12345.');
  await mergeAdvisory(deps, actor, merged, { targetId: mergeTarget });
  const rejected = recordHandwritten(deps, 'AnyDesk: Schwachstelle in älteren Versionen', 'In AnyDesk wurde eine Schwachstelle gefunden. Installieren Sie das Update auf Version 9.0.5.');
  rejectAdvisory(deps, actor, rejected, { reason: 'Doppelt gemeldet, betrifft nur Testsysteme.' });

  // Published: approved, matched as the match worker would, one mail sent, one failed (suppressed address), one waiting.
  const published = recordHandwritten(deps, 'Sicherheitslücke in CGM ALBIS', 'In CGM ALBIS wurde eine Sicherheitslücke gefunden. Installieren Sie das Update auf Version 24.10. Prüfen Sie danach die Benutzerkonten.');
  await approveAdvisory(deps, actor, published);
  matchAdvisory(deps.db, published, { now, mailDomain: deps.mailDomain });
  const alerts = deps.db.select().from(deliveries).where(eq(deliveries.advisoryId, published)).all();
  const alertFor = (p: Practice) => alerts.find((d) => d.practiceId === p.id)?.id;
  await sendDelivery(deps, alertFor(practice.immediate)!);
  await sendDelivery(deps, alertFor(practice.suppressed)!);
  const stuck = alertFor(practice.withVersion);
  if (stuck === undefined) throw new Error('seed: no alert for the practice that waits');
  await editAdvisory(deps, actor, published, { ...editOf(published), actions: [...editOf(published).actions, { text: 'Nach dem Update die Datensicherung prüfen' }] });
  recordAcknowledgement(deps.db, practice.immediate.id, published, 0, now);
  // A delivery given up after its retries, as the sender records it.
  const confirm = deps.db.select().from(deliveries).where(eq(deliveries.practiceId, practice.pending.id)).get()!;
  markFailed(deps.db, confirm.id, 'Nach 5 Versuchen aufgegeben: 451 Temporary local problem');

  // "Betrifft uns?": one practice answered, the others not yet.
  recordImpactAnswer(deps.db, { practiceId: practice.immediate.id, advisoryId: published, answer: 'betroffen' }, now);
  // Closing periods: one confirmed by its deputy (running now), one still waiting for the deputy.
  const closed = setAbsence(deps.db, practice.daily.id, { firstDay: '2026-11-24', lastDay: '2026-12-04', deputyEmail: 'vertretung@partnerpraxis.test' }, { now, mailDomain: deps.mailDomain }).absence;
  confirmDeputy(deps.db, closed.id, now);
  const waiting = setAbsence(deps.db, practice.weekly.id, { firstDay: '2026-12-21', lastDay: '2027-01-03', deputyEmail: 'it@dienstleister.test' }, { now, mailDomain: deps.mailDomain }).absence;
  // IT service firms: one active and invited by a practice, one invited but not yet signed up.
  recordFirmSignup(deps.db, { name: 'Praxis-IT Nord GmbH', email: 'service@praxis-it-nord.test' }, { now, mailDomain: deps.mailDomain });
  const firm = inviteFirm(deps.db, practice.immediate.id, 'service@praxis-it-nord.test', { now, mailDomain: deps.mailDomain }).firm;
  confirmFirm(deps.db, firm.id, now);
  const invitedFirm = inviteFirm(deps.db, practice.withVersion.id, 'technik@systemhaus.test', { now, mailDomain: deps.mailDomain }).firm;
  // A TI outage, published to the practices that opted in.
  const outage = recordHandwritten(deps, 'Störung beim E-Rezept-Fachdienst', 'Der E-Rezept-Fachdienst ist seit 8 Uhr gestört. Die gematik arbeitet an der Behebung.');
  await setAdvisoryCategory(deps, actor, outage, { category: 'ti_outage' });
  await approveAdvisory(deps, actor, outage);
  matchAdvisory(deps.db, outage, { now, mailDomain: deps.mailDomain });

  // A source's first read goes to the archive (old news stays old); should the fixtures ever bring only news, the
  // first ingested draft is archived the way that read would have done it.
  let archived = deps.db.select({ id: advisories.id }).from(advisories).where(eq(advisories.status, 'archive')).all().map((r) => r.id);
  if (archived.length === 0) {
    const oldest = ingested.find((id) => getAdvisory(deps.db, id)?.status === 'draft');
    if (oldest === undefined) throw new Error('seed: nothing to archive');
    deps.db.update(advisories).set({ status: 'archive', archiveReason: 'Aus dem Bestand der Quelle (erster Abruf): ohne Benachrichtigung.' }).where(eq(advisories.id, oldest)).run();
    archived = [oldest];
  }

  createApiToken(deps.db, editorAdmin.id, 'Ticketsystem', now);
  revokeApiToken(deps.db, editorAdmin.id, createApiToken(deps.db, editorAdmin.id, 'Altes Skript', now).row.id, now);
  createApiToken(deps.db, viewerAdmin.id, 'Auswertung', now);

  const byStatus = (status: AdvisoryStatus) => deps.db.select({ id: advisories.id }).from(advisories).where(eq(advisories.status, status)).all().map((r) => r.id);
  const advisoryIds = {
    'draft with recipients': [csafFritz], 'draft without recipients (CSAF)': [csafLancom], 'draft without product': [withoutProduct],
    merged: [merged], rejected: byStatus('rejected'), published: [published], archive: archived, 'all drafts': byStatus('draft'), 'TI outage': [outage],
  };
  for (const [state, ids] of Object.entries(advisoryIds)) if (ids.length === 0) throw new Error(`seed: no advisory in state "${state}"`);

  const mailLinks = Object.entries(practice).flatMap(([state, p]) => {
    const links = [`/verwalten/${signLinkToken(deps.linkSecret, 'manage', p.id)}`, `/abmelden/${signLinkToken(deps.linkSecret, 'unsubscribe', p.id)}`];
    if (p.status === 'pending') links.push(`/bestaetigen/${signExpiringLinkToken(deps.linkSecret, 'confirm', p.id, new Date(p.createdAt.getTime() + unconfirmedRetentionMs))}`);
    const actions = getAdvisory(deps.db, published)!.actions;
    if (alertFor(p) !== undefined) {
      links.push(...[...actions.map((a) => a.position), -1].map((position) => `/erledigt/${signAckToken(deps.linkSecret, p.id, published, position)}`));
      links.push(...(['betroffen', 'nicht_betroffen', 'unklar'] as const).map((answer) => `/betrifft/${signAnswerToken(deps.linkSecret, p.id, published, answer)}`));
    }
    return links.map((url) => ({ url, practice: state as PracticeState }));
  });
  // The links in the mails to a deputy and to the firms.
  for (const absence of [closed, waiting]) {
    const token = signExpiringLinkToken(deps.linkSecret, 'deputy', absence.id, deputyLinkExpiry(absence.createdAt, absence.lastDay));
    mailLinks.push({ url: `/vertretung/${token}`, practice: absence === closed ? 'daily' : 'weekly' });
  }
  const pathOf = (url: string) => new URL(url).pathname;
  const firmUrls = firmLinks(deps.publicUrl, deps.linkSecret, firm.id);
  mailLinks.push({ url: pathOf(firmUrls.pageUrl), practice: 'immediate' }, { url: pathOf(firmUrls.unsubscribeUrl), practice: 'immediate' });
  mailLinks.push({ url: pathOf(firmConfirmUrl(deps.publicUrl, deps.linkSecret, invitedFirm.id, invitedFirm.createdAt).url), practice: 'withVersion' });

  return {
    deps,
    app: createWebApp(deps),
    editor: { email: editorAdmin.email, password: testPassword },
    viewer: { email: viewerAdmin.email, password: testPassword },
    mailLinks,
    advisoryIds,
    close: () => deps.close(),
  };

  function editOf(id: number) {
    const a = getAdvisory(deps.db, id)!;
    return {
      title: a.title, summary: a.summary, severity: a.severity, cves: a.cves,
      products: a.products.map((p) => ({ productId: p.productId, affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
      actions: a.actions.map((x): { id?: number; text: string } => ({ id: x.id, text: x.text })),
    };
  }
}

/** One practice per state a practice can be in; the active ones cover every cadence, scope and a partner address. */
function seedPractices(deps: AppDeps, now: Date) {
  // addPractice (the CLI) wants a product; scopes and the partner are what the practice then sets on its manage page.
  const active = (name: string, email: string, productIds: string[], prefs: Record<string, unknown> = {}) => {
    const p = addPractice(deps.db, { name, email, productIds: productIds.length ? productIds : ['cgm-albis'] }, { now, origin: 'cli' });
    if (Object.keys(prefs).length) updatePreferences(deps.db, p.id, preferencesSchema.parse({ name, cadence: 'immediate', minSeverity: 'niedrig', productIds, ...prefs }), now);
    return deps.db.select().from(practices).where(eq(practices.id, p.id)).get()!;
  };
  const immediate = active('Praxis Dr. Albrecht', 'albrecht@praxis.test', ['cgm-albis', 'avm-fritzbox'], { partnerEmail: 'it@dienstleister.test', tiOutages: true });
  const daily = active('MVZ Birkenhof', 'birkenhof@praxis.test', [], { cadence: 'daily', vendorIds: ['cgm'] });
  const weekly = active('Praxis Dr. Conrad', 'conrad@praxis.test', [], { cadence: 'weekly', minSeverity: 'hoch', categories: ['router'] });
  const withVersion = active('Praxis Dr. Gerber', 'gerber@praxis.test', ['cgm-albis'], { versions: { 'cgm-albis': '24.05' } });
  const suppressed = active('Praxis Dr. Fuchs', 'fuchs@praxis.test', ['cgm-albis']);
  recordBounce(deps.db, suppressed.id, { now, limit: 1 });
  const unsubscribed = active('Praxis Dr. Engel', 'engel@praxis.test', ['cgm-albis']);
  unsubscribePractice(deps.db, unsubscribed.id, now);
  const input = preferencesSchema.parse({ name: 'Praxis Dr. Dietz', cadence: 'immediate', minSeverity: 'mittel', productIds: ['cgm-albis'] });
  recordSignup(deps.db, { ...input, email: 'dietz@praxis.test', consent: 'ja' }, { now, ip: '192.0.2.7', mailDomain: deps.mailDomain });
  const pending = deps.db.select().from(practices).where(eq(practices.email, 'dietz@praxis.test')).get()!;
  const reread = (p: Practice) => deps.db.select().from(practices).where(eq(practices.id, p.id)).get()!;
  return { immediate, daily, weekly, withVersion, suppressed: reread(suppressed), unsubscribed: reread(unsubscribed), pending };
}

/** A notice of a review source as a later read would bring it, recorded as the workers would. */
function recordHandwritten(deps: AppDeps, title: string, text: string): number {
  const stored = storeNotices(deps.db, 'handarbeit', [{ externalId: title, url: `https://rundbrief.example.test/${encodeURIComponent(title)}`, title, publishedAt: deps.clock(), text }], deps.clock());
  return recorded(deps, stored.created[0]!, title);
}

/** A CSAF document of the WID fixtures as a later read of the provider would store it. */
function recordCsaf(deps: AppDeps, name: string, baseUrl: string): number {
  const text = readFileSync(new URL(`../fixtures/csaf/white/2026/${name}.json`, import.meta.url), 'utf8');
  const { tracking, title } = JSON.parse(text).document as { tracking: { id: string; current_release_date: string }; title: string };
  const url = `${baseUrl}/wid/.well-known/csaf/white/2026/${name}.json`;
  const stored = storeNotices(deps.db, 'bsi-wid-csaf', [{ externalId: tracking.id, url, title, publishedAt: new Date(tracking.current_release_date), text }], deps.clock());
  return recorded(deps, stored.created[0]!, title);
}

function recorded(deps: AppDeps, noticeId: number, title: string): number {
  const result = recordNotice(deps, noticeId);
  if (result.advisoryId === null || result.outcome !== 'created') throw new Error(`seed: "${title}" was ${result.outcome}, not a new draft`);
  return result.advisoryId;
}
