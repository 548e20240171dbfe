import type { EntityManager, EntityName, QueryOrderMap } from '@mikro-orm/postgresql';

/** An entity's columns as a plain object: what a list reads, without the ORM's per-entity bookkeeping. */
export type Row<T> = { [K in keyof T as K extends string ? K : never]: T[K] };

/**
 * One page of rows as plain objects (columns mapped to properties and types), not entities: a list only shows them,
 * and hydrating and tracking an entity for each row cost most of a list request's allocations.
 */
export function selectRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: Record<string, unknown>,
  options: { orderBy: QueryOrderMap<T>; limit: number; exclude?: readonly string[] },
): Promise<Array<Row<T>>> {
  const fields = columnProperties(em, entity, options.exclude).map((prop) => prop.name);
  return em
    .createQueryBuilder(entity)
    .select(fields as never)
    .where(where as never)
    .orderBy(options.orderBy)
    .limit(options.limit)
    .execute('all', true) as Promise<Array<Row<T>>>;
}

/** The columns of `entity` but those of the properties in `exclude`, each as `alias.column` (for raw SQL). */
export function columnsOf<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  alias: string,
  exclude: readonly string[] = [],
): string[] {
  return columnProperties(em, entity, exclude).flatMap((prop) => prop.fieldNames.map((field) => `${alias}.${field}`));
}

function columnProperties<T extends object>(em: EntityManager, entity: EntityName<T>, exclude: readonly string[] = []) {
  return em.getMetadata(entity).props.filter((prop) => prop.fieldNames?.length && !exclude.includes(prop.name));
}

/** Maps raw rows (column names) of `entity` to plain objects with its properties and types. */
export function mapRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: Array<Record<string, unknown>>,
): Array<Row<T>> {
  const meta = em.getMetadata(entity);
  return rows.map((row) => em.getDriver().mapResult(row as never, meta) as unknown as Row<T>);
}
