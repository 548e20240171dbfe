import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import { calendarChangedSignal, type CalendarChange } from './contracts/calendar-change.js';
import { activities } from './steps/activities-proxy.js';

/**
 * A year's schedule was loaded or replaced: every open case with a provisional
 * due date, or one in that year, is told, and recomputes its own steps. Run as
 * a workflow so that no case is missed if the API stops half-way.
 */
export async function calendarRecompute(change: CalendarChange): Promise<{ signalled: string[]; closed: string[] }> {
  const caseIds = await activities.casesWithDueIn({ year: change.year });
  const signalled: string[] = [];
  const closed: string[] = [];
  for (const caseId of caseIds) {
    try {
      await getExternalWorkflowHandle(caseId).signal(calendarChangedSignal, change);
      signalled.push(caseId);
    } catch (error) {
      // The case closed after the list was read: nothing left to move.
      log.info('case closed before the calendar change reached it', { caseId, error: String(error) });
      closed.push(caseId);
    }
  }
  return { signalled, closed };
}
