import type { Citation, Text } from '../contracts/citation.js';
import type { DeadlineRule, ExtensionRule, StepRule } from './rule-types.js';

/**
 * The step shapes that recur across packs; each pack fills in its deadline,
 * citation and, where its text names the step differently, the title.
 */

/** P1: the providing department reviews; a refusal needs reasons. */
export function providerReview(
  deadline: DeadlineRule,
  citation: Citation,
  title: Text,
  extension?: ExtensionRule,
): StepRule {
  return {
    id: 'provider-review',
    title,
    actorRole: 'reviewer',
    actorDepartment: 'provider',
    deadline,
    extension,
    reasonsRequiredFor: ['refuse'],
    citation,
  };
}

/** P1: the authority coordinates a disputed refusal; its outcome, with reasons, stands. */
export function authorityCoordination(deadline: DeadlineRule, citation: Citation, title: Text): StepRule {
  return {
    id: 'authority-coordination',
    title,
    actorRole: 'authority',
    actorDepartment: 'authority',
    deadline,
    reasonsRequiredFor: ['approve', 'refuse'],
    citation,
  };
}

/** P2: the provider verifies and answers: confirm, or not-an-error with reasons. */

export function verifyStep(
  deadline: DeadlineRule,
  citation: Citation,
  extension?: ExtensionRule,
  title?: Text,
): StepRule {
  return {
    id: 'provider-verification',
    title: title ?? { zh: '提供部门核查数据疑义并答复', en: 'Provider verifies the reported data' },
    actorRole: 'reviewer',
    actorDepartment: 'provider',
    deadline,
    extension,
    reasonsRequiredFor: ['not-an-error'],
    citation,
  };
}

export function correctStep(deadline: DeadlineRule, citation: Citation): StepRule {
  return {
    id: 'correction',
    title: { zh: '更正错误数据', en: 'Correct the data' },
    actorRole: 'reviewer',
    actorDepartment: 'provider',
    deadline,
    reasonsRequiredFor: [],
    citation,
  };
}

export function triageStep(deadline: DeadlineRule, citation: Citation): StepRule {
  return {
    id: 'service-unit-triage',
    title: {
      zh: '技术服务单位分析问题数据并分发至数据生产单位',
      en: 'Service unit analyses and dispatches the report',
    },
    actorRole: 'service-unit',
    actorDepartment: 'service-unit',
    deadline,
    reasonsRequiredFor: [],
    citation,
  };
}

/** P3: the authority reviews the catalog update and, approving, applies it; a refusal needs reasons. */
export function catalogReviewStep(deadline: DeadlineRule, citation: Citation, title?: Text): StepRule {
  return {
    id: 'authority-catalog-review',
    title: title ?? { zh: '主管部门审核并更新政务数据资源目录', en: 'Authority reviews and updates the catalog' },
    actorRole: 'authority',
    actorDepartment: 'authority',
    deadline,
    reasonsRequiredFor: ['refuse'],
    citation,
  };
}

/** P7: a report due by the end of a month (「某月底前」), by a department's staff or by the authority. */
export function reportStep(
  id: string,
  title: Text,
  by: 'provider' | 'authority',
  monthEnd: number,
  citation: Citation,
): StepRule {
  return {
    id,
    title,
    actorRole: by === 'authority' ? 'authority' : 'reviewer',
    actorDepartment: by,
    deadline: { basis: 'statutory', monthEnd, from: 'receipt', citation },
    reasonsRequiredFor: [],
    citation,
  };
}
