import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { query } from '../database/unit-of-work.js';
import type { CaseEvent } from './case-events.js';

export interface DueDelivery {
  event_id: string;
  target: string;
  attempts: number;
  payload: CaseEvent;
}

export type DeliveryState = 'pending' | 'delivered' | 'dead';

export interface DeliveryRow {
  event_id: string;
  target: string;
  event: string;
  case_id: string;
  attempts: number;
  next_attempt_at: string;
  delivered_at: string | null;
  dead_at: string | null;
  last_error: string | null;
}

const STATE_FILTERS: Record<DeliveryState, string> = {
  pending: 'd.delivered_at is null and d.dead_at is null',
  delivered: 'd.delivered_at is not null',
  dead: 'd.dead_at is not null',
};

/** The outbox's deliveries, one per event and webhook target: leased, retried with backoff, dead-lettered. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * Takes up to `limit` deliveries that are due, counting the attempt and leasing them for `leaseMs`: another
   * process skips them, and one that dies with them leaves them due again when the lease ends.
   */
  claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    return query<DueDelivery & Record<string, unknown>>(
      this.orm.em.fork(),
      `update webhook_delivery d
          set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ?::double precision / 1000)
         from outbox_event e
        where e.id = d.event_id
          and (d.event_id, d.target) in (
              select event_id, target from webhook_delivery
               where delivered_at is null and dead_at is null and next_attempt_at <= now()
               order by next_attempt_at limit ? for update skip locked)
      returning d.event_id, d.target, d.attempts, e.payload`,
      [leaseMs, limit],
    );
  }

  async delivered(eventId: string, target: string): Promise<void> {
    await query(
      this.orm.em.fork(),
      'update webhook_delivery set delivered_at = now(), last_error = null where event_id = ? and target = ?',
      [eventId, target],
    );
  }

  /** A failed attempt: tried again after `retryInMs`, or dead-lettered when `dead`. */
  async failed(eventId: string, target: string, error: string, retryInMs: number, dead: boolean): Promise<void> {
    await query(
      this.orm.em.fork(),
      `update webhook_delivery
          set last_error = ?, next_attempt_at = now() + make_interval(secs => ?::double precision / 1000),
              dead_at = case when ?::boolean then now() else null end
        where event_id = ? and target = ? and delivered_at is null`,
      [error.slice(0, 1000), retryInMs, dead, eventId, target],
    );
  }

  list(state: DeliveryState, limit: number): Promise<DeliveryRow[]> {
    return query<DeliveryRow & Record<string, unknown>>(
      this.orm.em.fork(),
      `select d.event_id, d.target, e.event, e.case_id, d.attempts, d.next_attempt_at, d.delivered_at, d.dead_at,
              d.last_error
         from webhook_delivery d join outbox_event e on e.id = d.event_id
        where ${STATE_FILTERS[state]}
        order by e.created_at desc, d.event_id, d.target
        limit ?`,
      [limit],
    );
  }

  /** Puts dead-lettered deliveries of an event (to one target, or all) back in the queue; answers how many. */
  async retry(eventId: string, target: string | undefined): Promise<number> {
    const rows = await query(
      this.orm.em.fork(),
      `update webhook_delivery set dead_at = null, attempts = 0, next_attempt_at = now()
        where event_id = ? and dead_at is not null ${target ? 'and target = ?' : ''}
      returning event_id`,
      target ? [eventId, target] : [eventId],
    );
    return rows.length;
  }
}
