import type { CatalogEntry } from '../../../src/catalog/catalog-entry.entity.js';
import type { Department } from '../../../src/catalog/department.entity.js';
import type { CreateShareRequestDto } from '../../../src/cases/dto/create-share-request.dto.js';
import { planShareRequest } from '../../../src/cases/share-request-planner.js';
import type { PlanContext } from '../../../src/cases/plan-context.js';
import { DomainError } from '../../../src/common/errors/domain-error.js';

const department = (id: string, kind: string, jurisdiction: string) =>
  ({ id, name: id, kind, jurisdiction }) as Department;

function contextFor(resource: Partial<CatalogEntry>, jurisdiction: string, receivedAt: string): PlanContext {
  const applicant = department(`${jurisdiction}-hrss`, 'government', jurisdiction);
  const authority = department(`${jurisdiction}-authority`, 'authority', jurisdiction);
  return {
    caseId: 'case-1',
    receivedAt: new Date(receivedAt),
    applicant: { id: 'u1', name: '申请人', role: 'applicant', department: applicant.id },
    applicantDepartment: applicant,
    resource: {
      id: 'r1',
      title: '资源',
      providerDepartmentId: `${jurisdiction}-market`,
      jurisdiction,
      dataItems: [{ key: 'a', name: 'A' }],
      shareConditions: null,
      legalBasis: null,
      openType: 'closed',
      updateFrequency: '每日',
      version: 1,
      ...resource,
    } as CatalogEntry,
    departments: [applicant, authority],
    authority,
    administrativeTargets: {},
  };
}

const dto = { resourceId: 'r1', items: ['a'], purpose: '社保稽核', scenario: '稽核' } as CreateShareRequestDto;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Jiangmen-2019 Art. 20 ¶2: without a legal basis a resource is shared unconditionally', () => {
  it.each(['none', 'conditional'])('a %s entry with no legal basis is granted at once', (shareType) => {
    const plan = planShareRequest(dto, contextFor({ shareType }, 'jiangmen', '2022-03-01T02:00:00Z'));
    expect(plan.path).toBe('unconditional');
    expect(plan.rules.withoutBasisUnconditional).toMatchObject({ article: '第二十条', clause: '第二款' });
  });

  it('a not-shared entry with its legal basis is still refused under Art. 20', () => {
    const ctx = contextFor({ shareType: 'none', legalBasis: '《保守国家秘密法》' }, 'jiangmen', '2022-03-01T02:00:00Z');
    expect(codeOf(() => planShareRequest(dto, ctx))).toBe('RESOURCE_NOT_SHARED');
  });

  it('a conditional entry with its basis goes to review', () => {
    const ctx = contextFor(
      { shareType: 'conditional', shareConditions: '仅限稽核', legalBasis: '《社会保险法》' },
      'jiangmen',
      '2022-03-01T02:00:00Z',
    );
    expect(planShareRequest(dto, ctx).path).toBe('review');
  });

  it('other packs do not read Art. 20 ¶2 into their texts', () => {
    const ctx = contextFor(
      { shareType: 'conditional', shareConditions: '仅限稽核' },
      'huarong',
      '2022-03-01T02:00:00Z',
    );
    expect(planShareRequest(dto, ctx).path).toBe('review');
  });

  // 第四十三条 leaves the day of 2019 blank: a receipt in 2019 cannot be assigned this law.
  it('refuses a receipt in 2019 because the start day is blank', () => {
    const ctx = contextFor({ shareType: 'conditional' }, 'jiangmen', '2019-09-02T02:00:00Z');
    expect(codeOf(() => planShareRequest(dto, ctx))).toBe('PACK_START_UNKNOWN');
  });
});
