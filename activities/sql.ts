import type { MikroORM } from '@mikro-orm/postgresql';

export type Row = Record<string, unknown>;
export type Query = (sql: string, params?: unknown[]) => Promise<Row[]>;

/** A text[] from one JSON-array parameter: the driver would spread a JS array into several parameters. */
export const TEXT_ARRAY_FROM_JSON = "(select coalesce(array_agg(d), '{}') from jsonb_array_elements_text(?::jsonb) as d)";

/** Runs `work` in one transaction, its queries bound to it: all of it is written, or none. */
export function inTransaction<T>(orm: MikroORM, work: (query: Query) => Promise<T>): Promise<T> {
  return orm.em.fork().transactional((em) => {
    const ctx = em.getTransactionContext();
    return work((sql, params = []) => em.getConnection().execute<Row[]>(sql, params, 'all', ctx));
  });
}
