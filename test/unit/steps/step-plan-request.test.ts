import fc from 'fast-check';
import { firstShareRequestStep } from '../../../workflows/rules/first-steps.js';
import { packById } from '../../../workflows/rules/pack-resolver.js';
import type { StepRule } from '../../../workflows/rules/rule-types.js';
import type { ShareRequestInput } from '../../../workflows/contracts/share-request.js';
import { sameStepPlanRequest, stepPlanRequest, targetsOf } from '../../../workflows/steps/step-plan-request.js';

const FROM = '2026-12-07T02:00:00.000Z';
const huarongReview = packById('huarong-2021').shareRequest.review;

describe('a step’s plan request', () => {
  it('asks a statutory period with the default warning (2 working days, or 20 % when more)', () => {
    expect(stepPlanRequest(targetsOf({}), huarongReview, FROM)).toEqual({
      from: FROM,
      workingDays: 5,
      warningWorkingDays: 2,
    });
  });

  it('asks an administrative target as the case configured it, or the default, and no warning for a short period', () => {
    const rule: StepRule = {
      ...huarongReview,
      deadline: {
        basis: 'administrative',
        targetKey: 'open-data.review',
        from: 'receipt',
        citation: huarongReview.citation,
      },
    };
    expect(stepPlanRequest(targetsOf({ 'open-data.review': 15 }), rule, FROM)).toEqual({
      from: FROM,
      workingDays: 15,
      warningWorkingDays: 3,
    });
    expect(stepPlanRequest(targetsOf({ default: 7 }), rule, FROM).workingDays).toBe(7);
    expect(stepPlanRequest(targetsOf({}), rule, FROM).workingDays).toBe(10);
    expect(stepPlanRequest(targetsOf({ default: 2 }), rule, FROM)).toEqual({ from: FROM, workingDays: 2 });
    expect(stepPlanRequest(targetsOf({ 'warning.working-days': 4, default: 7 }), rule, FROM)).toMatchObject({
      warningWorkingDays: 4,
    });
  });

  it('asks the supplement period of a step that has one', () => {
    const rule: StepRule = {
      ...huarongReview,
      supplement: {
        withinWorkingDays: 3,
        citation: huarongReview.citation,
        periodTargetKey: 'supplement',
        lapse: huarongReview.citation,
      },
    };
    expect(stepPlanRequest(targetsOf({}), rule, FROM)).toMatchObject({ supplementWorkingDays: 3 });
  });

  it('takes a plan only for the same request, field by field', () => {
    const request = fc.record(
      {
        from: fc.constantFrom(FROM, '2026-12-08T02:00:00.000Z'),
        workingDays: fc.integer({ min: 1, max: 3 }),
        warningWorkingDays: fc.integer({ min: 1, max: 3 }),
        supplementWorkingDays: fc.integer({ min: 1, max: 3 }),
      },
      { requiredKeys: ['from', 'workingDays'] },
    );
    fc.assert(
      fc.property(request, request, (a, b) => {
        const same =
          a.from === b.from &&
          a.workingDays === b.workingDays &&
          a.warningWorkingDays === b.warningWorkingDays &&
          a.supplementWorkingDays === b.supplementWorkingDays;
        expect(sameStepPlanRequest(a, b)).toBe(same);
        expect(sameStepPlanRequest(a, { ...a })).toBe(true);
      }),
    );
  });
});

describe('the first step of a share request', () => {
  const input = (pack: string, path: ShareRequestInput['path']) =>
    ({
      receivedAt: FROM,
      path,
      rules: packById(pack as never).shareRequest,
    }) as ShareRequestInput;

  it('is none when the data is shared unconditionally', () => {
    expect(firstShareRequestStep(input('huarong-2021', 'unconditional'))).toBeUndefined();
  });

  it('is the review, the consultation where the pack has one, or the county’s review of a reclassification', () => {
    expect(firstShareRequestStep(input('huarong-2021', 'review'))).toEqual({ rule: huarongReview, from: FROM });
    const quanzhou = packById('quanzhou-2021').shareRequest;
    expect(firstShareRequestStep(input('quanzhou-2021', 'review'))?.rule).toBe(quanzhou.consultation);
    const withReclassification = packById('huarong-2021').shareRequest.reclassification;
    expect(withReclassification).toBeDefined();
    expect(firstShareRequestStep(input('huarong-2021', 'reclassification'))?.rule).toBe(
      withReclassification!.countyReview,
    );
  });
});
