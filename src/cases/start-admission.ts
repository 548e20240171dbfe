/**
 * Which case starts one API instance takes on. A fixed cap (`limit`) bounds the work in flight. The system counts as
 * saturated when recent starts took longer than `targetMs` (an exponentially weighted average, so one slow start does
 * not count) or when a start still running has already taken twice that long (seen before any start ends, at the
 * head of a burst); then the cap drops to `floor` until starts are quick again.
 *
 * A start's time counts from when its request reached the process: under load it may wait behind other requests
 * before its turn, and one that waited longer than `queueLimitMs` while other starts were in flight (or the system
 * saturated) is shed, since its answer is already late. A lone start that waited as long (a cold process's first
 * request, a pause) is not a sign of load, and is taken on.
 *
 * A start that is not admitted is answered at once (503 + Retry-After) rather than queued for seconds, and one taken
 * on waits for its first step only up to the target while the system is busy (then it is answered as received, 202).
 * Times are passed in, in milliseconds, so the rule is a pure function of what happened.
 */
export class StartAdmission {
  private readonly running = new Map<number, number>();
  private nextTicket = 1;
  private recentMs = 0;

  constructor(
    private readonly limits: { limit: number; floor: number; targetMs: number; queueLimitMs?: number; weight?: number },
  ) {}

  /**
   * A ticket when a start whose request arrived at `arrivedAt` may begin at `now` (it counts as in flight until
   * `finished`), or null when it is shed.
   */
  admit(now: number, arrivedAt = now): number | null {
    const { limit, floor, queueLimitMs = 0 } = this.limits;
    const saturated = this.saturated(now);
    const busy = this.running.size > 0 || saturated;
    if (queueLimitMs > 0 && now - arrivedAt > queueLimitMs && busy) return null;
    if (this.running.size >= (saturated ? Math.min(floor, limit) : limit)) return null;
    const ticket = this.nextTicket++;
    this.running.set(ticket, arrivedAt);
    return ticket;
  }

  /** An admitted start has ended (answered or failed) at `now`. */
  finished(ticket: number, now: number): void {
    const startedAt = this.running.get(ticket);
    if (startedAt === undefined) return;
    this.running.delete(ticket);
    const ms = now - startedAt;
    const weight = this.limits.weight ?? 0.2;
    this.recentMs = this.recentMs === 0 ? ms : this.recentMs + weight * (ms - this.recentMs);
  }

  /** The latency target a start's answer aims at, from its request's arrival (0: none). */
  get targetMs(): number {
    return this.limits.targetMs;
  }

  /**
   * Whether a start whose request arrived at `arrivedAt`, still waiting for its first step at `now`, should be
   * answered without it: past the target while the system is saturated, or while more starts are in flight than
   * the saturated cap allows (the head of a burst, taken on before the saturation could be seen).
   */
  answerWithoutFirstStep(now: number, arrivedAt: number): boolean {
    const { targetMs, floor } = this.limits;
    if (targetMs <= 0 || now - arrivedAt < targetMs) return false;
    return this.running.size > floor || this.saturated(now);
  }

  saturated(now: number): boolean {
    const { targetMs } = this.limits;
    if (targetMs <= 0) return false;
    if (this.recentMs > targetMs) return true;
    for (const startedAt of this.running.values()) if (now - startedAt > 2 * targetMs) return true;
    return false;
  }

  get state(): { inFlight: number; recentMs: number } {
    return { inFlight: this.running.size, recentMs: this.recentMs };
  }
}
