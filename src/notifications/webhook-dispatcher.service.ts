import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { WebhookDeliveryRepository, type DueDelivery } from './webhook-delivery.repository.js';
import { webhookSignature } from './webhook-signature.js';
import { webhookTargets } from './webhook-targets.js';

const BATCH = 20;
const REQUEST_TIMEOUT_MS = 10_000;
/** Longer than a request can take: a lease outlives the attempt it covers. */
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * Delivers the outbox to the configured webhooks, at least once: each event
 * carries its id (`X-Webhook-Id`, the receiver's idempotency key) and an
 * HMAC-SHA256 signature; a failed attempt is retried with doubling backoff,
 * and after WEBHOOK_MAX_ATTEMPTS it waits in the dead-letter list for an operator.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WEBHOOK_DELIVERY_ENABLED || !webhookTargets(this.config).length) return;
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One pass over the deliveries due (the timer's, or a test's); a pass already going is joined. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.logger.warn({ error: String(error) }, 'webhook pass failed; trying again'))
        .finally(() => this.schedule());
    }, this.config.WEBHOOK_POLL_MS);
    this.timer.unref();
  }

  private async pass(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const due = await this.deliveries.claimDue(BATCH, LEASE_MS);
      const results = await Promise.all(due.map((d) => this.attempt(d)));
      delivered += results.filter(Boolean).length;
      if (due.length < BATCH || this.stopped) return delivered;
    }
  }

  private async attempt(delivery: DueDelivery): Promise<boolean> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(delivery.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-webhook-id': delivery.event_id,
          'x-webhook-event': delivery.payload.kind,
          'x-webhook-timestamp': String(timestamp),
          'x-webhook-signature': webhookSignature(this.config.WEBHOOK_SECRET!, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await this.deliveries.delivered(delivery.event_id, delivery.target);
      return true;
    } catch (error) {
      const dead = delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS;
      const retryIn = Math.min(this.config.WEBHOOK_BACKOFF_MS * 2 ** (delivery.attempts - 1), MAX_BACKOFF_MS);
      const reason = error instanceof Error ? error.message : String(error);
      await this.deliveries.failed(delivery.event_id, delivery.target, reason, retryIn, dead);
      const log = { eventId: delivery.event_id, target: delivery.target, attempts: delivery.attempts, reason };
      if (dead) this.logger.error(log, 'webhook delivery dead-lettered');
      else this.logger.warn(log, 'webhook delivery failed; retrying');
      return false;
    }
  }
}
