/** A question put ahead of time: its answer when it is needed, or a fresh one. */
export interface EarlyQuestion {
  /** Whether the workflow exists: the early answer when it was asked and said yes, else asked now. */
  result(): Promise<boolean>;
  /** Not needed after all (the start was confirmed first): a question not yet asked is not asked. */
  cancel(): void;
}

/**
 * Update-with-start confirms a start only together with its first step, so a start answered without it (202) first
 * asks the engine whether the workflow exists. Under load that question takes 50–250 ms, which made the answer late
 * by as much. This asks it ahead of the answer time, by four times as long as recent questions took (within bounds:
 * their time varies a lot under load), for every start not confirmed by then; a start confirmed earlier asks nothing.
 */
export class ExistenceLookahead {
  private recentMs: number;

  constructor(
    private readonly exists: (caseId: string) => Promise<boolean>,
    private readonly bounds = { minLeadMs: 50, maxLeadMs: 500, weight: 0.2 },
  ) {
    this.recentMs = bounds.minLeadMs / 4;
  }

  /** How long before an answer time its question goes out. */
  get leadMs(): number {
    return Math.min(this.bounds.maxLeadMs, Math.max(this.bounds.minLeadMs, 4 * this.recentMs));
  }

  /**
   * Asks at `dueAt − leadMs` (a `performance.now()` time; at once when that is past) whether `caseId`'s workflow
   * exists; with no `dueAt`, only when the answer is asked for.
   */
  ahead(caseId: string, dueAt: number | undefined): EarlyQuestion {
    let asked: Promise<boolean> | undefined;
    const ask = () => {
      asked = this.ask(caseId);
      // Unread when the start is confirmed first; a failure shows when the answer is asked for.
      asked.catch(() => undefined);
    };
    const timer =
      dueAt === undefined ? undefined : setTimeout(ask, Math.max(0, dueAt - this.leadMs - performance.now()));
    return {
      result: async () => (asked && (await asked)) || this.ask(caseId),
      cancel: () => clearTimeout(timer),
    };
  }

  private async ask(caseId: string): Promise<boolean> {
    const askedAt = performance.now();
    const exists = await this.exists(caseId);
    this.recentMs += this.bounds.weight * (performance.now() - askedAt - this.recentMs);
    return exists;
  }
}
