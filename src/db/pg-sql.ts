// SQL as the code writes it for SQLite (drizzle's SQLite dialect, and a few hand-written statements with `?` and
// `@name` parameters), made fit for PostgreSQL: parameters become `$1 … $n`, and numbers are sent with a type,
// because PostgreSQL cannot infer one for a parameter in a select list (`INSERT … SELECT $1`) the way SQLite
// does not need to.

export type Param = string | number | bigint | boolean | null | Buffer | Uint8Array | undefined;

/** A statement cut at its parameters: `text[0] p0 text[1] p1 … text[n]`; each slot names where its value comes from. */
export type SplitSql = { texts: string[]; slots: (number | string)[] };

/**
 * Cuts `sql` at its parameters: `?` takes the next positional value, `@name` a named one. Quoted strings,
 * quoted identifiers and comments are passed over, and `::` casts are left alone.
 */
export function splitParameters(sql: string): SplitSql {
  const texts: string[] = [];
  const slots: (number | string)[] = [];
  let from = 0;
  let positional = 0;
  let i = 0;
  const cut = (end: number, slot: number | string, next: number) => {
    texts.push(sql.slice(from, end));
    slots.push(slot);
    from = next;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      i = sql.indexOf(c, i + 1);
      // A doubled quote inside is an escaped one: the scan goes on after it.
      while (i !== -1 && sql[i + 1] === c) i = sql.indexOf(c, i + 2);
      if (i === -1) break;
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === '?') {
      cut(i, positional++, i + 1);
      i++;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      cut(i, name, i + 1 + name.length);
      i += 1 + name.length;
    } else {
      i++;
    }
  }
  texts.push(sql.slice(from));
  return { texts: texts.map(conflictTargetsUnqualified), slots };
}

/**
 * drizzle's SQLite dialect names an upsert's conflict target with its table (`on conflict ("vendors"."id")`), which
 * SQLite accepts and PostgreSQL does not: the target is the bare column there.
 */
function conflictTargetsUnqualified(text: string): string {
  return text.replace(/on conflict \(([^)]*)\)/gi, (clause, columns: string) => clause.replace(columns, columns.replace(/"[^"]+"\."([^"]+)"/g, '"$1"')));
}

/** The values of the slots, from better-sqlite3's ways of binding: `(a, b, c)`, `([a, b])` or `({ name })`. */
export function bindValues(split: SplitSql, args: unknown[]): Param[] {
  const named = args.length === 1 && isPlainObject(args[0]) ? (args[0] as Record<string, Param>) : undefined;
  const positional = named ? [] : (args.flat() as Param[]);
  return split.slots.map((slot) => {
    if (typeof slot === 'number') {
      if (slot >= positional.length) throw new RangeError(`Zu wenige Parameter für die SQL-Anweisung (${positional.length}, erwartet mindestens ${slot + 1})`);
      return positional[slot];
    }
    if (!named || !(slot in named)) throw new RangeError(`Parameter @${slot} fehlt`);
    return named[slot];
  });
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof Uint8Array);
}

/** The PostgreSQL text for these values: whole numbers as bigint, others as double precision, the rest untyped. */
export function postgresText(split: SplitSql, values: Param[]): string {
  let out = split.texts[0]!;
  for (let i = 0; i < split.slots.length; i++) {
    out += `$${i + 1}${castFor(values[i])}${split.texts[i + 1]}`;
  }
  return out;
}

function castFor(value: Param): string {
  if (typeof value === 'bigint' || typeof value === 'boolean') return '::bigint';
  if (typeof value === 'number') return Number.isInteger(value) ? '::bigint' : '::float8';
  return '';
}

/**
 * Values as the driver takes them: booleans as 1/0 (SQLite's way, and the columns are integers), undefined as null,
 * and text without U+0000. PostgreSQL's text and jsonb cannot hold that character (SQLite can); it means nothing in
 * a notice or a name, and a hostile page that sends one must not make its notice unstorable.
 */
export function driverValues(values: Param[]): unknown[] {
  return values.map((v) => {
    if (typeof v === 'string') return withoutNul(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return v.toString();
    return v === undefined ? null : v;
  });
}

function withoutNul(text: string): string {
  if (!text.includes('\u0000') && !text.includes('\\u0000')) return text;
  const bare = text.replaceAll('\u0000', '');
  // In JSON the character is written as an escape, which jsonb refuses as well.
  return /^\s*[[{]/.test(bare) ? bare.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1') : bare;
}
