import { causeChain } from './cause-chain.js';

/** Node socket errors and PostgreSQL SQLSTATEs that mean the database cannot be reached now, not that the request is wrong. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNREACHABLE_SQLSTATE = /^(08|57P0[1-3])/;
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** Whether an error (or one it wraps, as the ORM does) says PostgreSQL is out of reach: a 503, never a 500. */
export function isDatabaseUnreachable(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      e.name === 'ConnectionException' ||
      (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || UNREACHABLE_SQLSTATE.test(e.code))) ||
      (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)),
  );
}
