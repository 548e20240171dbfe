import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor } from '../auth/access.decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { Language } from '../common/errors/localized-text.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { RequestLanguage } from '../common/http/language.decorator.js';
import {
  DeliveryQueryDto,
  MarkedReadDto,
  NotificationPageDto,
  NotificationQueryDto,
  RequeuedDto,
  RetryDeliveryDto,
  UnreadCountDto,
  WebhookDeliveryListDto,
} from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's notifications (通知), newest first, with the unread count (keyset-paginated)",
  })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors(400)
  page(
    @Query() query: NotificationQueryDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<NotificationPageDto> {
    return this.notifications.page(actor, query, language);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all of the caller’s notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markAllRead(actor) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read (again: no change)' })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiErrors(404)
  async read(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markRead(actor, id) };
  }
}

/** The webhooks' dead-letter list (and what is pending or delivered), for operators. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveryRepository) {}

  @Get()
  @Allowed('admin')
  @ApiOperation({ summary: 'Webhook deliveries by state (default: dead-lettered), newest first, at most 200' })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiErrors(400)
  async list(@Query() query: DeliveryQueryDto): Promise<WebhookDeliveryListDto> {
    const rows = await this.deliveries.list(query.state ?? 'dead', 200);
    return {
      items: rows.map((r) => ({
        eventId: r.event_id,
        target: r.target,
        event: r.event as WebhookDeliveryListDto['items'][number]['event'],
        caseId: r.case_id,
        attempts: r.attempts,
        nextAttemptAt: new Date(r.next_attempt_at).toISOString(),
        deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
        deadAt: r.dead_at ? new Date(r.dead_at).toISOString() : null,
        lastError: r.last_error,
      })),
    };
  }

  @Post('retry')
  @HttpCode(200)
  @Allowed('admin')
  @ApiOperation({ summary: 'Deliver a dead-lettered event again (to one target, or every target it died at)' })
  @ApiOkResponse({ type: RequeuedDto })
  @ApiErrors(400, 404)
  async retry(@Body() body: RetryDeliveryDto): Promise<RequeuedDto> {
    const requeued = await this.deliveries.retry(body.eventId, body.target);
    if (!requeued) {
      throw new DomainError('not-found', 'NO_DEAD_DELIVERY', {
        zh: '该事件没有进入死信列表的投递',
        en: 'No dead-lettered delivery of this event',
      });
    }
    return { requeued };
  }
}
