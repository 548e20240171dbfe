import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const TEMPORAL_CLI_VERSION = '1.5.1';

function onPath(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

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
  const binDir = path.join(toolsDir, 'bin');
  const local = path.join(binDir, 'temporal');
  if (existsSync(local)) return local;
  if (!onPath('go')) {
    throw new Error(
      'No Temporal CLI found. Install one of: the `temporal` CLI (https://docs.temporal.io/cli) on PATH, ' +
        'or Go ≥ 1.22 so that the CLI can be built, or set TEMPORAL_ADDRESS to use a running Temporal server.',
    );
  }
  log(`building the Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (a few minutes, once)…`);
  mkdirSync(binDir, { recursive: true });
  const build = spawnSync(
    'go',
    [
      'install',
      '-ldflags',
      `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`,
      `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`,
    ],
    { stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0', GOBIN: binDir } },
  );
  if (build.status !== 0 || !existsSync(local))
    throw new Error('building the Temporal CLI failed (see the go output above)');
  return local;
}
