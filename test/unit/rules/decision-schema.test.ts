import { findDecisionProblem, plainDecisions, type DecisionSchema } from '../../../workflows/contracts/decisions.js';

const batchReason = {
  kind: 'notAllowed' as const,
  code: 'BATCH_NEEDS_REASON',
  text: { zh: '须说明理由', en: 'needs a reason' },
};
const mannerMissing = {
  kind: 'invalid' as const,
  code: 'MANNER_REQUIRED',
  text: { zh: '须明确方式', en: 'state the manner' },
};
const reasonsRequired = {
  kind: 'notAllowed' as const,
  code: 'REASONS_REQUIRED',
  text: { zh: '须说明理由', en: 'reasons required' },
};

const schema: DecisionSchema = {
  options: [
    {
      decision: 'approve',
      details: [
        { key: 'manner', required: true, oneOf: ['interface', 'batch-exchange'], missing: mannerMissing },
        { key: 'mannerReason', required: { whenDetail: 'manner', equals: 'batch-exchange' }, missing: batchReason },
      ],
    },
    { decision: 'refuse', reasons: reasonsRequired, details: [] },
  ],
};

describe('findDecisionProblem', () => {
  it('accepts what the schema allows', () => {
    expect(findDecisionProblem(schema, { decision: 'approve', details: { manner: 'interface' } })).toBeUndefined();
    expect(
      findDecisionProblem(schema, {
        decision: 'approve',
        details: { manner: 'batch-exchange', mannerReason: '全量比对' },
      }),
    ).toBeUndefined();
    expect(findDecisionProblem(schema, { decision: 'refuse', reasons: '超出共享条件' })).toBeUndefined();
  });

  it('names a decision the task does not take', () => {
    expect(findDecisionProblem(schema, { decision: 'confirm' })).toMatchObject({
      kind: 'invalid',
      code: 'DECISION_NOT_ALLOWED',
      field: 'decision',
    });
  });

  it('requires reasons where the option says so, and blank reasons are none', () => {
    expect(findDecisionProblem(schema, { decision: 'refuse', reasons: '   ' })).toMatchObject({
      code: 'REASONS_REQUIRED',
      field: 'reasons',
    });
  });

  it('requires details, checks their values, and a detail required only when another has a value', () => {
    expect(findDecisionProblem(schema, { decision: 'approve' })).toMatchObject({
      code: 'MANNER_REQUIRED',
      field: 'details.manner',
    });
    expect(findDecisionProblem(schema, { decision: 'approve', details: { manner: 'fax' } })).toMatchObject({
      code: 'MANNER_REQUIRED',
    });
    expect(findDecisionProblem(schema, { decision: 'approve', details: { manner: 'batch-exchange' } })).toMatchObject({
      kind: 'notAllowed',
      code: 'BATCH_NEEDS_REASON',
      field: 'details.mannerReason',
    });
  });

  it('refuses details the decision does not take', () => {
    expect(
      findDecisionProblem(schema, { decision: 'refuse', reasons: '不符合', details: { manner: 'interface' } }),
    ).toMatchObject({
      code: 'UNKNOWN_DETAIL',
      field: 'details.manner',
    });
    expect(
      findDecisionProblem(plainDecisions('acknowledge'), { decision: 'acknowledge', details: { constructor: 'x' } }),
    ).toMatchObject({
      code: 'UNKNOWN_DETAIL',
    });
  });
});
