import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface GoTool {
  /** What it is, for messages. */
  label: string;
  /** Its folder under the tools folder (binaries of different modules may share a name). */
  folder: string;
  /** The binary `go install` writes. */
  binary: string;
  /** `module/cmd/path@version`. */
  module: string;
  ldflags?: string;
}

export function onPath(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** A Go program in the project's tools folder, built there once with `go install` (pure Go, CGO off). */
export function findOrBuildGoTool(toolsDir: string, tool: GoTool, log: (line: string) => void): string {
  const binDir = path.join(toolsDir, tool.folder);
  const local = path.join(binDir, tool.binary);
  if (existsSync(local)) return local;
  if (!onPath('go'))
    throw new Error(`${tool.label} is not built and Go is not installed: install Go ≥ 1.24 so that it can be built`);
  log(`building ${tool.label} with go install ${tool.module} (a few minutes, once)…`);
  mkdirSync(binDir, { recursive: true });
  const args = ['install', ...(tool.ldflags ? ['-ldflags', tool.ldflags] : []), tool.module];
  const build = spawnSync('go', args, { stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0', GOBIN: binDir } });
  if (build.status !== 0 || !existsSync(local))
    throw new Error(`building ${tool.label} failed (see the go output above)`);
  return local;
}
