import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../database/unit-of-work.js';
import type { RecomputedStepDto } from './dto/holiday-year-response.dto.js';

export const RECOMPUTED_STEPS_LIMIT = 200;

/**
 * The steps whose due dates loading `year` moved, as each case keeps them (`steps[].due.changes` in the status its
 * row holds): what an operator checks after loading a notice. A scan of the case rows: an operator's occasional read.
 */
export async function recomputedSteps(em: EntityManager, year: number): Promise<RecomputedStepDto[]> {
  return query<RecomputedStepDto & Record<string, unknown>>(
    em,
    `select c.id as "caseId", c.procedure, c.state, s->>'stepId' as "stepId",
            ch->>'previousDueAt' as "previousDueAt", ch->>'dueAt' as "dueAt",
            coalesce((ch->>'provisional')::boolean, false) as provisional, ch->>'at' as at
       from case_record c
            cross join lateral jsonb_array_elements(c.status->'steps') s
            cross join lateral jsonb_array_elements(coalesce(s->'due'->'changes', '[]'::jsonb)) ch
      where c.status is not null and ch->>'year' = ?
      order by ch->>'at' desc, c.id
      limit ${RECOMPUTED_STEPS_LIMIT}`,
    [String(year)],
  );
}
