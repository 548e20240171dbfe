import { ApplicationFailure } from '@temporalio/common';
import { classifyFailure } from '../../../activities/failure-classification.js';

const pgError = (code: string) => Object.assign(new Error(`postgres said ${code}`), { code });

describe('classifyFailure', () => {
  it.each(['22021', '22P05', '22001', '23505', '23503', '08P01', '42703'])(
    'makes SQLSTATE %s non-retryable',
    (code) => {
      const failure = classifyFailure('recordGrant', pgError(code));
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: true, type: 'PermanentDataError' });
    },
  );

  it('finds the state on an error the ORM wrapped', () => {
    const wrapped = Object.assign(new Error('insert failed'), { cause: pgError('23514') });
    expect(classifyFailure('recordGrant', wrapped)).toMatchObject({ nonRetryable: true });
  });

  it.each(['08006', '40001', '57P01', '53300'])(
    'leaves SQLSTATE %s (connection, serialization, shutdown, capacity) to retry',
    (code) => {
      const error = pgError(code);
      expect(classifyFailure('recordGrant', error)).toBe(error);
    },
  );

  it('leaves an error without a SQLSTATE to retry', () => {
    const error = new Error('ECONNREFUSED');
    expect(classifyFailure('recordGrant', error)).toBe(error);
  });
});
