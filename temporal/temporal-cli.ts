import { existsSync } from 'node:fs';
import path from 'node:path';
import { findOrBuildGoTool, onPath } from './go-tool.js';

export const TEMPORAL_CLI_VERSION = '1.5.1';

/**
 * The `temporal` CLI: $TEMPORAL_CLI, else one on PATH, else the project's
 * tools folder, else built there from its Go module (v1.5.1: later tags carry
 * a `replace` directive that `go install` refuses).
 */
export function findOrBuildTemporalCli(toolsDir: string, log: (line: string) => void): string {
  const configured = process.env.TEMPORAL_CLI;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`TEMPORAL_CLI points to ${configured}, which does not exist`);
    return configured;
  }
  const installed = onPath('temporal');
  if (installed) return installed;
  if (!onPath('go') && !existsSync(path.join(toolsDir, 'bin', 'temporal'))) {
    throw new Error(
      'No Temporal CLI found. Install one of: the `temporal` CLI (https://docs.temporal.io/cli) on PATH, ' +
        'or Go ≥ 1.22 so that the CLI can be built, or set TEMPORAL_ADDRESS to use a running Temporal server.',
    );
  }
  return findOrBuildGoTool(
    toolsDir,
    {
      label: `the Temporal CLI v${TEMPORAL_CLI_VERSION}`,
      folder: 'bin',
      binary: 'temporal',
      module: `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`,
      ldflags: `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`,
    },
    log,
  );
}
