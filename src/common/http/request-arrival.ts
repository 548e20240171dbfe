import type { IncomingMessage, Server } from 'node:http';

const arrivals = new WeakMap<IncomingMessage, number>();

/**
 * Notes when each request reached the process (`performance.now()`), before any middleware ran. Under load a request
 * can wait behind others for seconds before its handler starts; the start path counts that wait against its answer
 * time instead of adding to it.
 */
export function stampArrivals(server: Server): void {
  server.prependListener('request', (request: IncomingMessage) => arrivals.set(request, performance.now()));
}

/** When the request reached the process; now when it was not stamped (a test's in-memory request). */
export function arrivalOf(request: IncomingMessage): number {
  return arrivals.get(request) ?? performance.now();
}
