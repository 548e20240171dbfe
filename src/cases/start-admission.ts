/**
 * Which case starts one API instance takes on. A fixed cap (`limit`) bounds the work in flight; past a recent start
 * time above `targetMs` (the system is saturated: more in flight would only wait longer) the cap drops to `floor`
 * until starts are quick again. A start that is not admitted is answered at once (503 + Retry-After) rather than
 * queued for seconds. The recent time is an exponentially weighted average, so one slow start does not shed.
 */
export class StartAdmission {
  private inFlight = 0;
  private recentMs = 0;

  constructor(private readonly limits: { limit: number; floor: number; targetMs: number; weight?: number }) {}

  /** Whether a start may begin now; when it may, it counts as in flight until `finished` is called. */
  admit(): boolean {
    const { limit, floor, targetMs } = this.limits;
    const saturated = targetMs > 0 && this.recentMs > targetMs;
    if (this.inFlight >= (saturated ? Math.min(floor, limit) : limit)) return false;
    this.inFlight += 1;
    return true;
  }

  /** A start that was admitted has ended (answered or failed) after `ms`. */
  finished(ms: number): void {
    this.inFlight -= 1;
    const weight = this.limits.weight ?? 0.2;
    this.recentMs = this.recentMs === 0 ? ms : this.recentMs + weight * (ms - this.recentMs);
  }

  get state(): { inFlight: number; recentMs: number } {
    return { inFlight: this.inFlight, recentMs: this.recentMs };
  }
}
