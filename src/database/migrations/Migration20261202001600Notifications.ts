import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications (通知) per person or per role in a department, read receipts per
 * person, and the transactional outbox with one delivery row per webhook target.
 */
export class Migration20261202001600Notifications extends Migration {
  override name = 'Migration20261202001600Notifications';

  override up(): void {
    this.addSql(
      'create table notification (id text not null, recipient text not null, case_id text not null, ' +
        'event text not null, title_zh text not null, title_en text not null, detail jsonb not null, ' +
        'created_at timestamptz not null, primary key (id, recipient))',
    );
    this.addSql('create index notification_recipient_created on notification (recipient, created_at desc, id desc)');
    this.addSql(
      'create table notification_read (notification_id text not null, user_id text not null, ' +
        'read_at timestamptz not null, primary key (user_id, notification_id))',
    );
    this.addSql(
      'create table outbox_event (id text primary key, case_id text not null, event text not null, ' +
        'payload jsonb not null, created_at timestamptz not null)',
    );
    this.addSql(
      'create table webhook_delivery (event_id text not null references outbox_event (id), target text not null, ' +
        'attempts integer not null default 0, next_attempt_at timestamptz not null, delivered_at timestamptz, ' +
        'last_error text, dead_at timestamptz, primary key (event_id, target))',
    );
    this.addSql(
      'create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and dead_at is null',
    );
  }

  override down(): void {
    this.addSql('drop table webhook_delivery');
    this.addSql('drop table outbox_event');
    this.addSql('drop table notification_read');
    this.addSql('drop table notification');
  }
}
