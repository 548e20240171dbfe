import { StartAdmission } from '../../../src/cases/start-admission.js';

describe('StartAdmission: which case starts an API instance takes on', () => {
  const admitted = (admission: StartAdmission, n: number) =>
    Array.from({ length: n }, () => admission.admit()).filter(Boolean).length;

  it('admits up to the limit while starts are quick, and one more once a start ends', () => {
    const admission = new StartAdmission({ limit: 5, floor: 2, targetMs: 1000 });
    expect(admitted(admission, 8)).toBe(5);
    admission.finished(200);
    expect(admission.admit()).toBe(true);
    expect(admission.admit()).toBe(false);
  });

  it('drops to the floor while recent starts take longer than the target, and rises again when they are quick', () => {
    const admission = new StartAdmission({ limit: 10, floor: 2, targetMs: 1000, weight: 0.5 });
    expect(admitted(admission, 3)).toBe(3);
    for (let i = 0; i < 3; i += 1) admission.finished(3000);
    expect(admission.state).toEqual({ inFlight: 0, recentMs: 3000 });
    expect(admitted(admission, 5)).toBe(2);
    // Quick starts bring the average back under the target: 3000 → 1600 → 900.
    admission.finished(200);
    admission.finished(200);
    expect(admission.state.recentMs).toBe(900);
    expect(admitted(admission, 12)).toBe(10);
  });

  it('does not shed on one slow start among quick ones', () => {
    const admission = new StartAdmission({ limit: 10, floor: 1, targetMs: 1000 });
    for (const ms of [100, 100, 100, 100, 4000]) {
      admission.admit();
      admission.finished(ms);
    }
    expect(admission.state.recentMs).toBeLessThan(1000);
    expect(admitted(admission, 10)).toBe(10);
  });

  it('never sheds by time when the target is 0', () => {
    const admission = new StartAdmission({ limit: 4, floor: 1, targetMs: 0 });
    admission.admit();
    admission.finished(60_000);
    expect(admitted(admission, 6)).toBe(4);
  });
});
