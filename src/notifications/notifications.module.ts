import { Module } from '@nestjs/common';
import { NotificationsController, WebhookDeliveriesController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { WebhookDispatcher } from './webhook-dispatcher.service.js';

/** Notifications for people (GET /notifications) and the webhooks' delivery from the outbox. */
@Module({
  controllers: [NotificationsController, WebhookDeliveriesController],
  providers: [NotificationsService, WebhookDeliveryRepository, WebhookDispatcher],
  exports: [WebhookDispatcher],
})
export class NotificationsModule {}
