import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../workflows/contracts/actor.js';
import { AppConfig } from '../config/app-config.js';
import { query } from '../database/unit-of-work.js';
import type { CaseEvent, Recipient } from './case-events.js';
import { webhookTargets } from './webhook-targets.js';

export interface NotificationRow {
  id: string;
  case_id: string;
  event: string;
  title_zh: string;
  title_en: string;
  detail: Record<string, unknown>;
  created_at: string;
  read_at: string | null;
}

export const recipientKey = (r: Recipient) => ('user' in r ? `user:${r.user}` : `group:${r.department}/${r.role}`);

/** The keys a person's notifications are filed under: their own, their role in their department, their role anywhere. */
const keysOf = (actor: Actor) => [
  `user:${actor.id}`,
  `group:${actor.department}/${actor.role}`,
  `group:*/${actor.role}`,
];

/**
 * Notifications (per person or per role of a department), who read them, and
 * the outbox: written in the transaction that records the case's change, so
 * that none is lost and none is written twice (ids are per happening).
 */
@Injectable()
export class NotificationRepository {
  private readonly targets: string[];

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.targets = webhookTargets(config);
  }

  /** Files the events for their recipients and queues one webhook delivery per event and target. */
  async record(events: CaseEvent[], em: EntityManager): Promise<void> {
    if (!events.length) return;
    const rows = events.flatMap((e) =>
      [...new Set(e.recipients.map(recipientKey))].map((recipient) => ({
        id: e.id,
        recipient,
        case_id: e.caseId,
        event: e.kind,
        title_zh: e.title.zh,
        title_en: e.title.en,
        detail: e.detail,
        created_at: e.at,
      })),
    );
    const outbox = events.map((e) => ({ id: e.id, case_id: e.caseId, event: e.kind, payload: e, created_at: e.at }));
    // One statement (one round trip in the case's transaction): the notifications, the outbox, its deliveries.
    await query(
      em,
      `with notified as (
         insert into notification (id, recipient, case_id, event, title_zh, title_en, detail, created_at)
         select id, recipient, case_id, event, title_zh, title_en, detail, created_at
           from jsonb_to_recordset(?::jsonb) as x(id text, recipient text, case_id text, event text, title_zh text,
                title_en text, detail jsonb, created_at timestamptz)
         on conflict do nothing
       ), queued as (
         insert into outbox_event (id, case_id, event, payload, created_at)
         select id, case_id, event, payload, created_at
           from jsonb_to_recordset(?::jsonb) as x(id text, case_id text, event text, payload jsonb,
                created_at timestamptz)
         on conflict do nothing
       )
       insert into webhook_delivery (event_id, target, next_attempt_at)
       select e.id, t.target, now()
         from jsonb_array_elements_text(?::jsonb) as e(id) cross join jsonb_array_elements_text(?::jsonb) as t(target)
       on conflict do nothing`,
      [
        JSON.stringify(rows),
        JSON.stringify(outbox),
        JSON.stringify(events.map((e) => e.id)),
        JSON.stringify(this.targets),
      ],
    );
  }

  /** A person's notifications, newest first, keyset-paginated on (created_at, id). */
  page(
    actor: Actor,
    options: { unreadOnly: boolean; limit: number; before?: { createdAt: Date; id: string } },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [actor.id, JSON.stringify(keysOf(actor))];
    let where = 'n.recipient in (select jsonb_array_elements_text(?::jsonb))';
    if (options.unreadOnly) where += ' and r.read_at is null';
    if (options.before) {
      where += ' and (n.created_at, n.id) < (?::timestamptz, ?)';
      params.push(options.before.createdAt.toISOString(), options.before.id);
    }
    params.push(options.limit + 1);
    return query<NotificationRow & Record<string, unknown>>(
      this.orm.em.fork(),
      `select distinct on (n.created_at, n.id) n.id, n.case_id, n.event, n.title_zh, n.title_en, n.detail,
              n.created_at, r.read_at
         from notification n
         left join notification_read r on r.notification_id = n.id and r.user_id = ?
        where ${where}
        order by n.created_at desc, n.id desc
        limit ?`,
      params,
    );
  }

  async unreadCount(actor: Actor): Promise<number> {
    const [row] = await query<{ unread: number }>(
      this.orm.em.fork(),
      `select count(distinct n.id)::int as unread
         from notification n
        where n.recipient in (select jsonb_array_elements_text(?::jsonb))
          and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = ?)`,
      [JSON.stringify(keysOf(actor)), actor.id],
    );
    return row.unread;
  }

  /** Marks one of the person's notifications read; false when they have none with this id. */
  async markRead(actor: Actor, id: string, at: Date): Promise<boolean> {
    const rows = await query(
      this.orm.em.fork(),
      `insert into notification_read (notification_id, user_id, read_at)
       select distinct n.id, ?, ?::timestamptz from notification n
        where n.id = ? and n.recipient in (select jsonb_array_elements_text(?::jsonb))
       on conflict do nothing
       returning notification_id`,
      [actor.id, at.toISOString(), id, JSON.stringify(keysOf(actor))],
    );
    if (rows.length) return true;
    const [visible] = await query(
      this.orm.em.fork(),
      'select 1 from notification n where n.id = ? and n.recipient in (select jsonb_array_elements_text(?::jsonb)) limit 1',
      [id, JSON.stringify(keysOf(actor))],
    );
    return !!visible;
  }

  /** Marks all of the person's notifications read; answers how many were unread. */
  async markAllRead(actor: Actor, at: Date): Promise<number> {
    const rows = await query(
      this.orm.em.fork(),
      `insert into notification_read (notification_id, user_id, read_at)
       select distinct n.id, ?, ?::timestamptz from notification n
        where n.recipient in (select jsonb_array_elements_text(?::jsonb))
       on conflict do nothing
       returning notification_id`,
      [actor.id, at.toISOString(), JSON.stringify(keysOf(actor))],
    );
    return rows.length;
  }
}
