import { jest } from '@jest/globals';
import { ExistenceLookahead } from '../../../src/cases/existence-lookahead.js';

describe('ExistenceLookahead: whether a start exists, asked ahead of its answer time', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** An engine that answers after `ms`, counting the questions. */
  function engine(ms: number, exists = true) {
    const asked: number[] = [];
    const ask = (caseId: string) => {
      asked.push(performance.now());
      return new Promise<boolean>((resolve) => setTimeout(() => resolve(exists && caseId !== 'missing'), ms));
    };
    return { asked, ask };
  }

  it('asks the lead time before the answer time, so the answer is there when it is due', async () => {
    const { asked, ask } = engine(20);
    const lookahead = new ExistenceLookahead(ask);
    const now = performance.now();
    const question = lookahead.ahead('case-1', now + 1000);
    expect(lookahead.leadMs).toBe(50);
    await jest.advanceTimersByTimeAsync(1000);
    expect(asked).toEqual([now + 950]);
    // Due: the answer came 20 ms after it was asked, 30 ms before the answer time; nothing more is asked.
    await expect(question.result()).resolves.toBe(true);
    expect(asked).toHaveLength(1);
  });

  it('asks nothing ahead without an answer time, and asks when the answer is wanted', async () => {
    const { asked, ask } = engine(20);
    const question = new ExistenceLookahead(ask).ahead('case-1', undefined);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(asked).toHaveLength(0);
    const result = question.result();
    await jest.advanceTimersByTimeAsync(20);
    await expect(result).resolves.toBe(true);
    expect(asked).toHaveLength(1);
  });

  it('asks nothing at all for a start confirmed before the lead time', async () => {
    const { asked, ask } = engine(20);
    const question = new ExistenceLookahead(ask).ahead('case-1', performance.now() + 1000);
    await jest.advanceTimersByTimeAsync(500);
    question.cancel();
    await jest.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(0);
  });

  it('asks again at the answer time when the early answer was no (the start may have landed since)', async () => {
    let landed = false;
    const asked: boolean[] = [];
    const lookahead = new ExistenceLookahead(async () => {
      asked.push(landed);
      return landed;
    });
    const question = lookahead.ahead('case-1', performance.now() + 1000);
    await jest.advanceTimersByTimeAsync(1000);
    landed = true;
    await expect(question.result()).resolves.toBe(true);
    expect(asked).toEqual([false, true]);
  });

  it('leads by four times the recent question time, within its bounds', async () => {
    const leadsAfter = async (ms: number, n: number) => {
      const { ask } = engine(ms);
      const lookahead = new ExistenceLookahead(ask, { minLeadMs: 50, maxLeadMs: 500, weight: 0.5 });
      const leads = [lookahead.leadMs];
      for (let i = 0; i < n; i++) {
        const result = lookahead.ahead('case-1', undefined).result();
        await jest.advanceTimersByTimeAsync(ms);
        await result;
        leads.push(lookahead.leadMs);
      }
      return leads;
    };
    // The recent time starts at a quarter of the least lead (12.5 ms) and moves halfway to each question's time:
    // 81.25, 115.625, 132.8125 ms.
    expect(await leadsAfter(150, 3)).toEqual([50, 325, 462.5, 500]);
    expect(await leadsAfter(1000, 2)).toEqual([50, 500, 500]);
    expect(await leadsAfter(1, 2)).toEqual([50, 50, 50]);
  });
});
