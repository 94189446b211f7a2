import type { AdvisoryDetails } from '../../advisories/advisories.repository.js';
import { severities } from '../../advisories/advisories.table.js';
import type { AdvisoryEdit } from '../../admin/curation.models.js';
import { first } from './admin.context.js';

/** The editor form as an edit: parallel lists in document order; the empty "add" rows are dropped. */
export function editFromForm(form: Record<string, string[]>): AdvisoryEdit & { products: NonNullable<AdvisoryEdit['products']>; actions: NonNullable<AdvisoryEdit['actions']> } {
  const ids = form['product_id'] ?? [];
  const productRows = ids
    .map((productId, i) => ({ productId, affectedVersions: form['product_affected']?.[i] ?? null, fixedVersion: form['product_fixed']?.[i] ?? null }))
    .filter((p) => p.productId !== '');
  const texts = form['action_text'] ?? [];
  const actionRows = texts.map((text, i) => ({ id: Number(form['action_id']?.[i]) || null, text }));
  const added = first(form, 'action_new').trim();
  if (added) actionRows.push({ id: null, text: added });
  return {
    title: first(form, 'title'),
    summary: first(form, 'summary'),
    severity: first(form, 'severity') as AdvisoryEdit['severity'],
    // The form always shows the checkbox: not sent means not ticked.
    exploited: first(form, 'exploited') === '1',
    products: productRows,
    actions: actionRows,
    cves: first(form, 'cves').split(/[\s,;]+/).filter(Boolean),
  };
}

/** The stored advisory with the editor's unsaved values, for showing a refused form again. */
export function withEdit(stored: AdvisoryDetails, edit: ReturnType<typeof editFromForm>): AdvisoryDetails {
  const evidence = new Map(stored.actions.map((a) => [a.id, a.evidence]));
  return {
    ...stored,
    title: edit.title,
    summary: edit.summary ?? '',
    severity: (severities as readonly string[]).includes(edit.severity) ? edit.severity : stored.severity,
    exploited: edit.exploited ?? stored.exploited,
    products: edit.products.map((p) => ({ advisoryId: stored.id, productId: p.productId, affectedVersions: p.affectedVersions ?? null, fixedVersion: p.fixedVersion ?? null })),
    actions: edit.actions.map((a, position) => ({ id: a.id ?? 0, advisoryId: stored.id, position, text: a.text, evidence: (a.id ? evidence.get(a.id) : null) ?? null })),
    cves: edit.cves,
  };
}

/** The up/down/remove buttons are submit buttons of the one form: the whole form is saved with the change applied. */
export function applyOp<T extends ReturnType<typeof editFromForm>>(edit: T, op: string): T {
  const [kind, raw] = op.split(':');
  const i = Number(raw);
  const move = (list: unknown[], from: number, to: number) => {
    if (from < 0 || to < 0 || from >= list.length || to >= list.length) return;
    const [item] = list.splice(from, 1);
    list.splice(to, 0, item);
  };
  if (kind === 'up') move(edit.actions, i, i - 1);
  else if (kind === 'down') move(edit.actions, i, i + 1);
  else if (kind === 'remove-action') edit.actions.splice(i, 1);
  else if (kind === 'remove-product') edit.products.splice(i, 1);
  return edit;
}

export function anchorIndex(op: string): number {
  const [kind, raw] = op.split(':');
  const i = Number(raw);
  return Math.max(0, kind === 'up' ? i - 1 : kind === 'down' ? i + 1 : i - 1);
}
