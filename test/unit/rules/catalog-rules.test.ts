import { changedMeanwhile, diffFields } from '../../../src/catalog/catalog-fields.js';
import { monthEndDue } from '../../../src/calendar/month-end-due.js';
import type { CatalogFields } from '../../../workflows/contracts/catalog-update.js';
import { lacksShareBasis, needsShareConditions, shareBasisNeeded } from '../../../workflows/rules/catalog-rules.js';
import { RULE_PACKS } from '../../../workflows/rules/pack-resolver.js';

const entry: CatalogFields = {
  title: '国土调查原始数据',
  providerDepartmentId: 'hr-natural-resources',
  dataItems: [{ key: 'parcel', name: '图斑' }],
  shareType: 'none',
  shareConditions: '涉密测绘成果',
  legalBasis: '《测绘法》第三十四条',
  openType: 'closed',
  openBasis: '《测绘法》第三十四条',
  updateFrequency: '每年',
};

describe('P3 rules in every pack', () => {
  it('every pack has a catalog update reviewed by its authority, citing its own articles', () => {
    for (const pack of RULE_PACKS) {
      const review = pack.catalogUpdate.review;
      expect(review).toMatchObject({
        actorRole: 'authority',
        actorDepartment: 'authority',
        reasonsRequiredFor: ['refuse'],
      });
      expect(review.citation.pack).toBe(pack.id);
      expect(review.deadline.citation.pack).toBe(pack.id);
    }
  });

  it('has the deadlines of the texts: Chongqing 10 WD to apply and 5 WD to review; Jiangmen-2019 15 WD from the trigger to apply; targets elsewhere', () => {
    const byId = Object.fromEntries(RULE_PACKS.map((p) => [p.id, p.catalogUpdate]));
    expect(byId['chongqing-2019'].applyWithin).toMatchObject({
      workingDays: 10,
      citation: { article: '第十四条', clause: '第一款' },
      breachCitation: { article: '第五十条' },
    });
    expect(byId['chongqing-2019'].review.deadline).toMatchObject({
      basis: 'statutory',
      workingDays: 5,
      from: 'receipt',
    });
    expect(byId['chongqing-2019'].responsibilityList).toMatchObject({ article: '第十三条' });
    // Art. 11: the department's update is the statutory 15 WD; the authority's aggregation has no period.
    expect(byId['jiangmen-2019'].applyWithin).toMatchObject({
      workingDays: 15,
      citation: { article: '第十一条' },
      breachCitation: { article: '第十一条' },
    });
    expect(byId['jiangmen-2019'].review.deadline).toMatchObject({ basis: 'administrative', from: 'receipt' });
    for (const id of ['jiangmen-2023', 'huarong-2021', 'quanzhou-2021']) {
      expect(byId[id].review.deadline).toMatchObject({ basis: 'administrative', targetKey: 'catalog-update.review' });
      expect(byId[id].applyWithin).toBeUndefined();
    }
  });

  it('P7 only in Chongqing: end of January for departments, end of February for the authority (Art. 47)', () => {
    expect(RULE_PACKS.filter((p) => p.annualReport).map((p) => p.id)).toEqual(['chongqing-2019']);
    const rules = RULE_PACKS.find((p) => p.id === 'chongqing-2019')!.annualReport!;
    expect(rules.departmentReport.deadline).toMatchObject({
      monthEnd: 1,
      citation: { article: '第四十七条', clause: '第一款' },
    });
    expect(rules.authorityReport.deadline).toMatchObject({
      monthEnd: 2,
      citation: { article: '第四十七条', clause: '第二款' },
    });
  });
});

describe('share conditions (Jiangmen-2019 Art. 20, Chongqing Art. 25)', () => {
  it('a new share type brings its own conditions and basis; the old ones do not carry over', () => {
    expect(needsShareConditions({ before: entry, change: { shareType: 'conditional' } })).toBe(true);
    expect(
      needsShareConditions({
        before: entry,
        change: { shareType: 'conditional', shareConditions: '仅限救灾', legalBasis: '《突发事件应对法》' },
      }),
    ).toBe(false);
    expect(needsShareConditions({ before: entry, change: { shareType: 'unconditional' } })).toBe(false);
  });

  it('an unchanged type keeps needing what it has', () => {
    expect(needsShareConditions({ before: entry, change: { updateFrequency: '每月' } })).toBe(false);
    expect(needsShareConditions({ before: entry, change: { legalBasis: null } })).toBe(true);
    expect(lacksShareBasis({ ...entry, legalBasis: ' ' })).toBe(true);
  });

  // 「列入有条件共享类的政务数据资源，提供方应明确具体共享条件」: conditions belong to conditional entries only.
  it('a not-shared entry needs its legal basis but no share conditions', () => {
    expect(lacksShareBasis({ ...entry, shareConditions: null })).toBe(false);
    const toConditional = { shareType: 'conditional' as const, legalBasis: '《突发事件应对法》' };
    expect(
      shareBasisNeeded({ before: { ...entry, shareType: 'unconditional' }, change: { shareType: 'none' } }),
    ).toEqual(['legalBasis']);
    expect(shareBasisNeeded({ before: entry, change: toConditional })).toEqual(['shareConditions']);
    expect(shareBasisNeeded({ before: entry, change: { shareConditions: null } })).toEqual([]);
  });
});

describe('catalog diffs', () => {
  it('lists the fields that differ, in a fixed order, with their values', () => {
    const after = { ...entry, updateFrequency: '每月', dataItems: [...entry.dataItems, { key: 'area', name: '面积' }] };
    expect(diffFields(entry, after)).toEqual([
      { field: 'dataItems', before: entry.dataItems, after: after.dataItems },
      { field: 'updateFrequency', before: '每年', after: '每月' },
    ]);
    expect(diffFields(entry, { ...entry })).toEqual([]);
  });

  it('finds the changed fields another update moved since the change was asked', () => {
    const current = { ...entry, openType: 'conditional' as const };
    expect(changedMeanwhile(entry, current, { openType: 'open' })).toEqual(['openType']);
    expect(changedMeanwhile(entry, current, { updateFrequency: '每月' })).toEqual([]);
  });
});

describe('「某月底前」 due dates', () => {
  it('end at 24:00 Asia/Shanghai on the last day of the month of the period’s year, never provisional', () => {
    expect(monthEndDue(new Date('2027-01-01T00:00:00+08:00'), 1)).toEqual({
      dueDate: '2027-01-31',
      dueAt: '2027-01-31T16:00:00.000Z',
      provisional: false,
      provisionalYears: [],
    });
    expect(monthEndDue(new Date('2028-01-01T00:00:00+08:00'), 2).dueDate).toBe('2028-02-29');
    expect(monthEndDue(new Date('2026-12-31T16:30:00Z'), 2).dueDate).toBe('2027-02-28');
    expect(() => monthEndDue(new Date('2027-01-01T00:00:00+08:00'), 13)).toThrow(RangeError);
  });
});
