import { caseStatus, complete, eventually, inbox, recordHistory, sql } from '../support/case-helpers.js';
import { ShortCalendar } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const MS = 4_000;

describe('P7 Chongqing-2019 Art. 47: the yearly schedule opens the report tasks; a missing report is a breach', () => {
  let system: TestSystem;
  // On the test calendar, "the end of January" is one short working day away and "the end of February" two.
  beforeAll(async () => {
    system = await startTestSystem({ calendar: new ShortCalendar(MS) });
  });
  afterAll(() => system.close());

  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const caseOf = (department: string) => `annual-report-${year}-${department}`;

  it('is a Temporal Schedule each January; triggered, it opens one case per district government and municipal department, and one for the authority', async () => {
    const schedule = await system.http.get('/annual-reports/schedule').set(system.as('admin')).expect(200);
    const next = new Date(schedule.body.nextActionTimes[0]);
    // 1 January, 00:00 Asia/Shanghai.
    expect(new Date(next.getTime() + 8 * 3_600_000).toISOString().slice(5, 16)).toBe('01-01T00:00');
    await system.http.post('/annual-reports/schedule/trigger').set(system.as('cq-bigdata-he')).expect(403);
    await system.http.post('/annual-reports/schedule/trigger').set(system.as('admin')).expect(202);

    // The case exists before its first step is open (the due date is computed first): wait for the step.
    const yuzhong = await eventually(async () => {
      const status = (await caseStatus(system, 'cq-yuzhong-zhou', caseOf('cq-yuzhong')).expect(200)).body;
      expect(status.steps).toHaveLength(1);
      return status;
    });
    expect(yuzhong).toMatchObject({
      procedure: 'annual-report',
      pack: 'chongqing-2019',
      state: 'report-due',
      steps: [
        {
          stepId: 'department-report',
          actorDepartment: 'cq-yuzhong',
          due: { basis: 'statutory', monthEnd: 1, citation: { article: '第四十七条', clause: '第一款' } },
        },
      ],
    });
    const cases = await eventually(async () => {
      const rows = await sql(system, "select id from case_record where procedure = 'annual-report' order by id");
      expect(rows).toHaveLength(5);
      return rows.map((r) => r.id);
    });
    expect(cases).toEqual(['cq-big-data', 'cq-health', 'cq-jiangbei', 'cq-public-security', 'cq-yuzhong'].map(caseOf));
    const authority = await eventually(
      async () => (await caseStatus(system, 'cq-bigdata-he', caseOf('cq-big-data')).expect(200)).body,
    );
    expect(authority.steps[0]).toMatchObject({
      stepId: 'authority-report',
      actorRole: 'authority',
      due: { monthEnd: 2, citation: { article: '第四十七条', clause: '第二款' } },
    });
    expect(await inbox(system, 'cq-yuzhong-zhou')).toContainEqual(
      expect.objectContaining({ id: yuzhong.steps[0].taskId, procedure: 'annual-report' }),
    );

    // The report task is pre-filled with the department's figures for the year reported on (last year).
    const taskId = yuzhong.steps[0].taskId;
    await sql(
      system,
      `insert into inbox_task (id, case_id, procedure, pack, step_id, kind, title_zh, title_en, role, department,
                               due_at, due_date, due_basis, citation, overdue, status, completed_at, created_at)
       values ('last-year-step', ?, 'correction', 'chongqing-2019', 'provider-verify', 'decision', '校核', 'Verify',
               'reviewer', 'cq-yuzhong', ?, ?, 'statutory', '{"pack":"chongqing-2019","article":"第十九条"}', true,
               'completed', ?, ?)`,
      [
        caseOf('cq-yuzhong'),
        `${year - 1}-03-20T16:00:00Z`,
        `${year - 1}-03-20`,
        `${year - 1}-03-27T02:00:00Z`,
        `${year - 1}-03-06T02:00:00Z`,
      ],
    );
    const reportTask = await system.http.get(`/tasks/${taskId}`).set(system.as('cq-yuzhong-zhou')).expect(200);
    expect(reportTask.body.reportFigures).toMatchObject({
      department: 'cq-yuzhong',
      steps: 1,
      decided: 1,
      breached: 1,
      decidedOnTime: 0,
      onTimeRate: 0,
    });
    // 6 March to 27 March: 15 working days after the day it opened.
    expect(reportTask.body.reportFigures.averageWorkingDays).toBe(15);

    // Reports: only by the department's own staff, and with content.
    await complete(system, 'cq-jiangbei-qian', taskId, { decision: 'submit', details: { report: '—' } }).expect(404);
    expect((await complete(system, 'cq-yuzhong-zhou', taskId, { decision: 'submit' }).expect(400)).body.code).toBe(
      'REPORT_REQUIRED',
    );
    const submitted = await complete(system, 'cq-yuzhong-zhou', taskId, {
      decision: 'submit',
      details: { report: '2025年度渝中区政务数据资源管理情况：编目312项，共享调用1.2万次。' },
    }).expect(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', closed: true });

    // Triggered again in the same year: the same cases, nothing opened twice.
    await system.http.post('/annual-reports/schedule/trigger').set(system.as('admin')).expect(202);

    // The reports not submitted by the end of their month are breaches, by department and article.
    const breaches = await eventually(async () => {
      const rows = (
        await system.http
          .get('/breaches')
          .query({ procedure: 'annual-report' })
          .set(system.as('supervisor'))
          .expect(200)
      ).body;
      expect(rows.map((b: any) => b.department).sort()).toEqual([
        'cq-big-data',
        'cq-health',
        'cq-jiangbei',
        'cq-public-security',
      ]);
      return rows;
    }, 20_000);
    expect(breaches.find((b: any) => b.department === 'cq-health')).toMatchObject({
      caseId: caseOf('cq-health'),
      citation: { article: '第四十七条', clause: '第一款' },
    });
    expect(breaches.find((b: any) => b.department === 'cq-big-data')).toMatchObject({
      citation: { article: '第四十七条', clause: '第二款' },
    });
    // Departments' missing reports go to the authority to chase; the authority's own is not escalated to itself.
    const escalations = await inbox(system, 'cq-bigdata-he', { kind: 'escalation', procedure: 'annual-report' });
    expect(escalations.map((t) => t.caseId).sort()).toEqual(
      ['cq-health', 'cq-jiangbei', 'cq-public-security'].map(caseOf),
    );
    expect(await sql(system, "select count(*)::int as n from case_record where procedure = 'annual-report'")).toEqual([
      { n: 5 },
    ]);
    // A late report is still taken; the breach stays on record.
    const jiangbei = (await caseStatus(system, 'cq-jiangbei-qian', caseOf('cq-jiangbei')).expect(200)).body;
    expect(jiangbei.steps[0]).toMatchObject({ overdue: true, breach: { citation: { article: '第四十七条' } } });
    const late = await complete(system, 'cq-jiangbei-qian', jiangbei.steps[0].taskId, {
      decision: 'submit',
      details: { report: '2025年度江北区政务数据资源管理情况' },
    }).expect(200);
    expect(late.body).toMatchObject({ state: 'submitted', steps: [{ overdue: true }] });
    expect(
      await sql(system, 'select count(*)::int as n from breach where case_id = ?', [caseOf('cq-jiangbei')]),
    ).toEqual([{ n: 1 }]);
    // Applicants are not party to the reports.
    expect((await caseStatus(system, 'cq-health-liu', caseOf('cq-health')).expect(404)).body.code).toBe(
      'CASE_NOT_FOUND',
    );
    await recordHistory(system, caseOf('cq-yuzhong'), 'annual-report.chongqing-2019.submitted');
    for await (const round of system.client.workflow.list({
      query: `WorkflowType = 'annualReportRound' AND TaskQueue = '${system.config.TEMPORAL_TASK_QUEUE}'`,
    })) {
      await recordHistory(system, round.workflowId, 'annual-report-round.chongqing-2019');
    }
    await recordHistory(system, caseOf('cq-jiangbei'), 'annual-report.chongqing-2019.late');
  });
});
