// A card terminal's own parts name the cards that go into them ("Steckplatz 2 für den Heilberufsausweis (HBA)"), and
// a how-to names the way an update takes ("Update via Konnektor"). In a notice whose headline names the terminal, a
// product named only there is a place or a channel of the steps, not a product the notice is about (issue 16, class 5).
import type { Product } from '../catalog/catalog.models.js';
import { mentions, type Matcher } from './products.js';
import type { Sentence } from './sentences.js';

// What stands right before a product named as a part's purpose or as a channel.
const partOrChannel = /(?:(?:Steckplatz|Slot|Kartenschacht|Schacht|Einschub|Kartenslot|Kartenleser)\s*\d*\s+für\s+(?:den|die|das|einen|eine|ein)\s+|(?<!\p{L})(?:via|über)\s+(?:den|die|das|einen|eine|ein\s+)?)$/u;

/** Drops the products a notice names only as the slot of a device in its headline, or as the way an update takes. */
export function dropPartsAndChannels<T extends { product: Product }>(matcher: Matcher, hits: T[], sentences: Sentence[], title: string, familyContext: string | null = null): T[] {
  const headline = new Set(mentions(matcher, title, familyContext).map((m) => m.product.id));
  if (headline.size === 0) return hits;
  return hits.filter((h) => {
    if (headline.has(h.product.id)) return true;
    let named = 0;
    for (const s of sentences) {
      for (const m of mentions(matcher, s.text, familyContext)) {
        if (m.product.id !== h.product.id) continue;
        named++;
        if (!partOrChannel.test(s.text.slice(Math.max(0, m.index - 60), m.index))) return true;
      }
    }
    return named === 0;
  });
}
