import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../src/engine/workflow-source.js';
import { DIST_DIR } from './lib/project-paths.js';

/** Prebuilds the workflow bundle so that production workers start without webpack. */
const { code } = await bundleWorkflowCode({
  workflowsPath: path.join(DIST_DIR, 'workflows', 'index.js'),
  workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
});
writeFileSync(path.join(DIST_DIR, 'workflow-bundle.js'), code);
process.stderr.write(`[build] workflow bundle written (${(code.length / 1024).toFixed(0)} KiB)\n`);
