import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories } from '../advisories/advisories.table.js';
import { products } from '../catalog/catalog.table.js';
import { deliveries, matches } from '../notify/deliveries.table.js';
import { acknowledgements, practices, scopeSubscriptions, subscriptions } from './practices.table.js';
import { absences } from './practices.table.js';

/** Everything stored about one practice, as the JSON download of the manage page (Art. 15 and 20 DSGVO). */
export function exportPracticeData(db: Db, practiceId: number, now: Date) {
  const p = db.select().from(practices).where(eq(practices.id, practiceId)).get();
  if (!p) return undefined;
  return {
    exportiertAm: now.toISOString(),
    praxis: {
      name: p.name,
      email: p.email,
      status: p.status,
      haeufigkeit: p.cadence,
      mindestEinstufung: p.minSeverity,
      itDienstleisterEmail: p.partnerEmail,
      tiStoerungen: p.tiOutages,
      herkunft: p.origin,
      einwilligung: { fassung: p.consentVersion, zeitpunkt: p.consentAt?.toISOString() ?? null, ipAdresse: p.consentIp },
      angelegtAm: p.createdAt.toISOString(),
      bestaetigtAm: p.confirmedAt?.toISOString() ?? null,
      abgemeldetAm: p.unsubscribedAt?.toISOString() ?? null,
      unzustellbareZustellungen: p.bounceCount,
    },
    produkte: db
      .select({ id: subscriptions.productId, name: products.name, version: subscriptions.version, seit: subscriptions.createdAt })
      .from(subscriptions)
      .innerJoin(products, eq(products.id, subscriptions.productId))
      .where(eq(subscriptions.practiceId, practiceId))
      .all()
      .map((s) => ({ ...s, seit: s.seit.toISOString() })),
    bereiche: db
      .select()
      .from(scopeSubscriptions)
      .where(eq(scopeSubscriptions.practiceId, practiceId))
      .all()
      .map((s) => ({ art: s.scope === 'vendor' ? 'hersteller' : 'kategorie', wert: s.value, seit: s.createdAt.toISOString() })),
    warnungen: db
      .select({ id: advisories.id, titel: advisories.title, zugeordnetAm: matches.createdAt })
      .from(matches)
      .innerJoin(advisories, eq(advisories.id, matches.advisoryId))
      .where(eq(matches.practiceId, practiceId))
      .all()
      .map((m) => ({ ...m, zugeordnetAm: m.zugeordnetAm.toISOString() })),
    erledigt: db
      .select()
      .from(acknowledgements)
      .where(eq(acknowledgements.practiceId, practiceId))
      .all()
      .map((a) => ({ warnung: a.advisoryId, massnahme: a.actionPosition === -1 ? 'alle' : a.actionPosition + 1, am: a.createdAt.toISOString(), von: a.doneBy })),
    // Urlaubsvertretung: closing periods with the deputy's address and whether it confirmed.
    schliesszeiten: db
      .select()
      .from(absences)
      .where(eq(absences.practiceId, practiceId))
      .all()
      .map((a) => ({
        von: a.firstDay,
        bis: a.lastDay,
        vertretungEmail: a.deputyEmail,
        bestaetigtAm: a.deputyConfirmedAt?.toISOString() ?? null,
        aufgehobenAm: a.cancelledAt?.toISOString() ?? null,
        eingetragenAm: a.createdAt.toISOString(),
      })),
    emails: db
      .select()
      .from(deliveries)
      .where(eq(deliveries.practiceId, practiceId))
      .orderBy(asc(deliveries.createdAt))
      .all()
      .map((d) => ({ art: d.kind, warnung: d.advisoryId, status: d.status, erstellt: d.createdAt.toISOString(), gesendet: d.sentAt?.toISOString() ?? null })),
  };
}

/** Deletes the practice and, by cascade, its subscriptions, scopes, matches, acknowledgements and deliveries. */
export function deletePractice(db: Db, practiceId: number): boolean {
  return db.delete(practices).where(eq(practices.id, practiceId)).run().changes > 0;
}
