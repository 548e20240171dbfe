import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { patchedBefore202612 } from './run-patches.js';
import type { Actor } from '../contracts/actor.js';
import {
  linkedCatalogUpdateCaseId,
  type CatalogFields,
  type CatalogTriggerKind,
  type CatalogUpdateInput,
} from '../contracts/catalog-update.js';
import type { Citation } from '../contracts/citation.js';
import { CATALOG_UPDATE_WORKFLOW } from '../contracts/catalog-update.js';
import { packById } from '../rules/pack-resolver.js';
import { activities } from './activities-proxy.js';
import type { CaseRuntime } from './case-runtime.js';
import { shanghaiDay, workflowNow } from './workflow-time.js';

/** Cases started before linked P3 cases existed replay without them: they only record the pending change. */
export const LINKED_CATALOG_UPDATE_PATCH = 'linked-catalog-update';

export interface CatalogChangeRequest {
  entryId: string;
  change: Partial<CatalogFields>;
  citation: Citation;
  trigger: CatalogTriggerKind;
  description: string;
}

/**
 * A decision that the catalog must change (Huarong reclassification, Chongqing
 * objection, Huarong open scope): the change is recorded as pending and a P3
 * case linked to this one is started for the authority to review. The P3 case
 * outlives this one (ABANDON) and reports its outcome on the pending change.
 */
export async function requestCatalogChange(
  rt: CaseRuntime,
  request: CatalogChangeRequest,
): Promise<{ changeId: string; catalogUpdateCaseId?: string }> {
  const changeId = `change-${rt.caseId}`;
  const now = workflowNow().toISOString();
  const pending = {
    changeId,
    originCaseId: rt.caseId,
    entryId: request.entryId,
    change: request.change,
    citation: request.citation,
    createdAt: now,
  };
  if (!patchedBefore202612(LINKED_CATALOG_UPDATE_PATCH)) {
    await activities.recordPendingCatalogChange(pending);
    return { changeId };
  }
  const linkedCaseId = linkedCatalogUpdateCaseId(rt.caseId);
  const provider = rt.departmentOf('provider');
  const applicant: Actor = {
    id: `system:${rt.caseId}`,
    name: '系统（依关联案件决定提请）',
    role: 'reviewer',
    department: provider,
  };
  const plan = await activities.openLinkedCatalogUpdate({
    ...pending,
    originProcedure: rt.procedure,
    linkedCaseId,
    applicant,
  });
  const input: CatalogUpdateInput = {
    caseId: linkedCaseId,
    receivedAt: now,
    applicant,
    trigger: { kind: request.trigger, date: shanghaiDay(now), description: request.description },
    changes: [
      {
        entryId: plan.entry.id,
        jurisdiction: plan.entry.jurisdiction,
        baseVersion: plan.entry.version,
        before: plan.entry.fields,
        change: request.change,
      },
    ],
    origin: { caseId: rt.caseId, procedure: rt.procedure, pendingChangeId: changeId },
    rules: packById(rt.pack).catalogUpdate,
    departments: { provider, authority: plan.authorityDepartment },
    administrativeTargets: rt.administrativeTargets,
  };
  await startChild(CATALOG_UPDATE_WORKFLOW, {
    workflowId: linkedCaseId,
    // A case id is used once: a repeated start (a second round in the year) must not open a closed case anew.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    args: [input],
    parentClosePolicy: ParentClosePolicy.ABANDON,
    searchAttributes: {
      CaseProcedure: ['catalog-update'],
      CasePack: [rt.pack],
      CaseDepartment: [provider, plan.authorityDepartment],
    },
  });
  return { changeId, catalogUpdateCaseId: linkedCaseId };
}
