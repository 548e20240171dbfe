import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a test run keeps its embedded PostgreSQL, logs and the shared workflow bundle (set by scripts/run-tests). */
export const TEST_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.data', 'test');
export const TEST_WORKFLOW_BUNDLE = path.join(TEST_DATA_DIR, 'workflow-bundle.js');

export function requireTestInfrastructure(): void {
  if (!process.env.DATABASE_URL || !process.env.TEMPORAL_ADDRESS) {
    throw new Error('integration tests need the test infrastructure: run them through ./scripts/test');
  }
}
