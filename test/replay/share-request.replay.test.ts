import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import { NO_TRACE_EXPORT } from '../../src/tracing/tracing.js';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/app-config.js';
import { dataConverterOf } from '../../src/engine/data-converter.js';
import { TEST_WORKFLOW_BUNDLE } from '../support/test-environment.js';

const dir = new URL('../histories/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Every recorded P1 variant must replay against today's workflow code without nondeterminism. */
describe('replay of recorded histories', () => {
  it('has a history for every P1 variant', () => {
    expect(files.filter((f) => f.startsWith('share-request.')).length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('%s replays', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    const workflowId = file.replace(/\.json$/, '');
    // Histories recorded with payload encryption replay with the run's key; older ones are in clear.
    const dataConverter = dataConverterOf(loadConfig());
    // Workflow spans of traced runs go to the same sink a worker has (here, nowhere).
    const sinks = { exporter: makeWorkflowExporter(NO_TRACE_EXPORT.spanProcessor, NO_TRACE_EXPORT.resource) };
    const results = Worker.runReplayHistories(
      { workflowBundle: { codePath: TEST_WORKFLOW_BUNDLE }, dataConverter, sinks },
      [{ workflowId, history }],
    );
    for await (const result of results) {
      expect(result.error).toBeUndefined();
    }
  });
});
