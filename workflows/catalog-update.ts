import type { CatalogUpdateInput } from './contracts/catalog-update.js';
import type { CaseStatus } from './contracts/case-status.js';
import type { DecisionSchema, DetailRule } from './contracts/decisions.js';
import { basisNeeded, type BasisField } from './rules/catalog-rules.js';
import { firstCatalogUpdateStep, triggerInstant } from './rules/first-steps.js';
import { activities } from './steps/activities-proxy.js';
import type { CaseRuntime } from './steps/case-runtime.js';
import { openCase } from './steps/open-case.js';
import { workflowNow } from './steps/workflow-time.js';
import { requiredDetailOf } from './steps/step-decisions.js';
import { stoppable } from './steps/case-stop.js';

const STATES = {
  reviewing: {
    id: 'authority-review',
    text: { zh: '主管部门审核目录更新申请中', en: 'Authority reviewing the catalog update' },
  },
  applied: { id: 'catalog-updated', text: { zh: '目录已更新', en: 'Catalog updated' } },
  refused: { id: 'refused', text: { zh: '不予更新目录', en: 'Catalog update refused' } },
  notApplicable: {
    id: 'not-applicable',
    text: {
      zh: '目录已由其他更新改变，本次变更无法适用',
      en: 'The catalog changed meanwhile; this change could not be applied',
    },
  },
};

/**
 * P3 目录更新: the authority reviews; approval applies every entry's change as
 * one new version each (atomically), refusal changes nothing. Chongqing: a
 * late application is accepted and recorded as a breach (Art. 14 ¶1, 50(8)).
 * A linked origin case (reclassification, objection, open scope) learns the outcome.
 */
export const catalogUpdate = stoppable(async function catalogUpdate(input: CatalogUpdateInput): Promise<CaseStatus> {
  const rt = openCase('catalog-update', input, input.applicant, input.departments, STATES.reviewing);
  rt.status.catalogUpdate = {
    trigger: input.trigger,
    changes: input.changes.map(({ entryId, baseVersion, change }) => ({ entryId, baseVersion, change })),
    origin: input.origin,
  };
  await checkApplicationTimeliness(rt, input);
  const { rule, from } = firstCatalogUpdateStep(input);
  // A linked change (e.g. a reclassification to conditional) may come without conditions: the approver then states them.
  const needed = [...new Set(input.changes.flatMap((c) => basisNeeded(c, input.rules)))];
  const review = await rt.runStep(rule, from, { schema: reviewSchema(needed) });
  if (review.decision === 'refuse') {
    await settleOrigin(input, 'refused');
    return rt.close(STATES.refused, { reasons: review.reasons, citation: rule.citation });
  }
  const applied = await activities.applyCatalogChange({
    caseId: input.caseId,
    changes: input.changes.map((c) => {
      const keys = basisNeeded(c, input.rules);
      if (keys.length === 0) return c;
      return {
        ...c,
        change: { ...c.change, ...Object.fromEntries(keys.map((k) => [k, requiredDetailOf(review, k)])) },
      };
    }),
    approver: { id: review.actor.id, name: review.actor.name },
    appliedAt: workflowNow().toISOString(),
    updateResponsibilityList: !!input.rules.responsibilityList,
  });
  if (applied.notApplied) {
    await settleOrigin(input, 'refused');
    return rt.close(STATES.notApplicable, { reasons: applied.notApplied, citation: rule.citation });
  }
  await settleOrigin(input, 'applied');
  const catalogVersions = applied.versions.map(({ entryId, version }) => ({ entryId, version }));
  return rt.close(STATES.applied, { catalogVersions, citation: input.rules.responsibilityList ?? rule.citation });
});

async function checkApplicationTimeliness(rt: CaseRuntime, input: CatalogUpdateInput): Promise<void> {
  const within = input.rules.applyWithin;
  if (!within) return;
  const due = await activities.computeDueDate({
    receivedAt: triggerInstant(input.trigger.date),
    workingDays: within.workingDays,
  });
  const late = Date.parse(input.receivedAt) >= Date.parse(due.dueAt);
  rt.status.catalogUpdate!.application = {
    dueAt: due.dueAt,
    dueDate: due.dueDate,
    provisional: due.provisional,
    late,
    citation: within.citation,
  };
  if (!late) return;
  rt.status.catalogUpdate!.application.breachCitation = within.breachCitation;
  rt.addNotice(
    {
      zh: `申请晚于${due.dueDate}，已记录超期申请更新目录的违规情形`,
      en: `Applied after ${due.dueDate}: the late application is recorded as a breach`,
    },
    within.breachCitation,
  );
  await activities.recordLateApplication({
    breachId: `${input.caseId}.application`,
    caseId: input.caseId,
    procedure: 'catalog-update',
    pack: input.rules.pack,
    department: input.departments.provider,
    citation: within.breachCitation,
    dueAt: due.dueAt,
    receivedAt: input.receivedAt,
  });
}

async function settleOrigin(input: CatalogUpdateInput, status: 'applied' | 'refused'): Promise<void> {
  if (!input.origin) return;
  await activities.settlePendingChange({
    changeId: input.origin.pendingChangeId,
    status,
    catalogCaseId: input.caseId,
    at: workflowNow().toISOString(),
  });
}

/** An approval that leaves an entry conditional or not shared states its legal basis (and, conditional, its conditions). */
function reviewSchema(needed: BasisField[]): DecisionSchema {
  const missing = {
    kind: 'notAllowed' as const,
    code: 'SHARE_CONDITIONS_REQUIRED',
    text: {
      zh: `须写明${needed.map((k) => `details.${k}`).join('、')}（有条件共享类写明共享条件，有条件共享、不予共享须有法律、法规或规章依据；重庆：有条件开放、不予开放须有依据）`,
      en: `State ${needed.map((k) => `details.${k}`).join(' and ')} (conditions for a conditional entry, a legal basis for restricted sharing; in Chongqing, a basis for restricted opening)`,
    },
  };
  const conditions: DetailRule[] = needed.map((key) => ({ key, required: true, missing }));
  return {
    options: [
      { decision: 'approve', details: conditions },
      { decision: 'refuse', details: [] },
    ],
  };
}
