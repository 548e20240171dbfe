import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { ReferenceChangeListener, type ReferenceChangeHandler } from './reference-change-listener.js';

/**
 * The process's one listener for the database's change notices, shared by whatever keeps reference data in memory.
 * It starts with the first subscriber: a process that keeps nothing opens no connection for it.
 */
@Injectable()
export class ReferenceChanges implements OnApplicationShutdown {
  private readonly handlers: ReferenceChangeHandler[] = [];
  private readonly listener: ReferenceChangeListener;
  private running = false;

  constructor(config: AppConfig) {
    this.listener = new ReferenceChangeListener(config.DATABASE_URL, {
      changed: (table, id) => this.handlers.forEach((handler) => handler.changed(table, id)),
      reset: () => this.handlers.forEach((handler) => handler.reset()),
    });
  }

  /** Tells `handler` of every change from now on, and of every time notices may have been missed. */
  subscribe(handler: ReferenceChangeHandler): void {
    this.handlers.push(handler);
    this.start();
  }

  /** Listens, unless it does already. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.listener.start();
  }

  /** Whether notices are heard now: only then may what was read from the tables be kept. */
  get listening(): boolean {
    return this.listener.listening;
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.listener.stop();
  }
}
