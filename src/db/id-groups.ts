import { sql } from 'drizzle-orm';

// Prepared statements that take a group of ids at once (`inArray(column, idGroupPlaceholders)`): one statement for
// a send job's group of mails, or a fetch's new notices, instead of one per id, and without building and compiling
// the SQL for every length of list.

/** Ids per statement: a send job's group is ten mails by default (see inFlightPerJob). */
export const idGroupSize = 16;

export const idGroupPlaceholders = Array.from({ length: idGroupSize }, (_, i) => sql.placeholder(`id${i}`));

/** The ids as values for idGroupPlaceholders, `idGroupSize` at a time; -1 (no row has it) fills the last group. */
export function idGroups(ids: number[]): Record<string, number>[] {
  const groups: Record<string, number>[] = [];
  for (let from = 0; from < ids.length; from += idGroupSize) {
    const values: Record<string, number> = {};
    for (let i = 0; i < idGroupSize; i++) values[`id${i}`] = ids[from + i] ?? -1;
    groups.push(values);
  }
  return groups;
}
