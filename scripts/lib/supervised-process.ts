import type { ChildProcess } from 'node:child_process';
import type { ManagedProcess } from './child-process.js';

export interface RestartPolicy {
  /** The wait before the first restart, and again once the process has run for `healthyAfterMs`. */
  firstDelayMs: number;
  /** The wait doubles with each exit soon after a start, up to this. */
  maxDelayMs: number;
  healthyAfterMs: number;
  /** Exits in a row, each soon after its start, before giving up (a process that cannot start: its configuration). */
  maxQuickExits: number;
}

/** What a supervised process reports: each restart's line, and giving up (with its last exit code). */
export interface Supervision {
  log: (line: string) => void;
  onGiveUp: (code: number) => void;
  /** True once the whole system is stopping: an exit then (Ctrl-C reaches every process) is not restarted. */
  stopping?: () => boolean;
}

export const RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  maxQuickExits: 5,
};

/**
 * When to start a process again after it exited: the wait doubles while it keeps exiting soon after its start, and
 * after `maxQuickExits` such exits in a row there is no next start (its configuration, not bad luck).
 */
export class RestartBackoff {
  private delayMs: number;
  private quickExits = 0;

  constructor(private readonly policy: RestartPolicy = RESTART_POLICY) {
    this.delayMs = policy.firstDelayMs;
  }

  /** After an exit of a process started at `startedAt`: the wait before the next start, or how many exits ended it. */
  private next(startedAt: number, now = Date.now()): { delayMs: number } | { giveUpAfter: number } {
    if (now - startedAt >= this.policy.healthyAfterMs) {
      this.delayMs = this.policy.firstDelayMs;
      this.quickExits = 0;
    }
    this.quickExits += 1;
    if (this.quickExits >= this.policy.maxQuickExits) return { giveUpAfter: this.quickExits };
    const delayMs = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.policy.maxDelayMs);
    return { delayMs };
  }

  /**
   * Says that `name` exited (`what` happened), and starts it again after the wait (`relaunch`), or gives up for
   * good. The timer of the start to come, if any, to cancel on a stop.
   */
  afterExit(
    exit: { name: string; what: string; startedAt: number; code: number },
    supervision: Supervision,
    relaunch: () => void,
  ): NodeJS.Timeout | undefined {
    const next = this.next(exit.startedAt);
    if ('giveUpAfter' in next) {
      supervision.log(`${exit.name} exited ${next.giveUpAfter} times in a row soon after starting; giving up`);
      supervision.onGiveUp(exit.code);
      return undefined;
    }
    supervision.log(`${exit.name} ${exit.what}; starting it again in ${next.delayMs} ms`);
    return setTimeout(relaunch, next.delayMs);
  }
}

/**
 * A child kept running as a process manager keeps a service (systemd's `Restart=always`): when it exits by itself
 * (a crash, an out-of-memory kill, someone's `kill`), it is started again, after a wait that doubles while it keeps
 * exiting soon after its start. Whatever it was doing is picked up by the engine (a workflow task or activity it held
 * times out and goes to the new process). One that keeps exiting right after its start is given up on (`onGiveUp`).
 * `stop()` ends it for good.
 */
export class SupervisedProcess {
  private current: ManagedProcess;
  private stopped = false;
  private readonly backoff: RestartBackoff;
  private pending?: NodeJS.Timeout;
  /** How many times it was started again. */
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly start: () => ManagedProcess,
    private readonly supervision: Supervision,
    policy: RestartPolicy = RESTART_POLICY,
  ) {
    this.backoff = new RestartBackoff(policy);
    this.current = this.launch();
  }

  /** The process running now (a new one after each restart). */
  get child(): ChildProcess {
    return this.current.child;
  }

  async stop(graceMs?: number): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pending);
    await this.current.stop(graceMs);
  }

  private get ended(): boolean {
    return this.stopped || this.supervision.stopping?.() === true;
  }

  private launch(): ManagedProcess {
    const startedAt = Date.now();
    const managed = this.start();
    managed.child.once('exit', (code, signal) => {
      if (this.ended) return;
      const what = `exited (${signal ?? `code ${code}`})`;
      this.pending = this.backoff.afterExit(
        { name: this.name, what, startedAt, code: code || 1 },
        this.supervision,
        () => this.relaunch(),
      );
    });
    return managed;
  }

  private relaunch(): void {
    this.pending = undefined;
    if (this.ended) return;
    this.restarts += 1;
    this.current = this.launch();
  }
}

/** The process kept running under `supervision` when one is given; else started once. */
export function supervisedIf(
  supervision: Supervision | undefined,
  name: string,
  start: () => ManagedProcess,
): ManagedProcess {
  return supervision ? new SupervisedProcess(name, start, supervision) : start();
}
