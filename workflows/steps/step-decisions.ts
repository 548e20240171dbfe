import type { DecideArgs } from '../contracts/case-messages.js';
import type { DecisionRecord } from '../contracts/case-status.js';
import { findDecisionProblem, plainDecisions, type DecisionSchema } from '../contracts/decisions.js';
import type { StepRule } from '../rules/rule-types.js';
import { reject } from './rejection.js';

/** A step's decisions: the schema (what each decision needs), and rules that depend on the case's state. */
export interface DecisionPolicy {
  schema: DecisionSchema;
  check?(args: DecideArgs): void;
}

export const APPROVE_OR_REFUSE: DecisionPolicy = { schema: plainDecisions('approve', 'refuse') };

/** An extension approval: approve, or refuse with reasons. */
export const EXTENSION_DECISIONS: DecisionSchema = {
  options: [
    { decision: 'approve', details: [] },
    {
      decision: 'refuse',
      details: [],
      reasons: {
        kind: 'invalid',
        code: 'EXTENSION_REFUSAL_REASONS_REQUIRED',
        text: { zh: '不批准延期须说明理由', en: 'Refusing an extension needs reasons' },
      },
    },
  ],
};

export const ESCALATION_DECISIONS = plainDecisions('acknowledge');

/** The step's schema with the reasons its article requires for some decisions. */
export function withRuleReasons(schema: DecisionSchema, rule: StepRule): DecisionSchema {
  const { citation } = rule;
  const reasons = {
    kind: 'notAllowed' as const,
    code: 'REASONS_REQUIRED',
    text: {
      zh: `${citation.article}${citation.clause ?? ''}要求说明理由`,
      en: `${citation.pack} ${citation.article} requires reasons for this decision`,
    },
  };
  return {
    options: schema.options.map((o) =>
      rule.reasonsRequiredFor.includes(o.decision) && !o.reasons ? { ...o, reasons } : o,
    ),
  };
}

/** Rejects a decision the schema does not accept, naming the field at fault. */
export function checkAgainst(schema: DecisionSchema, args: DecideArgs): void {
  const problem = findDecisionProblem(schema, args);
  if (problem) reject(problem.kind, problem.code, problem.text, problem.field);
}

/** A detail the step's schema requires: every decision the step accepted carries it. */
export function requiredDetailOf(decision: DecisionRecord, key: string): string {
  const value = decision.details?.[key]?.trim();
  if (!value) throw new Error(`decision on ${decision.taskId} lacks details.${key}, which its schema requires`);
  return value;
}
