import { Logger } from '@nestjs/common';
import pg from 'pg';
import { CONNECTION_OPTIONS } from './orm-options.js';

/** What a listener tells: one row changed, or notices may have been missed (start, lost connection). */
export interface ReferenceChangeHandler {
  changed(table: string, id: string): void;
  /** Called when listening starts again and when it stops: whatever was learned before may be stale. */
  reset(): void;
}

const CHANNEL = 'reference_changed';
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * One connection of its own that LISTENs on `reference_changed` (see the migration
 * ReferenceChangeNotices). It says whether it is listening: while it is not (the database is out of
 * reach), nothing learned from the tables can be trusted to stay current. It reconnects with backoff.
 */
export class ReferenceChangeListener {
  private readonly logger = new Logger(ReferenceChangeListener.name);
  private client?: pg.Client;
  private retryMs = RETRY_MIN_MS;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private heard = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly handler: ReferenceChangeHandler,
  ) {}

  get listening(): boolean {
    return this.heard;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.lost();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, ...CONNECTION_OPTIONS });
    this.client = client;
    client.on('notification', (notice) => {
      if (notice.channel !== CHANNEL || !notice.payload) return;
      const split = notice.payload.indexOf(':');
      this.handler.changed(notice.payload.slice(0, split), notice.payload.slice(split + 1));
    });
    client.on('error', (error) => this.logger.warn(`reference change notices interrupted: ${error.message}`));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (error) {
      this.logger.warn(`cannot listen for reference changes yet: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.dropped(client);
      return;
    }
    if (this.client !== client) return;
    this.retryMs = RETRY_MIN_MS;
    this.heard = true;
    this.handler.reset();
  }

  private dropped(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.lost();
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private lost(): void {
    if (!this.heard) return;
    this.heard = false;
    this.handler.reset();
  }
}
