import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * Where the worker gets workflow code: the bundle prebuilt by `npm run build`
 * when present (production), else the workflow sources bundled at start
 * (development and tests, where the sources are TypeScript).
 */
export function workflowSource(): Pick<
  WorkerOptions,
  'workflowBundle' | 'workflowsPath' | 'bundlerOptions' | 'interceptors'
> {
  const prebuilt = fileURLToPath(new URL('../../workflow-bundle.js', import.meta.url));
  if (process.env.WORKFLOW_BUNDLE !== 'source' && existsSync(prebuilt))
    return { workflowBundle: { codePath: prebuilt } };
  return {
    workflowsPath: workflowsEntry(),
    bundlerOptions: workflowBundlerOptions,
    interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
  };
}

export function workflowsEntry(): string {
  return workflowModule('index');
}

/** TypeScript sources import `./x.js` for `./x.ts` (and `./x.cjs` for `./x.cts`); teach webpack the same. */
export const workflowBundlerOptions: NonNullable<WorkerOptions['bundlerOptions']> = {
  webpackConfigHook: (config) => ({
    ...config,
    resolve: { ...config.resolve, extensionAlias: { '.js': ['.ts', '.js'], '.cjs': ['.cts', '.cjs'] } },
  }),
};

/**
 * Workflow interceptors every bundle carries: OpenTelemetry spans for the workflow, its updates and the
 * activities it schedules (they go nowhere unless the worker exports them; see src/tracing).
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [workflowModule('tracing-interceptors')];

function workflowModule(name: string): string {
  const compiled = fileURLToPath(new URL(`../../workflows/${name}.js`, import.meta.url));
  return existsSync(compiled) ? compiled : fileURLToPath(new URL(`../../workflows/${name}.ts`, import.meta.url));
}
