import { StartAdmission } from '../../../src/cases/start-admission.js';

describe('StartAdmission: which case starts an API instance takes on', () => {
  /** Asks `n` times at `now`; the tickets given. */
  const admit = (admission: StartAdmission, n: number, now: number) =>
    Array.from({ length: n }, () => admission.admit(now)).filter((t): t is number => t !== null);

  it('admits up to the limit while starts are quick, and one more once a start ends', () => {
    const admission = new StartAdmission({ limit: 5, floor: 2, targetMs: 1000 });
    const tickets = admit(admission, 8, 0);
    expect(tickets).toHaveLength(5);
    admission.finished(tickets[0], 200);
    expect(admit(admission, 2, 200)).toHaveLength(1);
  });

  it('drops to the floor while recent starts took longer than the target, and rises again when they are quick', () => {
    const admission = new StartAdmission({ limit: 10, floor: 2, targetMs: 1000, weight: 0.5 });
    for (const ticket of admit(admission, 3, 0)) admission.finished(ticket, 3000);
    expect(admission.state).toEqual({ inFlight: 0, recentMs: 3000 });
    const quick = admit(admission, 5, 3000);
    expect(quick).toHaveLength(2);
    // Quick starts bring the average back under the target: 3000 → 1600 → 900.
    for (const ticket of quick) admission.finished(ticket, 3200);
    expect(admission.state.recentMs).toBe(900);
    expect(admit(admission, 12, 3200)).toHaveLength(10);
  });

  it('sees the head of a burst before any start ends: a start running past twice the target drops the cap', () => {
    const admission = new StartAdmission({ limit: 10, floor: 2, targetMs: 1000 });
    expect(admit(admission, 4, 0)).toHaveLength(4);
    expect(admit(admission, 3, 1500)).toHaveLength(3);
    // At 2,001 ms the first starts have run past twice the target: seven in flight, more than the floor.
    expect(admit(admission, 3, 2001)).toHaveLength(0);
  });

  it('does not shed on one slow start among quick ones', () => {
    const admission = new StartAdmission({ limit: 10, floor: 1, targetMs: 1000 });
    let now = 0;
    for (const ms of [100, 100, 100, 100, 4000]) {
      const [ticket] = admit(admission, 1, now);
      now += ms;
      admission.finished(ticket, now);
    }
    expect(admission.state.recentMs).toBeLessThan(1000);
    expect(admit(admission, 10, now)).toHaveLength(10);
  });

  it('never sheds by time when the target is 0', () => {
    const admission = new StartAdmission({ limit: 4, floor: 1, targetMs: 0 });
    admission.finished(admit(admission, 1, 0)[0], 60_000);
    expect(admit(admission, 6, 120_000)).toHaveLength(4);
  });

  it('counts a start from its request arriving: one that waited past the queue limit behind others is shed, and the wait counts', () => {
    const admission = new StartAdmission({ limit: 10, floor: 2, targetMs: 1000, queueLimitMs: 500 });
    const first = admission.admit(1900, 1800)!;
    expect(admission.admit(2000, 1400)).toBeNull();
    const ticket = admission.admit(2000, 1600)!;
    expect(ticket).not.toBeNull();
    admission.finished(first, 2000);
    admission.finished(ticket, 2200);
    // 600 ms since the request arrived, not 200 since it was admitted (the average from the first start's 200 ms).
    expect(admission.state.recentMs).toBe(280);
    // Alone, a start that waited as long is no sign of load (a cold process's first request): taken on.
    expect(admission.admit(3000, 2000)).not.toBeNull();
    // No queue limit: any wait is admitted.
    expect(new StartAdmission({ limit: 1, floor: 1, targetMs: 1000 }).admit(60_000, 0)).not.toBeNull();
  });

  it('answers a start without its first step once it has had its target time and the system is busy', () => {
    const admission = new StartAdmission({ limit: 10, floor: 2, targetMs: 1000 });
    // Two starts in flight (no more than the saturated cap): a slow first step is waited for as usual…
    admit(admission, 2, 0);
    expect(admission.answerWithoutFirstStep(1500, 0)).toBe(false);
    // …until a start has run twice the target, which counts as saturated.
    expect(admission.answerWithoutFirstStep(2001, 0)).toBe(true);
    // The head of a burst: more in flight than the saturated cap, so each is answered at its target time.
    const burst = new StartAdmission({ limit: 10, floor: 2, targetMs: 1000 });
    admit(burst, 4, 0);
    expect(burst.answerWithoutFirstStep(999, 0)).toBe(false);
    expect(burst.answerWithoutFirstStep(1000, 0)).toBe(true);
    // One that arrived just now waits for its target time even then; and never with the target off.
    expect(burst.answerWithoutFirstStep(1000, 500)).toBe(false);
    const off = new StartAdmission({ limit: 10, floor: 1, targetMs: 0 });
    admit(off, 5, 0);
    expect(off.answerWithoutFirstStep(60_000, 0)).toBe(false);
  });
});
