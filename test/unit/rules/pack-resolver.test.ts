import { packOfUnknownStart, RULE_PACKS, resolvePack } from '../../../workflows/rules/pack-resolver.js';

describe('resolvePack: the pack in force on the day of receipt governs the case', () => {
  it.each([
    ['jiangmen', '2023-08-14', 'jiangmen-2019'],
    ['jiangmen', '2023-08-15', 'jiangmen-2023'],
    ['jiangmen', '2026-11-22', 'jiangmen-2023'],
    ['chongqing', '2019-07-31', 'chongqing-2019'],
    ['huarong', '2021-12-14', 'huarong-2021'],
    ['quanzhou', '2021-07-02', 'quanzhou-2021'],
  ] as const)('%s on %s → %s', (jurisdiction, day, pack) => {
    expect(resolvePack(jurisdiction, day)?.id).toBe(pack);
  });

  it.each([
    ['chongqing', '2019-07-30'],
    ['huarong', '2021-12-13'],
    ['quanzhou', '2021-07-01'],
    ['jiangmen', '2018-12-31'],
  ] as const)('%s on %s: no pack yet', (jurisdiction, day) => {
    expect(resolvePack(jurisdiction, day)).toBeUndefined();
    expect(packOfUnknownStart(jurisdiction, day)).toBeUndefined();
  });

  // 第四十三条 「本办法自2019年 月 日起施行」: the day is blank, so no receipt in 2019 is assigned to it.
  it.each(['2019-01-01', '2019-07-01', '2019-12-31'])(
    'jiangmen on %s: the 2019 measures may or may not apply',
    (day) => {
      expect(resolvePack('jiangmen', day)).toBeUndefined();
      expect(packOfUnknownStart('jiangmen', day)?.id).toBe('jiangmen-2019');
    },
  );

  it('jiangmen from 2020-01-01: the 2019 measures surely apply', () => {
    expect(resolvePack('jiangmen', '2020-01-01')?.id).toBe('jiangmen-2019');
    expect(packOfUnknownStart('jiangmen', '2020-01-01')).toBeUndefined();
  });
});

describe('rule packs as data', () => {
  const steps = RULE_PACKS.flatMap((pack) => {
    const r = pack.shareRequest;
    return [r.review, r.consultation, r.dispute, r.reclassification?.countyReview, r.reclassification?.cityConsent]
      .filter((s) => s !== undefined)
      .map((step) => [pack.id, step.id, step] as const);
  });

  it.each(steps)('%s %s cites its own pack for the step and the deadline', (packId, _id, step) => {
    expect(step.citation.pack).toBe(packId);
    expect(step.deadline.citation.pack).toBe(packId);
    expect(step.citation.article).not.toBe('');
    expect(step.title.zh).not.toBe('');
  });

  it('has the statutory P1 deadlines of SPEC §5 and administrative targets elsewhere', () => {
    const review = Object.fromEntries(RULE_PACKS.map((p) => [p.id, p.shareRequest.review.deadline]));
    expect(review['jiangmen-2019']).toMatchObject({ basis: 'statutory', workingDays: 5, from: 'receipt' });
    expect(review['huarong-2021']).toMatchObject({ basis: 'statutory', workingDays: 5, from: 'receipt' });
    for (const id of ['jiangmen-2023', 'chongqing-2019', 'quanzhou-2021'])
      expect(review[id].basis).toBe('administrative');
  });

  it('refuses reasons-less refusals everywhere', () => {
    for (const [, , step] of steps) expect(step.reasonsRequiredFor).toContain('refuse');
  });
});
