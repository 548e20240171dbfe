import { packById } from '../../../workflows/rules/pack-resolver.js';

/** Citations checked clause by clause against the texts in shared/seeds/. */
describe('rule pack citations', () => {
  it('Jiangmen-2019: open data taken directly rests on Art. 31 ¶3 (机读格式开放，在线访问、获取和利用)', () => {
    expect(packById('jiangmen-2019').openData?.directAccess).toMatchObject({ article: '第三十一条', clause: '第三款' });
  });

  it('Huarong-2021: the use limits of shared data rest on Art. 22 ¶2 (依法依规使用共享数据)', () => {
    expect(packById('huarong-2021').shareRequest?.useLimits).toMatchObject({ article: '第二十二条', clause: '第二款' });
  });

  it('Jiangmen-2023: correction (校核、更新) is the institution’s duty under Art. 7 (3)', () => {
    const verify = packById('jiangmen-2023').correction?.verify;
    expect(verify?.citation).toMatchObject({ article: '第七条', clause: '第（三）项' });
    expect(verify && 'citation' in verify.deadline ? verify.deadline.citation : undefined).toMatchObject({
      article: '第七条',
      clause: '第（三）项',
    });
  });
});
