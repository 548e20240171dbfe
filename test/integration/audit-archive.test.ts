import { jest } from '@jest/globals';
import { AuditArchiver } from '../../src/audit/archive/audit-archiver.service.js';
import { CaseEngine } from '../../src/engine/case-engine.js';
import { caseStatus, complete, eventually, HUARONG_SHARE, requestShare, sql } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const body = HUARONG_SHARE;

/** A Huarong P1 case taken to its end (granted; a refusal would leave the run open for the dispute window). */
async function closedCase(system: TestSystem): Promise<string> {
  const started = await requestShare(system, 'hr-civil-xu', body).expect(201);
  await complete(system, 'hr-land-ma', started.body.steps[0].taskId, { decision: 'approve' }).expect(200);
  await system.client.workflow.getHandle(started.body.caseId).result();
  return started.body.caseId as string;
}

async function archivedRows(system: TestSystem, caseIds: string[]) {
  return sql<{ seq: string; workflow_id: string }>(
    system,
    `select seq, workflow_id from audit_archive where workflow_id in (${caseIds.map(() => '?').join(', ')}) order by seq`,
    caseIds,
  );
}

/** What the engine's retention does to a closed workflow, then waits until it is gone (the dev server takes ~35 s). */
async function dropFromEngine(system: TestSystem, caseId: string): Promise<void> {
  await system.client.workflowService.deleteWorkflowExecution({
    namespace: system.config.TEMPORAL_NAMESPACE,
    workflowExecution: { workflowId: caseId },
  });
  await eventually(async () => {
    await expect(system.client.workflow.getHandle(caseId).describe()).rejects.toThrow();
  }, 120_000);
}

describe('the audit archive', () => {
  let system: TestSystem;
  let archiver: AuditArchiver;
  beforeAll(async () => {
    system = await startTestSystem();
    archiver = system.app.get(AuditArchiver);
  });
  afterAll(() => system.close());

  it('answers status and history of closed cases the engine has dropped, and names a row changed afterwards', async () => {
    const caseIds = [await closedCase(system), await closedCase(system)];
    const before = await Promise.all(
      caseIds.map(async (caseId) => ({
        status: (await caseStatus(system, 'hr-civil-xu', caseId).expect(200)).body,
        timeline: (await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200)).body,
        raw: (
          await system.http
            .get(`/cases/${caseId}/history`)
            .query({ format: 'raw' })
            .set(system.as('auditor'))
            .expect(200)
        ).body,
      })),
    );
    expect(before[0].timeline.source).toBe('engine');

    // The engine's visibility lists a closed workflow shortly after it closes: the pass is repeated until it does.
    await eventually(async () => {
      await archiver.runOnce();
      expect(await archivedRows(system, caseIds)).toHaveLength(2);
    });
    await Promise.all(caseIds.map((caseId) => dropFromEngine(system, caseId)));

    for (const [i, caseId] of caseIds.entries()) {
      const status = await caseStatus(system, 'hr-civil-xu', caseId).expect(200);
      expect(status.body).toEqual(before[i]!.status);
      const timeline = await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200);
      expect(timeline.body).toMatchObject({ caseId, source: 'archive', archive: { intact: true } });
      expect(timeline.body.entries).toEqual(before[i]!.timeline.entries);
      const raw = await system.http
        .get(`/cases/${caseId}/history`)
        .query({ format: 'raw' })
        .set(system.as('auditor'))
        .expect(200);
      expect(raw.headers['x-history-source']).toBe('archive');
      expect(raw.headers['x-archive-intact']).toBe('true');
      expect(raw.body).toEqual(before[i]!.raw);
    }
    const verified = await system.http.get('/audit/verify').set(system.as('auditor')).expect(200);
    expect(verified.body).toMatchObject({ intact: true });
    expect(verified.body.rows).toBeGreaterThanOrEqual(2);
    await system.http.get('/audit/verify').set(system.as('hr-civil-xu')).expect(403);

    // Someone with the database's own rights changes one byte of the second case's archived history.
    const [target] = await sql<{ seq: string }>(system, 'select seq from audit_archive where workflow_id = ?', [
      caseIds[1],
    ]);
    const overwrite = (to: string) =>
      sql(
        system,
        `begin; set local session_replication_role = replica;
         update audit_archive set history = overlay(history placing '${to}' from 2 for 1) where seq = ${Number(target!.seq)};
         commit;`,
      );
    const [original] = await sql<{ c: string }>(
      system,
      'select substr(history, 2, 1) as c from audit_archive where seq = ?',
      [target!.seq],
    );
    await overwrite(original!.c === ' ' ? '\t' : ' ');
    try {
      const broken = await system.http.get('/audit/verify').set(system.as('auditor')).expect(200);
      expect(broken.body).toMatchObject({
        intact: false,
        firstBroken: { seq: Number(target!.seq), workflowId: caseIds[1], problem: 'content' },
      });
      const marked = await system.http.get(`/cases/${caseIds[1]}/history`).set(system.as('auditor')).expect(200);
      expect(marked.body.archive.intact).toBe(false);
    } finally {
      await overwrite(original!.c);
    }
    expect((await system.http.get('/audit/verify').set(system.as('auditor')).expect(200)).body.intact).toBe(true);
  }, 180_000);

  it('refuses to change or remove archived rows', async () => {
    await expect(sql(system, 'delete from audit_archive')).rejects.toThrow(/append-only/);
    await expect(sql(system, "update audit_archive set history = '{}'")).rejects.toThrow(/append-only/);
    await expect(sql(system, 'truncate audit_archive')).rejects.toThrow(/append-only/);
  });

  it('does a pass cut off midway again, without a gap or a duplicate', async () => {
    const caseIds = [await closedCase(system), await closedCase(system), await closedCase(system)];
    const engine = system.app.get(CaseEngine);
    const rawHistory = engine.rawHistory.bind(engine);
    let reads = 0;
    // The archiver's process dies after its first append: here, its second read of a history fails.
    engine.rawHistory = async (workflowId, runId) => {
      reads += 1;
      if (reads === 2) throw new Error('archiver stopped midway');
      return rawHistory(workflowId, runId);
    };
    try {
      await eventually(async () => {
        const listed = await engine.closedSince(new Date(Date.now() - 600_000));
        expect(listed.map((w) => w.workflowId)).toEqual(expect.arrayContaining(caseIds));
      });
      await expect(archiver.runOnce()).rejects.toThrow('archiver stopped midway');
      const [state] = await sql(system, 'select last_error from audit_archiver_state');
      expect(state!.last_error).toMatch(/archiver stopped midway/);
      expect((await archivedRows(system, caseIds)).length).toBeLessThan(3);
    } finally {
      engine.rawHistory = rawHistory;
    }
    await archiver.runOnce();
    // The next pass lists these runs again (its look-back); archived already, their histories are not read again.
    const rereads = jest.spyOn(engine, 'rawHistory');
    try {
      await archiver.runOnce();
      expect(rereads).not.toHaveBeenCalled();
    } finally {
      rereads.mockRestore();
    }
    const rows = await archivedRows(system, caseIds);
    expect(rows.map((r) => r.workflow_id).sort()).toEqual([...caseIds].sort());
    const verified = await system.http.get('/audit/verify').set(system.as('auditor')).expect(200);
    expect(verified.body.intact).toBe(true);

    const progress = await system.http.get('/audit/archive').set(system.as('auditor')).expect(200);
    expect(progress.body).toMatchObject({ lastError: null, retentionDays: 30 });
  });

  it('catches up on closed cases the case index knows and the archive lacks', async () => {
    const caseId = await closedCase(system);
    expect(await archivedRows(system, [caseId])).toHaveLength(0);
    await archiver.catchUp();
    expect(await archivedRows(system, [caseId])).toHaveLength(1);
    const health = await system.http.get('/health').expect(200);
    expect(health.body.details.archive).toMatchObject({ status: 'up', retentionDays: 30 });
  });
});
