// The sample of the agreement study (test/fixtures/real/second-labels/README.md). `--sample` prints it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const visibleDir = 'test/fixtures/real/visible';

/** The sample rule: SHA-256 order, one relevant advisory with actions, at most 2 per publisher, first 40. */
export function sample(dir = visibleDir, size = 40, perPublisher = 2): string[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.slice(0, -'.expected.json'.length));
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  names.sort((a, b) => (sha(a) < sha(b) ? -1 : sha(a) > sha(b) ? 1 : 0));
  const taken: string[] = [];
  const perPub = new Map<string, number>();
  for (const name of names) {
    if (taken.length >= size) break;
    const advisories = (JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { advisories: { relevant: boolean; actions: unknown[] }[] }).advisories;
    if (advisories.length !== 1 || !advisories[0]!.relevant || advisories[0]!.actions.length === 0) continue;
    const pub = name.split('-')[0]!;
    if ((perPub.get(pub) ?? 0) >= perPublisher) continue;
    perPub.set(pub, (perPub.get(pub) ?? 0) + 1);
    taken.push(name);
  }
  return taken;
}

if (process.argv.includes('--sample')) for (const n of sample()) console.log(n);
