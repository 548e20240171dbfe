import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

export type Row = Record<string, unknown>;

/** Runs `work` in one transaction: all of its writes happen, or none. Repositories take the `em` it passes. */
export function inTransaction<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return orm.em.fork().transactional(work);
}

/** A query on the manager's connection, inside its transaction when it has one. */
export function query<T extends Row = Row>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/** A text[] from one JSON-array parameter: the driver would spread a JS array into several parameters. */
export const TEXT_ARRAY_FROM_JSON =
  "(select coalesce(array_agg(d), '{}') from jsonb_array_elements_text(?::jsonb) as d)";
