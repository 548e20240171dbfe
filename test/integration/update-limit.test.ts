import { applyOpenData, taskAction } from '../support/case-helpers.js';
import { ShiftedClock, ShortCalendar } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const HOUR = 3_600_000;
const LIMIT = 500;

describe('the updates one case takes', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Jiangmen-2019 (before 2023-08-15): its review step's clock stops while a third party is consulted.
    system = await startTestSystem({
      clock: new ShiftedClock('2023-06-01T10:00:00+08:00'),
      calendar: new ShortCalendar(HOUR),
    });
  });
  afterAll(() => system.close());

  it(`are bounded at ${LIMIT}: past it the case answers 409 instead of the engine refusing every update`, async () => {
    const started = await applyOpenData(system, 'citizen-zhang', {
      resourceId: 'jm-market-enterprise-detail',
      scope: '股东信息',
      purpose: '尽职调查',
    }).expect(201);
    const { taskId } = started.body.steps[0];
    // A reviewer stopping and restarting the clock over and over: each is an accepted update.
    for (let sent = 0; sent < LIMIT; sent += 2) {
      await taskAction(system, 'jm-market-wang', taskId, 'clock/pause', { reason: '征求第三方意见' }).expect(200);
      await taskAction(system, 'jm-market-wang', taskId, 'clock/resume').expect(200);
    }
    const refused = await taskAction(system, 'jm-market-wang', taskId, 'clock/pause', {
      reason: '再次征求意见',
    }).expect(409);
    expect(refused.body.code).toBe('CASE_UPDATE_LIMIT');
    const status = await system.http.get(`/cases/${started.body.caseId}`).set(system.as('citizen-zhang')).expect(200);
    expect(status.body).toMatchObject({ closed: false, steps: [expect.objectContaining({ state: 'open' })] });
  }, 300_000);
});
