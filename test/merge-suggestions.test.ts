import assert from 'node:assert/strict';
import { test } from 'node:test';
import { preselectedTarget, rankMergeTargets, titleSimilarity, type MergeCandidate } from '../src/admin/merge-suggestions.js';

const avm = { id: 'avm', name: 'AVM' };
const lancomVendor = { id: 'lancom', name: 'LANCOM Systems' };
const fritzbox = { id: 'avm-fritzbox', name: 'FRITZ!Box' };
const draft: MergeCandidate = { id: 10, title: 'AVM FRITZ!Box: Schwachstellen ermöglichen Umgehen der Anmeldung', status: 'draft', products: [fritzbox], vendors: [avm], cves: ['CVE-2026-40011', 'CVE-2026-40012'] };
const lancom: MergeCandidate = { id: 12, title: 'LANCOM LCOS: Schwachstelle ermöglicht Denial of Service', status: 'draft', products: [{ id: 'lancom-router', name: 'LANCOM Router' }], vendors: [lancomVendor], cves: ['CVE-2026-38870'] };
const advisory: MergeCandidate = { id: 7, title: 'AVM FRITZ!Box: Mehrere Schwachstellen ermöglichen Umgehen von Sicherheitsvorkehrungen', status: 'published', products: [fritzbox], vendors: [avm], cves: ['CVE-2026-40011', 'CVE-2026-40012'] };

test('the FRITZ!Box advisory ranks above the newer LANCOM draft, with the reasons that make its score', () => {
  const ranked = rankMergeTargets(draft, [lancom, advisory]);
  assert.deepEqual(ranked.map((t) => t.id), [7, 12]);
  assert.deepEqual(ranked[0]!.reasons, ['gleiches Produkt: FRITZ!Box', '2 gemeinsame CVEs', 'ähnlicher Titel']);
  assert.deepEqual(ranked[1]!.reasons, ['verschiedene CVEs']);
  assert.equal(preselectedTarget(ranked), 7);
});

test('with only unrelated drafts around, nothing is preselected', () => {
  assert.equal(preselectedTarget(rankMergeTargets(draft, [lancom])), null);
  assert.equal(preselectedTarget([]), null);
});

test('a vendor and a similar title alone stay below the threshold; a tie at the top preselects nothing', () => {
  const sameVendor: MergeCandidate = { id: 13, title: 'AVM FRITZ!Repeater: Schwachstellen ermöglichen Umgehen der Anmeldung', status: 'draft', products: [{ id: 'avm-repeater', name: 'FRITZ!Repeater' }], vendors: [avm], cves: [] };
  const [only] = rankMergeTargets(draft, [sameVendor]);
  assert.deepEqual(only!.reasons, ['gleicher Hersteller: AVM', 'ähnlicher Titel']);
  assert.ok(only!.score < 3, String(only!.score));
  assert.equal(preselectedTarget([only!]), null);
  const twin = { ...advisory, id: 8 };
  assert.equal(preselectedTarget(rankMergeTargets(draft, [advisory, twin])), null, 'two equally good targets: the editor decides');
});

test('title similarity ignores case, punctuation and words every notice uses', () => {
  assert.equal(titleSimilarity('Sicherheitslücke in CGM ALBIS', 'CGM ALBIS: Update schließt Schwachstelle'), 1);
  assert.equal(titleSimilarity('FRITZ!OS 7.57 behebt Lücke', 'LANCOM LCOS 10.80'), 0);
});
