import { Agent, type Server } from 'node:http';
import request from 'supertest';

export type HttpClient = ReturnType<typeof request>;

/**
 * The bench's HTTP client: supertest, with its connections kept alive as browsers and generated clients keep them
 * (supertest alone opens a connection per request, which here costs the API more than many of its routes do).
 */
export function keepAliveClient(target: string | Server): HttpClient {
  const agent = new Agent({ keepAlive: true });
  const client = request(target);
  return new Proxy(client, {
    get(methods, name, receiver) {
      const method: unknown = Reflect.get(methods, name, receiver);
      if (typeof method !== 'function') return method;
      return (...args: unknown[]) => (method as (...a: unknown[]) => request.Test).apply(methods, args).agent(agent);
    },
  });
}
