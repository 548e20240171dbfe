import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from '../../../src/logging/request-log.js';

describe("a request's log line", () => {
  const lines: string[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const log = pinoHttp(requestLogOptions('info'), stream);
    server = createServer((req, res) => {
      log(req, res);
      res.statusCode = 204;
      res.setHeader('x-secret-response-header', 'not-for-logs');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('keeps the method, path, caller address and status, and no header: no token reaches the log', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-claims.secret-signature';
    await fetch(`${base}/tasks?limit=20`, { headers: { authorization: `Bearer ${token}`, cookie: 'sid=secret' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line.req).toEqual({ id: 1, method: 'GET', url: '/tasks?limit=20', remoteAddress: '127.0.0.1' });
    expect(line.res).toEqual({ statusCode: 204 });
    expect(line.msg).toBe('request completed');
    for (const secret of [token, 'Bearer', 'sid=secret', 'not-for-logs', 'headers'])
      expect(lines[0]).not.toContain(secret);
  });
});
