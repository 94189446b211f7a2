import { eq, inArray } from 'drizzle-orm';
import { products } from '../catalog/catalog.table.js';
import type { Db } from '../db/client.js';
import { deliveries } from '../notify/deliveries.table.js';
import { messageIdFor } from '../notify/message-id.js';
import { newPracticeSchema } from '../practices/practices.repository.js';
import { practices, subscriptions } from '../practices/practices.table.js';
import { writeAudit, type Actor } from './audit.repository.js';
import { parseCsv } from './csv.js';

export type ImportRow = {
  line: number;
  name: string;
  email: string;
  productIds: string[];
  outcome: 'create' | 'exists' | 'error';
  message: string;
};

/** The rows and the header columns the import does not read (shown, so that nothing is dropped unseen). */
export type ImportPlan = { rows: ImportRow[]; ignoredColumns: string[] };

const maxRows = 5000;
const fileError = (line: number, message: string): ImportPlan => ({ rows: [{ line, name: '', email: '', productIds: [], outcome: 'error', message }], ignoredColumns: [] });

/**
 * What importing the CSV (columns name, email, products) would do, row by row, without changing anything.
 * Products may be given by catalog id or name, separated by `|`, `;` or `,` (whichever is not the delimiter).
 */
export function planImport(db: Db, csv: string): ImportPlan {
  const { records, unclosedQuoteLine } = parseCsv(csv);
  if (unclosedQuoteLine !== null) return fileError(unclosedQuoteLine, 'Ein Anführungszeichen wird nicht geschlossen; der Rest der Datei wäre ein einziges Feld. Bitte korrigieren Sie die Zeile.');
  const header = (records.shift()?.fields ?? []).map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const [iName, iEmail, iProducts] = [col(['name', 'praxis']), col(['email', 'e-mail', 'mail']), col(['products', 'produkte'])];
  if (iName < 0 || iEmail < 0 || iProducts < 0) return fileError(1, 'Die erste Zeile muss die Spalten name, email und products nennen.');
  if (records.length > maxRows) return fileError(1, `Höchstens ${maxRows} Zeilen je Import.`);
  const ignoredColumns = header.filter((h, i) => h !== '' && ![iName, iEmail, iProducts].includes(i));
  const catalog = db.select({ id: products.id, name: products.name, aliases: products.aliases }).from(products).all();
  const lookup = new Map<string, string>();
  for (const p of catalog) for (const key of [p.id, p.name, ...p.aliases]) lookup.set(key.toLowerCase(), p.id);
  const emails = records.map((r) => (r.fields[iEmail] ?? '').trim().toLowerCase()).filter(Boolean);
  const known = new Set(emails.length ? db.select({ email: practices.email }).from(practices).where(inArray(practices.email, emails)).all().map((r) => r.email) : []);
  const seen = new Set<string>();
  const rows = records.map(({ line, fields: r }): ImportRow => {
    const refs = (r[iProducts] ?? '').split(/[|;,]/).map((s) => s.trim()).filter(Boolean);
    const productIds = [...new Set(refs.map((ref) => lookup.get(ref.toLowerCase()) ?? ''))];
    const unknown = refs.filter((ref) => !lookup.has(ref.toLowerCase()));
    const parsed = newPracticeSchema.safeParse({ name: r[iName] ?? '', email: (r[iEmail] ?? '').trim(), productIds: productIds.filter(Boolean) });
    const base = { line, name: (r[iName] ?? '').trim(), email: (r[iEmail] ?? '').trim().toLowerCase(), productIds: productIds.filter(Boolean) };
    // More filled cells than the header names: usually an unquoted delimiter inside a name or a product list.
    if (r.slice(header.length).some((f) => f.trim() !== '')) return { ...base, outcome: 'error', message: `Die Zeile hat mehr Spalten als die Kopfzeile (${header.length}); setzen Sie Felder mit Trennzeichen in Anführungszeichen.` };
    if (unknown.length) return { ...base, outcome: 'error', message: `Unbekannte Produkte: ${unknown.join(', ')}` };
    if (!parsed.success) return { ...base, outcome: 'error', message: parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('; ') };
    if (seen.has(parsed.data.email)) return { ...base, outcome: 'error', message: 'Diese Adresse steht schon weiter oben in der Datei.' };
    seen.add(parsed.data.email);
    if (known.has(parsed.data.email)) return { ...base, outcome: 'exists', message: 'Praxis ist schon angemeldet; sie wird nicht verändert.' };
    return { ...base, outcome: 'create', message: 'wird angelegt und erhält eine Bestätigungs-E-Mail' };
  });
  return { rows, ignoredColumns };
}

/**
 * Imports the rows the plan would create: each practice `pending` (origin `import`) with its subscriptions and one
 * `confirm` delivery, so nothing is sent to it before it confirms. Rows with errors or known addresses are left out.
 */
export function runImport(db: Db, actor: Actor, csv: string, { now, mailDomain }: { now: Date; mailDomain: string }): { created: number; plan: ImportPlan } {
  const plan = planImport(db, csv);
  const created = db.transaction((tx) => {
    let count = 0;
    for (const row of plan.rows.filter((r) => r.outcome === 'create')) {
      const practice = tx
        .insert(practices)
        .values({ name: row.name, email: row.email, status: 'pending', origin: 'import', createdAt: now })
        .onConflictDoNothing({ target: practices.email })
        .returning({ id: practices.id })
        .get();
      if (!practice) continue;
      for (const productId of row.productIds) tx.insert(subscriptions).values({ practiceId: practice.id, productId, createdAt: now }).onConflictDoNothing().run();
      const dedupeKey = `confirm:${practice.id}`;
      tx.insert(deliveries).values({ practiceId: practice.id, kind: 'confirm', dedupeKey, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now }).onConflictDoNothing({ target: deliveries.dedupeKey }).run();
      count++;
    }
    writeAudit(tx, actor, { action: 'practices.import', entity: 'practice', entityId: 'import', after: { created: count, skipped: plan.rows.length - count } }, now);
    return count;
  });
  return { created, plan };
}

export function practiceIdByEmail(db: Db, email: string): number | undefined {
  return db.select({ id: practices.id }).from(practices).where(eq(practices.email, email.toLowerCase())).get()?.id;
}
