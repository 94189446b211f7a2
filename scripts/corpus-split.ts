// Moves the cases of test/fixtures/real/incoming/ into visible/ or blind/ by the fixed rule of LABELS.md: a case is
// blind when the first byte of the SHA-256 of its base name is below 86 (a third of 256). Run once per batch of new
// cases, before anyone scores them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const root = 'test/fixtures/real';
const incoming = join(root, 'incoming');

/** The split of a case, from its name alone. */
export function splitOf(name: string): 'visible' | 'blind' {
  return createHash('sha256').update(name).digest()[0]! < 86 ? 'blind' : 'visible';
}

if (existsSync(incoming)) {
  const moved = { visible: 0, blind: 0 };
  for (const split of ['visible', 'blind'] as const) mkdirSync(join(root, split), { recursive: true });
  for (const file of readdirSync(incoming).sort()) {
    const name = file.split('.')[0]!;
    const split = splitOf(name);
    if (existsSync(join(root, split, file))) throw new Error(`${file} liegt schon in ${split}/`);
    renameSync(join(incoming, file), join(root, split, file));
    if (file.endsWith('.expected.json')) moved[split]++;
  }
  console.log(`${moved.visible} Fälle nach visible/, ${moved.blind} nach blind/.`);
}
