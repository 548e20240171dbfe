import type { Request } from 'express';

/** The matched route as written (`/cases/:id`), never the raw path: a label that does not grow with the ids. */
export function routeTemplateOf(req: Request): string {
  const template = (req.route as { path?: string } | undefined)?.path;
  return template ? `${req.baseUrl}${template}` : 'unmatched';
}
