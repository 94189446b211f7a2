/** What the ranking knows of an advisory: its catalog products, its vendors (of those products or as extracted), its CVEs, its title. */
export type MergeCandidate = {
  id: number;
  title: string;
  status: string;
  products: { id: string; name: string }[];
  vendors: { id: string; name: string }[];
  cves: string[];
};

export type MergeSuggestion = { id: number; title: string; status: string; score: number; reasons: string[] };

// The weights say how sure each signal makes an editor that two reports describe one incident:
// - a shared CVE names one vulnerability exactly: 4, and 1 more for each further one;
// - a shared product is strong, but a vendor ships several fixes a year (another release is another incident): 3,
//   and 1 more for each further one;
// - the same vendor without a shared product is a hint only (LANCOM or CGM make dozens of products): 1;
// - similar titles: up to 2 (twice the share of common words), so words alone never reach the threshold;
// - different CVEs on both sides mean different vulnerabilities: minus 3.
const weights = { firstCve: 4, moreCve: 1, firstProduct: 3, moreProduct: 1, vendor: 1, title: 2, otherCves: -3 };

/** From this score on the best candidate is preselected: one shared product or one shared CVE reaches it. */
export const preselectScore = 3;

// Function words and what every security notice says; they do not tell two incidents apart.
const stopWords = new Set(
  'der die das den dem des ein eine einer eines einem einen und oder auf für mit von vom zum zur im in an am bei aus nach über unter vor bis durch gegen ohne ist sind wird werden wurde kann können soll sollen sollten neue neuer neues jetzt alle ihre ihr sie wir es zu als auch nicht noch mehr the of and for in on to a an is'
    .concat(' sicherheit sicherheitslücke sicherheitslücken sicherheitshinweis sicherheitsupdate schwachstelle schwachstellen lücke lücken update updates version versionen warnung hinweis hinweise praxen praxis kunden schließt behebt behoben geschlossen')
    .split(' '),
);

/** Title words that can tell incidents apart, lower-cased, without stop words. */
export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}\p{N}.]+/u)
      .map((w) => w.replace(/^\.+|\.+$/g, ''))
      .filter((w) => w.length > 1 && !stopWords.has(w)),
  );
}

/** Share of common words (Jaccard): 1 for the same words, 0 for none in common. */
export function titleSimilarity(a: string, b: string): number {
  const x = titleWords(a);
  const y = titleWords(b);
  const common = [...x].filter((w) => y.has(w)).length;
  const all = new Set([...x, ...y]).size;
  return all === 0 ? 0 : common / all;
}

/** Scores one candidate against the draft, with the German reasons that add up to the score. */
export function scoreCandidate(draft: MergeCandidate, candidate: MergeCandidate): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const sharedProducts = candidate.products.filter((p) => draft.products.some((q) => q.id === p.id));
  const sharedCves = candidate.cves.filter((c) => draft.cves.includes(c));
  if (sharedProducts.length > 0) {
    score += weights.firstProduct + weights.moreProduct * (sharedProducts.length - 1);
    reasons.push(`${sharedProducts.length === 1 ? 'gleiches Produkt' : 'gleiche Produkte'}: ${sharedProducts.map((p) => p.name).join(', ')}`);
  } else {
    const sameVendor = candidate.vendors.find((v) => draft.vendors.some((w) => w.id === v.id));
    if (sameVendor) {
      score += weights.vendor;
      reasons.push(`gleicher Hersteller: ${sameVendor.name}`);
    }
  }
  if (sharedCves.length > 0) {
    score += weights.firstCve + weights.moreCve * (sharedCves.length - 1);
    reasons.push(sharedCves.length === 1 ? '1 gemeinsame CVE' : `${sharedCves.length} gemeinsame CVEs`);
  } else if (draft.cves.length > 0 && candidate.cves.length > 0) {
    score += weights.otherCves;
    reasons.push('verschiedene CVEs');
  }
  const similarity = titleSimilarity(draft.title, candidate.title);
  score += weights.title * similarity;
  if (similarity >= 0.25) reasons.push('ähnlicher Titel');
  return { score: Math.round(score * 100) / 100, reasons };
}

/** Candidates for "merge into", best first (newest first among equals), each with its score and reasons. */
export function rankMergeTargets(draft: MergeCandidate, candidates: MergeCandidate[]): MergeSuggestion[] {
  return candidates
    .filter((c) => c.id !== draft.id)
    .map((c) => ({ id: c.id, title: c.title, status: c.status, ...scoreCandidate(draft, c) }))
    .sort((a, b) => b.score - a.score || b.id - a.id);
}

/**
 * The target to preselect: the best one when it reaches `preselectScore` and no other scores the same.
 * A tie or a weak best guess leaves the choice to the editor.
 */
export function preselectedTarget(ranked: MergeSuggestion[]): number | null {
  const [best, second] = ranked;
  if (!best || best.score < preselectScore) return null;
  return second && second.score === best.score ? null : best.id;
}
