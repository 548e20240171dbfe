import { DomainError, fieldError } from '../errors/domain-error.js';

/** Opaque keyset-pagination cursors: the sort key and id of the last row returned. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    // Both parts come back from the client: a sort key that is no instant, or an id with a NUL, is not ours.
    const valid =
      typeof sortKey === 'string' &&
      typeof id === 'string' &&
      !Number.isNaN(Date.parse(sortKey)) &&
      !id.includes('\u0000');
    if (valid) return { sortKey, id };
  } catch {
    // fall through
  }
  throw new DomainError(
    'invalid',
    'CURSOR_INVALID',
    { zh: '分页游标无效，请从第一页重新获取', en: 'Invalid cursor; start again from the first page' },
    [fieldError('cursor', 'isCursor', '不是本接口返回的分页游标', 'not a cursor returned by this endpoint')],
  );
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A page from rows fetched one past the page size: the extra row only says
 * that another page follows, whose cursor is the sort key and id of the last row kept.
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, sortKey: (row: T) => Date): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(sortKey(last).toISOString(), last.id) : null,
  };
}
