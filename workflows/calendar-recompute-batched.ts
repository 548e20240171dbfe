import { continueAsNew, getExternalWorkflowHandle, sleep } from '@temporalio/workflow';
import {
  calendarChangedSignal,
  type CalendarChange,
  type RecomputePace,
  type RecomputeProgress,
} from './contracts/calendar-change.js';
import { activities } from './steps/activities-proxy.js';

/**
 * A year's schedule was loaded or replaced: every open case whose due dates it can touch is told, a batch at a time
 * (its signals sent together, then a pause), and recomputes its own steps. Pages of the case list come from the
 * database in id order, so a run continued as new picks up where the last stopped; no case is missed or told twice
 * by one recompute, however many there are.
 */
export async function calendarRecomputeInBatches(
  change: CalendarChange,
  pace: RecomputePace,
  progress: RecomputeProgress = { signalled: 0, closed: 0, runs: 1 },
): Promise<RecomputeProgress> {
  let { after, signalled, closed } = progress;
  for (let batch = 0; batch < pace.batchesPerRun; batch += 1) {
    const caseIds = await activities.casesWithDueInPage({ year: change.year, after, limit: pace.batchSize });
    if (caseIds.length === 0) return { signalled, closed, runs: progress.runs };
    const sent = await Promise.allSettled(
      caseIds.map((caseId) => getExternalWorkflowHandle(caseId).signal(calendarChangedSignal, change)),
    );
    // A case that closed after the page was read has nothing left to move.
    const delivered = sent.filter((s) => s.status === 'fulfilled').length;
    signalled += delivered;
    closed += sent.length - delivered;
    after = caseIds.at(-1);
    if (caseIds.length < pace.batchSize) return { signalled, closed, runs: progress.runs };
    if (pace.pauseMs > 0) await sleep(pace.pauseMs);
  }
  return continueAsNew<typeof calendarRecomputeInBatches>(change, pace, {
    after,
    signalled,
    closed,
    runs: progress.runs + 1,
  });
}
