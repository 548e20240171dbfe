/** What an error and the errors it wraps may carry (driver, gRPC and ORM errors alike). */
export interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

/** An error and the causes it wraps, outermost first, a few levels deep at most. */
export function causeChain(error: unknown, depth = 5): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let e = error as (ErrorLike & { cause?: unknown }) | undefined; e && chain.length < depth;) {
    chain.push(e);
    e = e.cause as typeof e;
  }
  return chain;
}
