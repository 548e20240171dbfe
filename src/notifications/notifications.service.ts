import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workflows/contracts/actor.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { Language } from '../common/errors/localized-text.js';
import { decodeCursor, pageOf } from '../common/http/keyset-cursor.js';
import type { CaseEventKind } from './case-events.js';
import type { NotificationDto, NotificationPageDto, NotificationQueryDto } from './dto/notification.dto.js';
import { NotificationRepository, type NotificationRow } from './notification.repository.js';

const notificationNotFound = () =>
  new DomainError('not-found', 'NOTIFICATION_NOT_FOUND', { zh: '没有该通知', en: 'No such notification' });

/** Each person's notifications (通知): their own, and those for their role in their department. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async page(actor: Actor, query: NotificationQueryDto, language: Language): Promise<NotificationPageDto> {
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor);
    const [rows, unread] = await Promise.all([
      this.notifications.page(actor, {
        unreadOnly: query.unread === true,
        limit,
        before: cursor ? { createdAt: new Date(cursor.sortKey), id: cursor.id } : undefined,
      }),
      this.notifications.unreadCount(actor),
    ]);
    const page = pageOf(rows, limit, (row) => new Date(row.created_at));
    return { items: page.items.map((row) => present(row, language)), nextCursor: page.nextCursor, unread };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.notifications.unreadCount(actor);
  }

  async markRead(actor: Actor, id: string): Promise<number> {
    if (!(await this.notifications.markRead(actor, id, this.clock.now()))) throw notificationNotFound();
    return 1;
  }

  markAllRead(actor: Actor): Promise<number> {
    return this.notifications.markAllRead(actor, this.clock.now());
  }
}

function present(row: NotificationRow, language: Language): NotificationDto {
  return {
    id: row.id,
    caseId: row.case_id,
    event: row.event as CaseEventKind,
    title: language === 'en' ? row.title_en : row.title_zh,
    detail: row.detail,
    createdAt: new Date(row.created_at).toISOString(),
    read: !!row.read_at,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}
