// Products named as part of a practice's setup in a notice about another maker's product: "Praxen, die CGM ALBIS
// nutzen, sollten vor dem Windows-Update Rücksprache halten", "Daten aus psyprax können in der Cloud landen" (a notice
// on Windows 10 and OneDrive). The headline says what the notice is about; the practice's own software is the setting.
import type { Product } from '../catalog/catalog.models.js';
import { mentions, type Matcher } from './products.js';

const usersOf = /(?<!\p{L})(?:Praxen|Kunden|Kundinnen|Nutzer\p{L}*|Anwender\p{L}*|Benutzer\p{L}*|customers|users)\s+(?:von|der|des|mit|of|with)\s+(?:(?:der|dem|den|einer?m?)\s+)?$/iu;
const whoUse = /,\s*(?:die|welche|who|that)\s+(?:(?:die|das|den|der|eine?n?)\s+)?(?:Praxissoftware\s+|Software\s+|PVS\s+)?$/iu;
const use = /^\s*(?:\p{L}+\s+){0,2}?(?:nutzen|verwenden|einsetzen|use|run)(?!\p{L})/iu;
const fault = /nicht\s+mehr|Probleme?n?(?!\p{L})|Fehler|Absturz|abstürz|Störung|gestört|funktionier\p{L}*\s+nicht|no\s+longer|crash|fail/iu;
const dataFrom = /(?<!\p{L})(?:Daten|Datensicherungen|Sicherungen|Backups?|Dateien|data|files)\s+(?:aus|von|from)\s+(?:(?:der|dem|den|Ihre[rm]?|ihre[rm]?|your)\s+)?$/iu;

/**
 * Drops the products named only as what practices use or as a source of data, when the headline (or the lead) names
 * another maker's product.
 */
export function dropPracticeSetting<T extends { product: Product; evidence: string }>(matcher: Matcher, hits: T[], title: string, lead: string[], familyContext: string | null = null): T[] {
  // The headline's products, or where it names none, the first sentence's that does.
  const specific = (text: string) => mentions(matcher, text, familyContext).filter((m) => m.product.covers.length === 0);
  let titled: ReturnType<typeof specific> = [];
  for (const text of [title, ...lead]) if ((titled = specific(text)).length > 0) break;
  if (titled.length === 0) return hits;
  const makers = new Set(titled.map((m) => m.product.vendor));
  return hits.filter((h) => {
    if (makers.has(h.product.vendor)) return true;
    const m = mentions(matcher, h.evidence, familyContext).find((n) => n.product.id === h.product.id);
    if (!m) return true;
    const before = h.evidence.slice(Math.max(0, m.index - 80), m.index);
    // "Praxen, die CGM ALBIS nutzen, können danach nicht mehr drucken": a fault those users meet is in their software too.
    if (fault.test(h.evidence)) return true;
    return !(usersOf.test(before) || dataFrom.test(before) || (whoUse.test(before) && use.test(h.evidence.slice(m.end))));
  });
}
