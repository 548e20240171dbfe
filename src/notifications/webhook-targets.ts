import type { AppConfig } from '../config/app-config.js';

/** The webhook URLs notifications are delivered to (WEBHOOK_URLS, comma-separated); none when unset. */
export function webhookTargets(config: Pick<AppConfig, 'WEBHOOK_URLS'>): string[] {
  return [
    ...new Set(
      (config.WEBHOOK_URLS ?? '')
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    ),
  ];
}
