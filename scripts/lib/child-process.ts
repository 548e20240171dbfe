import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Sends SIGTERM, then SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

/** Children still running when this process exits die with it: no engine or database is left holding its ports. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function startProcess(name: string, command: string, args: string[], options: SpawnOptions): ManagedProcess {
  const child = spawn(command, args, options);
  running.add(child);
  const exited = once(child, 'exit');
  child.once('exit', () => running.delete(child));
  return {
    name,
    child,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
