import { createHash } from 'node:crypto';

/** The chain's start: what the first row's `previous` is. */
export const CHAIN_GENESIS = '0'.repeat(64);

/** What a row's chain hash covers besides the previous row's: where it sits, what it is, and its content's hash. */
export interface ChainedRow {
  seq: number;
  workflowId: string;
  runId: string;
  closedAt: string;
  contentSha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const contentHash = (history: string): string => sha256(history);

/** SHA-256 over the previous row's chain hash and this row's identity and content hash, one field a line. */
export function chainHash(previous: string, row: ChainedRow): string {
  return sha256([previous, row.seq, row.workflowId, row.runId, row.closedAt, row.contentSha256].join('\n'));
}

export type ChainProblem = 'content' | 'chain' | 'link' | 'gap';

export interface StoredRow extends ChainedRow {
  history: string;
  previousSha256: string;
  chainSha256: string;
}

/**
 * What is wrong with a row, given the row before it (undefined for the first):
 * its content changed, its chain hash does not cover it, it does not link to
 * the row before, or a row is missing between them.
 */
export function problemOf(
  row: StoredRow,
  before: Pick<StoredRow, 'seq' | 'chainSha256'> | undefined,
): ChainProblem | undefined {
  if (contentHash(row.history) !== row.contentSha256) return 'content';
  if (chainHash(row.previousSha256, row) !== row.chainSha256) return 'chain';
  const expectedSeq = before ? before.seq + 1 : 1;
  if (row.seq !== expectedSeq) return 'gap';
  if (row.previousSha256 !== (before?.chainSha256 ?? CHAIN_GENESIS)) return 'link';
  return undefined;
}
