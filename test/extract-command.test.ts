import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractCommand } from '../src/cli/extract.command.js';

async function run(file: string, opts: Parameters<typeof extractCommand>[1] = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await extractCommand(fileURLToPath(new URL(`fixtures/corpus/${file}`, import.meta.url)), opts, out);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { advisories: { relevant: boolean; title: string; products: { id: string }[]; published: string | null }[] };
}

test('praxiswarn extract prints one advisory per feed item, without database or Redis', async () => {
  const { advisories } = await run('heise-security.atom.xml');
  assert.deepEqual(advisories.map((a) => a.relevant), [true, false]);
  assert.equal(advisories[0]!.published, '2019-11-20T15:10:00.000Z');
});

test('a page, a text and a CSAF file give one advisory each; the format can be forced', async () => {
  assert.equal((await run('dgn-digitalisierungsbox.html')).advisories.length, 1);
  assert.equal((await run('avm-fritzos-757.txt', { format: 'text' })).advisories[0]!.products[0]!.id, 'avm-fritzbox');
  assert.equal((await run('wid-fritzbox.csaf.json')).advisories[0]!.title, 'AVM FRITZ!Box: Schwachstelle ermöglicht Manipulation von Einstellungen');
});

test('a file that cannot be read is a readable German error', async () => {
  await assert.rejects(run('gibt-es-nicht.html'), /nicht lesbar/);
});
