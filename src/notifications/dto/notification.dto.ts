import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { EnumField, IdField, QueryFlagField } from '../../common/http/dto/fields.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { CASE_EVENTS, type CaseEventKind } from '../case-events.js';
import type { DeliveryState } from '../webhook-delivery.repository.js';

export class NotificationQueryDto extends PageQueryDto {
  @QueryFlagField({ description: 'Only those not yet read' })
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ example: 'share-…:task-opened:share-….provider-review' }) id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: CASE_EVENTS, enumName: 'CaseEventKind' }) event!: CaseEventKind;
  @ApiProperty({ example: '新的待办任务' }) title!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() read!: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: 'integer', description: 'All unread notifications of the caller' }) unread!: number;
}

export class UnreadCountDto {
  @ApiProperty({ type: 'integer' }) unread!: number;
}

export class MarkedReadDto {
  @ApiProperty({ type: 'integer', description: 'Notifications marked read by this request' }) marked!: number;
}

const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'dead'];

export class DeliveryQueryDto {
  @EnumField(DELIVERY_STATES, { optional: true, enumName: 'DeliveryState', description: 'Default: dead' })
  state?: DeliveryState;
}

export class WebhookDeliveryDto {
  @ApiProperty() eventId!: string;
  @ApiProperty() target!: string;
  @ApiProperty({ enum: CASE_EVENTS, enumName: 'CaseEventKind' }) event!: CaseEventKind;
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) deadAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) lastError!: string | null;
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
}

export class RetryDeliveryDto {
  @IdField({
    max: 500,
    example: 'share-0b6f:case-closed:granted',
    description: 'The event (X-Webhook-Id) to deliver again',
  })
  eventId!: string;

  @ApiPropertyOptional({
    description: 'One target URL; every target it died at when absent',
    maxLength: 2000,
    format: 'uri',
    example: 'https://hooks.example.org/approvals',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: '$property must be an http(s) URL' })
  target?: string;
}

export class RequeuedDto {
  @ApiProperty({ type: 'integer' }) requeued!: number;
}
