import type { DecisionRecord } from '../../../workflows/contracts/case-status.js';
import { isSameDecision } from '../../../src/tasks/repeated-decision.js';

const recorded: DecisionRecord = {
  taskId: 'share-1.provider-review',
  stepId: 'provider-review',
  decision: 'approve',
  reasons: '符合共享条件',
  actor: { id: 'hr-land-ma', name: '马工', role: 'reviewer', department: 'hr-natural-resources' },
  decidedAt: '2026-12-07T02:00:00.000Z',
  details: { manner: 'interface', scope: 'unit-no' },
};

describe('a decision sent again to a decided step', () => {
  it('is the recorded one when the same person sends the same decision, reasons and details', () => {
    const sent = {
      decision: 'approve',
      reasons: ' 符合共享条件\n',
      details: { scope: 'unit-no', manner: 'interface' },
    };
    expect(isSameDecision(recorded, 'hr-land-ma', sent)).toBe(true);
  });

  it('is another decision when anything recorded differs', () => {
    const same = { decision: 'approve', reasons: '符合共享条件', details: { manner: 'interface', scope: 'unit-no' } };
    expect(isSameDecision(recorded, 'hr-land-deng', same)).toBe(false);
    expect(isSameDecision(recorded, 'hr-land-ma', { ...same, decision: 'refuse' })).toBe(false);
    expect(isSameDecision(recorded, 'hr-land-ma', { ...same, reasons: '另一理由' })).toBe(false);
    expect(isSameDecision(recorded, 'hr-land-ma', { ...same, reasons: undefined })).toBe(false);
    expect(isSameDecision(recorded, 'hr-land-ma', { ...same, details: { manner: 'file', scope: 'unit-no' } })).toBe(
      false,
    );
    expect(isSameDecision(recorded, 'hr-land-ma', { ...same, details: { manner: 'interface' } })).toBe(false);
  });

  it('takes no reasons and empty reasons, no details and empty details, alike', () => {
    const bare: DecisionRecord = { ...recorded, reasons: undefined, details: undefined };
    expect(isSameDecision(bare, 'hr-land-ma', { decision: 'approve', reasons: '', details: {} })).toBe(true);
    expect(isSameDecision(bare, 'hr-land-ma', { decision: 'approve' })).toBe(true);
  });
});
