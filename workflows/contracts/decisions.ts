import type { Text } from './citation.js';

/** Every decision a task can take; each step's schema names the ones it accepts. */
export const DECISIONS = [
  'approve',
  'refuse',
  'acknowledge',
  'confirm',
  'not-an-error',
  'corrected',
  'dispatch',
  'provided',
  'reasonable',
  'unreasonable',
  'submit',
  /** The authority's coordination of conflicting data ended with an outcome (Jiangmen-2019 Art. 15 ¶3). */
  'resolved',
  /** An operator asks for the failed call of an incident to be tried again. */
  'retry',
  /** A colleague's answer to a 委派: the opinion is in `reasons`. */
  'opinion',
] as const;
export type Decision = (typeof DECISIONS)[number];

/** Whether the law (422) or the form (400) asks for something: one code is always one of the two. */
export type ProblemKind = 'invalid' | 'notAllowed';

/** What a missing or wrong value answers with. */
export interface Requirement {
  kind: ProblemKind;
  code: string;
  text: Text;
}

/** One entry of `details` a decision reads. */
export interface DetailRule {
  key: string;
  /** Required always, or only when another detail has a given value. */
  required: boolean | { whenDetail: string; equals: string };
  /** The values it may take; any text when absent. */
  oneOf?: readonly string[];
  /** The answer when it is required and missing, or not one of `oneOf`. */
  missing: Requirement;
}

export interface DecisionOption {
  decision: Decision;
  /** Reasons must come with this decision. */
  reasons?: Requirement;
  /** The details it reads; any other key is refused. */
  details: readonly DetailRule[];
}

/** The decisions one task accepts and what each needs: checked by the API (before the engine) and by the workflow's validator. */
export interface DecisionSchema {
  options: readonly DecisionOption[];
}

export interface DecisionArgs {
  decision: string;
  reasons?: string;
  details?: Record<string, string>;
}

export interface DecisionProblem extends Requirement {
  /** The request field at fault: decision, reasons or details.<key>. */
  field: string;
}

const filled = (value: string | undefined) => typeof value === 'string' && value.trim().length > 0;

function isRequired(rule: DetailRule, details: Record<string, string>): boolean {
  if (typeof rule.required === 'boolean') return rule.required;
  return details[rule.required.whenDetail] === rule.required.equals;
}

/** The first thing wrong with a decision under a schema, or undefined when it is acceptable. */
export function findDecisionProblem(schema: DecisionSchema, args: DecisionArgs): DecisionProblem | undefined {
  const option = schema.options.find((o) => o.decision === args.decision);
  const allowed = schema.options.map((o) => o.decision);
  if (!option) {
    return {
      kind: 'invalid',
      code: 'DECISION_NOT_ALLOWED',
      field: 'decision',
      text: {
        zh: `该任务只能作出以下决定：${allowed.join('、')}`,
        en: `This task accepts only: ${allowed.join(', ')}`,
      },
    };
  }
  if (option.reasons && !filled(args.reasons)) return { ...option.reasons, field: 'reasons' };
  const details = args.details ?? {};
  const known = new Set(option.details.map((d) => d.key));
  const unknown = Object.keys(details).find((key) => !known.has(key));
  if (unknown !== undefined) {
    const accepted = option.details.map((d) => d.key).join(', ') || '—';
    return {
      kind: 'invalid',
      code: 'UNKNOWN_DETAIL',
      field: `details.${unknown}`,
      text: {
        zh: `决定 ${option.decision} 不接受 details.${unknown}（可填：${accepted}）`,
        en: `The decision ${option.decision} takes no details.${unknown} (it takes: ${accepted})`,
      },
    };
  }
  for (const rule of option.details) {
    const value = details[rule.key];
    const wrongValue = filled(value) && rule.oneOf && !rule.oneOf.includes(value!.trim());
    if ((isRequired(rule, details) && !filled(value)) || wrongValue)
      return { ...rule.missing, field: `details.${rule.key}` };
  }
  return undefined;
}

/** A schema whose options take no details and need no reasons. */
export const plainDecisions = (...decisions: Decision[]): DecisionSchema => ({
  options: decisions.map((decision) => ({ decision, details: [] })),
});

/** What a missing or wrong value answers: a 400 for the form ('invalid'), a 422 where the law asks for it ('notAllowed'). */
export const requirement = (kind: ProblemKind, code: string, zh: string, en: string): Requirement => ({
  kind,
  code,
  text: { zh, en },
});

/** A detail a decision cannot go without. */
export const requiredDetail = (key: string, missing: Requirement): DetailRule => ({ key, required: true, missing });
