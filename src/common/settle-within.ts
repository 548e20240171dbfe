/**
 * `work`'s outcome, or `late()` as a rejection once `ms` have passed; the work itself goes on (its outcome, when it
 * comes, is dropped).
 */
export async function settleWithin<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
