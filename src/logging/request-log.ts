import type { Options } from 'pino-http';

/** What a request's log line keeps of it: enough to follow it, no headers (most of a line's bytes, and tokens). */
interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
}

/**
 * pino-http's options. Its default serializers put every request and response header in each line, and it
 * serializes the request into a child logger's bindings for every request, whatever the level: with the headers
 * that was most of what a list request allocated.
 */
export function requestLogOptions(level: string): Options {
  return {
    level,
    serializers: {
      req: ({ id, method, url, remoteAddress }: LoggedRequest) => ({ id, method, url, remoteAddress }),
      res: ({ statusCode }: { statusCode: number }) => ({ statusCode }),
    },
    // Kept should a serializer ever pass headers on again.
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
}
