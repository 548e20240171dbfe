import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, whether this runs from the sources or from dist/. */
function findRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts = here.split(path.sep);
  const distIndex = parts.lastIndexOf('dist');
  return distIndex >= 0 ? parts.slice(0, distIndex).join(path.sep) : path.resolve(here, '..', '..');
}

export const PROJECT_ROOT = findRoot();
export const DATA_DIR = process.env.DATA_DIR ?? path.join(PROJECT_ROOT, '.data');
export const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');
export const DIST_DIR = path.join(PROJECT_ROOT, 'dist');
