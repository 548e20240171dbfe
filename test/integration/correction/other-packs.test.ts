import { complete, recordHistory, reportError, sql } from '../../support/case-helpers.js';
import { ShiftedClock, ShortCalendar } from '../../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../../support/test-system.js';

const HOUR = 3_600_000;

describe('P2 Quanzhou-2021 七: triage, a 5 WD decision, then 10 WD from the decision to correct at the source', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(HOUR) });
  });
  afterAll(() => system.close());

  it('chains each deadline to the decision before it', async () => {
    const started = await reportError(system, 'qz-transport-lin', {
      resourceId: 'qz-market-annual-reports',
      items: ['employees'],
      description: '从业人数与社保参保人数不符',
    }).expect(201);
    const triage = started.body.steps[0];
    expect(started.body.state).toBe('in-triage');
    expect(triage).toMatchObject({
      stepId: 'service-unit-triage',
      actorRole: 'service-unit',
      actorDepartment: 'qz-tech-service',
      due: { basis: 'administrative' },
    });
    const dispatched = await complete(system, 'qz-service-yang', triage.taskId, { decision: 'dispatch' }).expect(200);
    const verify = dispatched.body.steps[1];
    expect(verify).toMatchObject({
      actorDepartment: 'qz-market',
      due: { basis: 'statutory', workingDays: 5, from: dispatched.body.steps[0].decision.decidedAt },
    });
    const confirmed = await complete(system, 'qz-market-huang', verify.taskId, { decision: 'confirm' }).expect(200);
    expect(confirmed.body.state).toBe('correcting');
    const correct = confirmed.body.steps[2];
    expect(correct).toMatchObject({
      stepId: 'correction',
      due: {
        basis: 'statutory',
        workingDays: 10,
        from: confirmed.body.steps[1].decision.decidedAt,
        citation: { article: '七', clause: '（二）' },
      },
    });
    expect(Date.parse(correct.due.dueAt) - Date.parse(correct.due.from)).toBeGreaterThanOrEqual(10 * HOUR - 5_000);
    expect(
      (await complete(system, 'qz-market-huang', correct.taskId, { decision: 'corrected' }).expect(400)).body.code,
    ).toBe('WHAT_CHANGED_REQUIRED');
    const done = await complete(system, 'qz-market-huang', correct.taskId, {
      decision: 'corrected',
      details: { whatChanged: '从业人数由35更正为53，已重新汇聚' },
    }).expect(200);
    expect(done.body).toMatchObject({
      state: 'corrected',
      outcome: { correction: { whatChanged: '从业人数由35更正为53，已重新汇聚' } },
    });
    await recordHistory(system, started.body.caseId, 'correction.quanzhou-2021.chained');
  });
});

describe('P2 Jiangmen-2019 Art. 23 ¶3: reply within 3 WD; a confirmed error corrected within 2 WD of the report', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      clock: new ShiftedClock('2023-06-01T10:00:00+08:00'),
      calendar: new ShortCalendar(HOUR),
    });
  });
  afterAll(() => system.close());

  it('counts the correction from the report, as written, not from the reply', async () => {
    const started = await reportError(system, 'jm-hrss-li', {
      resourceId: 'jm-market-enterprise-detail',
      items: ['address'],
      description: '住所信息已变更未同步',
    }).expect(201);
    expect(started.body.steps[0]).toMatchObject({
      due: {
        basis: 'statutory',
        workingDays: 3,
        citation: { pack: 'jiangmen-2019', article: '第二十三条', clause: '第三款' },
      },
    });
    const confirmed = await complete(system, 'jm-market-wang', started.body.steps[0].taskId, {
      decision: 'confirm',
    }).expect(200);
    expect(confirmed.body.steps[1]).toMatchObject({
      stepId: 'correction',
      due: { workingDays: 2, from: started.body.receivedAt },
    });
    await complete(system, 'jm-market-wang', confirmed.body.steps[1].taskId, {
      decision: 'corrected',
      details: { whatChanged: '住所更新为蓬江区××路1号' },
    }).expect(200);
    expect(
      await sql(system, 'select what_changed from correction_record where case_id = ?', [started.body.caseId]),
    ).toEqual([{ what_changed: '住所更新为蓬江区××路1号' }]);
    await recordHistory(system, started.body.caseId, 'correction.jiangmen-2019.corrected');
  });
});

describe('P2 Huarong-2021 and Jiangmen-2023: administrative targets; departments only', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(HOUR) });
  });
  afterAll(() => system.close());

  it('refuses a citizen where the pack gives only departments the procedure', async () => {
    const response = await reportError(system, 'citizen-zhang', {
      resourceId: 'hr-land-registration',
      items: ['owner'],
      description: '权利人姓名有误',
    }).expect(422);
    expect(response.body).toMatchObject({
      code: 'REPORTER_NOT_ALLOWED',
      message: expect.stringContaining('huarong-2021'),
    });
  });

  it('runs the verification on an administrative target', async () => {
    const huarong = await reportError(system, 'hr-civil-xu', {
      resourceId: 'hr-land-registration',
      items: ['owner'],
      description: '权利人姓名有误',
    }).expect(201);
    expect(huarong.body.steps[0].due).toMatchObject({
      basis: 'administrative',
      citation: { pack: 'huarong-2021', article: '第二十四条' },
    });
    const jiangmen = await reportError(system, 'jm-hrss-li', {
      resourceId: 'jm-market-enterprise-detail',
      items: ['address'],
      description: '住所有误',
    }).expect(201);
    expect(jiangmen.body).toMatchObject({
      pack: 'jiangmen-2023',
      steps: [expect.objectContaining({ due: expect.objectContaining({ basis: 'administrative' }) })],
    });
    expect(
      (await complete(system, 'hr-land-ma', huarong.body.steps[0].taskId, { decision: 'not-an-error' }).expect(422))
        .body.code,
    ).toBe('REASONS_REQUIRED');
  });
});
