import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookSignature } from '../../src/notifications/webhook-signature.js';
import { complete, eventually, requestShare, sql } from '../support/case-helpers.js';
import { ShiftedClock, ShortCalendar } from '../support/short-calendar.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const HOUR = 3_600_000;
const SECRET = 'webhook-secret-for-the-notification-tests';
const request = {
  resourceId: 'jm-market-enterprise-detail',
  items: ['uscc', 'legal-rep'],
  purpose: '社会保险登记核验',
  scenario: '新参保单位登记时核验单位登记信息',
};

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver that answers as the test says: up, failing the next N requests, or down. */
class Receiver {
  readonly received: Received[] = [];
  failNext = 0;
  down = false;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (this.down || this.failNext > 0) {
          this.failNext = Math.max(0, this.failNext - 1);
          res.writeHead(503).end();
          return;
        }
        this.received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks`;
  }

  of(caseId: string): Array<{ id: string; kind: string; headers: IncomingHttpHeaders; body: string }> {
    return this.received
      .map((r) => ({ ...JSON.parse(r.body), headers: r.headers, body: r.body }))
      .filter((e) => e.caseId === caseId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('Notifications (通知) and the webhooks’ outbox', () => {
  let system: TestSystem;
  const receiver = new Receiver();
  let url: string;
  beforeAll(async () => {
    url = await receiver.start();
    system = await startTestSystem({
      clock: new ShiftedClock('2023-06-01T10:00:00+08:00'),
      calendar: new ShortCalendar(HOUR),
      env: {
        WEBHOOK_URLS: url,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_BACKOFF_MS: '50',
        WEBHOOK_POLL_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '3',
      },
    });
  });
  afterAll(async () => {
    await system.close();
    await receiver.close();
  });

  const notificationsOf = async (user: string, query: Record<string, string> = {}) =>
    (await system.http.get('/notifications').query(query).set(system.as(user)).expect(200)).body;

  it('tells the applicant and the reviewers what happened, each their own, with unread counts', async () => {
    const started = await requestShare(system, 'jm-hrss-li', request).expect(201);
    const { caseId } = started.body;
    const taskId = started.body.steps[0].taskId;
    const forReviewer = await notificationsOf('jm-market-wang');
    expect(forReviewer.items).toContainEqual(
      expect.objectContaining({ caseId, event: 'task-opened', title: '新的待办任务', read: false }),
    );
    await complete(system, 'jm-market-wang', taskId, { decision: 'approve' }).expect(200);

    const mine = await notificationsOf('jm-hrss-li');
    const events = mine.items
      .filter((n: { caseId: string }) => n.caseId === caseId)
      .map((n: { event: string }) => n.event);
    expect(events).toEqual(expect.arrayContaining(['case-state-changed', 'decision-made', 'case-closed']));
    expect(mine.unread).toBeGreaterThanOrEqual(3);
    // Nobody else's: another applicant, and the principal (another role of the department), see none of it.
    const other = await system.auth({ id: 'jm-hrss-zhou', name: '周立', role: 'applicant', department: 'jm-hrss' });
    const theirs = (await system.http.get('/notifications').set(other).expect(200)).body;
    expect(theirs.items.filter((n: { caseId: string }) => n.caseId === caseId)).toEqual([]);
    expect(
      (await notificationsOf('jm-market-head')).items.filter((n: { caseId: string }) => n.caseId === caseId),
    ).toEqual([]);

    const closed = mine.items.find(
      (n: { event: string; caseId: string }) => n.caseId === caseId && n.event === 'case-closed',
    );
    await system.http.post(`/notifications/${closed.id}/read`).set(system.as('jm-hrss-li')).expect(200);
    const after = await system.http.get('/notifications/unread-count').set(system.as('jm-hrss-li')).expect(200);
    expect(after.body.unread).toBe(mine.unread - 1);
    await system.http.post(`/notifications/${closed.id}/read`).set(other).expect(404);
    await system.http.post('/notifications/read-all').set(system.as('jm-hrss-li')).expect(200);
    expect((await notificationsOf('jm-hrss-li', { unread: 'true' })).items).toEqual([]);
  });

  it('delivers every event to the webhook, signed, with its id, retrying a failing target', async () => {
    // The two failures must fall on this case's events, not on an earlier case's still on their way.
    await eventually(async () => {
      const pending = await sql(
        system,
        'select 1 from webhook_delivery where target = ? and delivered_at is null and dead_at is null',
        [url],
      );
      expect(pending).toEqual([]);
    });
    receiver.failNext = 2;
    const started = await requestShare(system, 'jm-hrss-li', request).expect(201);
    const { caseId } = started.body;
    await complete(system, 'jm-market-wang', started.body.steps[0].taskId, { decision: 'approve' }).expect(200);

    const stored = await sql<{ id: string }>(system, 'select id from outbox_event where case_id = ?', [caseId]);
    expect(stored.length).toBeGreaterThanOrEqual(4);
    const delivered = await eventually(async () => {
      const got = receiver.of(caseId);
      expect(new Set(got.map((e) => e.id))).toEqual(new Set(stored.map((s) => s.id)));
      return got;
    });
    for (const event of delivered) {
      expect(event.headers['x-webhook-id']).toBe(event.id);
      const timestamp = Number(event.headers['x-webhook-timestamp']);
      expect(event.headers['x-webhook-signature']).toBe(webhookSignature(SECRET, timestamp, event.body));
    }
    const retried = await sql<{ attempts: number }>(
      system,
      'select max(d.attempts)::int as attempts from webhook_delivery d join outbox_event e on e.id = d.event_id where e.case_id = ?',
      [caseId],
    );
    expect(retried[0].attempts).toBeGreaterThanOrEqual(2);
  });

  it('dead-letters a delivery after its attempts, and delivers it when an operator retries', async () => {
    receiver.down = true;
    const started = await requestShare(system, 'jm-hrss-li', request).expect(201);
    const { caseId } = started.body;
    const dead = await eventually(async () => {
      const list = await system.http.get('/webhook-deliveries').set(system.as('admin')).expect(200);
      const ofCase = list.body.items.filter((d: { caseId: string }) => d.caseId === caseId);
      expect(ofCase.length).toBeGreaterThanOrEqual(2);
      return ofCase;
    });
    expect(dead[0]).toMatchObject({ attempts: 3, lastError: 'HTTP 503', deadAt: expect.any(String) });
    await system.http.get('/webhook-deliveries').set(system.as('jm-market-wang')).expect(403);

    receiver.down = false;
    for (const delivery of dead) {
      await system.http
        .post('/webhook-deliveries/retry')
        .set(system.as('admin'))
        .send({ eventId: delivery.eventId })
        .expect(200, { requeued: 1 });
    }
    await system.http
      .post('/webhook-deliveries/retry')
      .set(system.as('admin'))
      .send({ eventId: dead[0].eventId })
      .expect(404);
    await eventually(async () => {
      const ids = new Set(receiver.of(caseId).map((e) => e.id));
      for (const delivery of dead) expect(ids).toContain(delivery.eventId);
    });
  });

  it('loses nothing while the worker is down: the comment sent meanwhile is notified once it is back', async () => {
    const started = await requestShare(system, 'jm-hrss-li', request).expect(201);
    const { caseId } = started.body;
    await system.stopWorker();
    const sent = system.http
      .post(`/cases/${caseId}/comments`)
      .set(system.as('jm-hrss-li'))
      .send({ text: '请尽快审核' })
      .then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await system.startWorker();
    expect((await sent).status).toBe(200);
    await eventually(async () => {
      const forReviewer = await notificationsOf('jm-market-wang');
      expect(forReviewer.items).toContainEqual(expect.objectContaining({ caseId, event: 'comment-added' }));
      expect(receiver.of(caseId).map((e) => e.kind)).toContain('comment-added');
    });
  });
});
