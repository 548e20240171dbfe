import type { INestApplication } from '@nestjs/common';
import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/project-paths.js';

/** Where the built console is (`npm run build` writes it); CONSOLE_DIR overrides. */
export const CONSOLE_DIR = process.env.CONSOLE_DIR ?? path.join(PROJECT_ROOT, 'web', 'dist');

/**
 * Serves the web console at /console, same origin as the API (so the same
 * token and CSP apply); every path under it that is not a file is the app's
 * own route and gets its page. Nothing is served when it was not built.
 */
export function serveConsole(app: INestApplication): boolean {
  const index = path.join(CONSOLE_DIR, 'index.html');
  if (!existsSync(index)) return false;
  app.use('/console', express.static(CONSOLE_DIR, { index: 'index.html', fallthrough: true }));
  app.use('/console', (req: express.Request, res: express.Response, next: express.NextFunction) => {
    // Task ids have dots (`share-….provider-review`): only a missing asset is a 404, every other path a page.
    if (req.method !== 'GET' || req.path.startsWith('/assets/')) return next();
    res.sendFile(index);
  });
  return true;
}
