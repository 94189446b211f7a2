import { dialectOf, type Db } from './client.js';

// The spots where a hand-written statement must read differently on SQLite and PostgreSQL, one function each.
// Everything else is the same SQL on both (src/db/pg-sync.ts).

/**
 * A join whose left side must stay the outer loop. SQLite keeps the order of a CROSS JOIN (and allows ON with it);
 * PostgreSQL has no ON on a CROSS JOIN and plans the order itself.
 */
export function orderedJoin(db: Db): string {
  return dialectOf(db) === 'postgres' ? 'join' : 'cross join';
}
