import { jwtVerify } from 'jose';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FloorStore } from './floor-store.js';

export interface DecisionFloor {
  url: string;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function answer(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * The least a decision over HTTP must do, in bare Node, Temporal and PostgreSQL: verify the bearer token, read the
 * task to see that it is open and the reviewer's department holds it, send the update, close the task's row, answer.
 * No framework, no validation, no presentation: what the API adds above this is its own.
 */
export async function startDecisionFloor(
  store: FloorStore,
  secret: string,
  decide: (taskId: string, decision: string) => Promise<unknown>,
): Promise<DecisionFloor> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const server = createServer((request, response) => {
    const taskId = /^\/tasks\/([^/]+)\/complete$/.exec(request.url ?? '')?.[1];
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (request.method !== 'POST' || !taskId || !token) return answer(response, 404, { message: 'not found' });
    void (async () => {
      const { decision } = (await bodyOf(request)) as { decision: string };
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
      if ((await store.openTaskDepartment(taskId)) !== payload.department) {
        return answer(response, 404, { message: 'no such task' });
      }
      const outcome = await decide(taskId, decision);
      await store.closeTask(taskId);
      answer(response, 200, { taskId, decision, outcome });
    })().catch((error: unknown) => answer(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
