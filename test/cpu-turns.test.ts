import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuTurn } from '../src/ingest/cpu-turns.js';

test('work after an answer takes turns: a timer that fell due during one piece runs before the next piece', async () => {
  const order: string[] = [];
  await Promise.all(
    [1, 2, 3].map(async (n) => {
      await cpuTurn();
      order.push(`piece ${n}`);
      if (n === 1) {
        setTimeout(() => order.push('timer'), 0);
        // Long enough for the timer to be due when the event loop comes round (at least 1 ms).
        const until = performance.now() + 3;
        while (performance.now() < until);
      }
    }),
  );
  assert.deepEqual(order, ['piece 1', 'timer', 'piece 2', 'piece 3']);
});

test('pieces run in the order they asked, and a later wait starts the turns again', async () => {
  const order: number[] = [];
  await Promise.all([1, 2, 3].map(async (n) => (await cpuTurn(), order.push(n))));
  await cpuTurn();
  order.push(4);
  assert.deepEqual(order, [1, 2, 3, 4]);
});
