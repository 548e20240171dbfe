import { requestShare } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const purpose = '低保申请：张三家庭收入核对';
const body = { resourceId: 'hr-land-registration', items: ['owner'], purpose, scenario: '低保申请审核' };
const fromBase64 = (value: string) => Buffer.from(value, 'base64').toString('utf8');

describe('personal data in the engine', () => {
  let system: TestSystem;
  let caseId: string;
  let startPayload: { metadata: Record<string, string>; data: string };
  beforeAll(async () => {
    system = await startTestSystem();
    caseId = (await requestShare(system, 'hr-civil-xu', body).expect(201)).body.caseId;
    const raw = await system.http
      .get(`/cases/${caseId}/history`)
      .query({ format: 'raw' })
      .set(system.as('auditor'))
      .expect(200);
    startPayload = raw.body.events[0].workflowExecutionStartedEventAttributes.input.payloads[0];
  });
  afterAll(() => system.close());

  it('is stored encrypted: the history holds ciphertext with its key id', () => {
    expect(fromBase64(startPayload.metadata.encoding)).toBe('binary/encrypted');
    expect(fromBase64(startPayload.metadata['encryption-key-id'])).toBe('test');
    expect(fromBase64(startPayload.data)).not.toContain('张三');
  });

  it('still reads in the auditor’s timeline', async () => {
    const timeline = await system.http.get(`/cases/${caseId}/history`).set(system.as('auditor')).expect(200);
    expect(timeline.body.entries[0]).toMatchObject({ action: 'case-received', details: { purpose } });
  });

  it('is decoded by the codec endpoint for auditors and supervisors only', async () => {
    const decoded = await system.http
      .post('/codec/decode')
      .set(system.as('supervisor'))
      .send({ payloads: [startPayload] })
      .expect(200);
    const [payload] = decoded.body.payloads;
    expect(fromBase64(payload.metadata.encoding)).toBe('json/plain');
    expect(JSON.parse(fromBase64(payload.data))).toMatchObject({ purpose, caseId });
    await system.http
      .post('/codec/decode')
      .set(system.as('hr-civil-xu'))
      .send({ payloads: [startPayload] })
      .expect(403);
    // The CLI asks with `{}` for an event without payloads.
    expect((await system.http.post('/codec/decode').set(system.as('auditor')).send({}).expect(200)).body).toEqual({
      payloads: [],
    });
    const altered = {
      ...startPayload,
      data: Buffer.from(Buffer.from(startPayload.data, 'base64').map((b, i) => (i === 30 ? b ^ 1 : b))).toString(
        'base64',
      ),
    };
    expect(
      (
        await system.http
          .post('/codec/decode')
          .set(system.as('auditor'))
          .send({ payloads: [altered] })
          .expect(400)
      ).body.code,
    ).toBe('PAYLOAD_UNREADABLE');
  });

  it('lets the Temporal Web UI’s origin call the codec endpoint from the browser', async () => {
    const preflight = await system.http
      .options('/codec/decode')
      .set('Origin', 'http://localhost:8233')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:8233');
    const stranger = await system.http
      .options('/codec/decode')
      .set('Origin', 'http://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });
});
