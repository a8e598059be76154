import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

/**
 * A query built and compiled once, then run with fresh values in its named slots. Kysely
 * builds and compiles a query anew on every call; for the few queries on the path that has to
 * ack within Slack's deadline (every `/agenda add` asks for the group's next meeting), that
 * was a visible share of the request. A slot is a unique placeholder value: the compiled
 * query's parameters are the slots and constants in order, so each slot is found by identity.
 */
export function reusableQuery<DB, Row, Slot extends string>(
  db: Kysely<DB>,
  build: (slot: (name: Slot) => string) => Compilable<Row>,
): (values: Readonly<Record<Slot, unknown>>) => Promise<Row[]> {
  const placeholders = new Map<string, Slot>();
  const compiled = build((name) => {
    const placeholder = `\u0000slot:${name}:${placeholders.size}`;
    placeholders.set(placeholder, name);
    return placeholder;
  }).compile();
  const bindings = compiled.parameters.map((p) => (typeof p === 'string' ? placeholders.get(p) : undefined));
  if (bindings.filter((b) => b !== undefined).length !== placeholders.size) {
    throw new Error('reusableQuery: every slot must appear exactly once among the parameters');
  }
  return async (values) => {
    const parameters = compiled.parameters.map((p, i) => {
      const slot = bindings[i];
      return slot === undefined ? p : values[slot];
    });
    const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows as Row[];
  };
}
