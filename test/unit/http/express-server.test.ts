import type { Express } from 'express';
import { IncomingMessage, ServerResponse, type Server } from 'node:http';
import { ExpressServerAdapter } from '../../../src/common/http/express-server.js';

describe("the API's HTTP server", () => {
  it("creates each request and response with Express's prototypes, so Express has none to swap", async () => {
    const adapter = new ExpressServerAdapter();
    adapter.initHttpServer({});
    const app = adapter.getInstance<Express>();
    const server = adapter.getHttpServer() as Server;
    const seen: boolean[][] = [];
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) =>
      seen.push([
        Object.getPrototypeOf(req) === app.request,
        Object.getPrototypeOf(res) === app.response,
        req instanceof IncomingMessage && res instanceof ServerResponse,
      ]),
    );
    app.get('/ping', (req, res) => {
      res.status(200).json({ path: req.path, query: req.query });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const answer = await fetch(`http://127.0.0.1:${port}/ping?a=1`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ path: '/ping', query: { a: '1' } });
      expect(seen).toEqual([[true, true, true]]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
