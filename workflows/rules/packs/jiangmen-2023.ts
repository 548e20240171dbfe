import { catalogReviewStep, providerReview, verifyStep } from '../step-builders.js';
import type { RulePack } from '../rule-types.js';

const pack = 'jiangmen-2023' as const;

/**
 * 江门市公共数据共享和开放利用管理办法 (江门市人民政府令第12号). The provided text
 * sets use limits but no procedure deadline: the review runs on an administrative target.
 */
export const JIANGMEN_2023: RulePack = {
  id: pack,
  jurisdiction: 'jiangmen',
  title: '江门市公共数据共享和开放利用管理办法（江门市人民政府令第12号）',
  effectiveFrom: '2023-08-15',
  shareRequest: {
    pack,
    review: providerReview(
      {
        basis: 'administrative',
        targetKey: 'share-request.review',
        from: 'receipt',
        citation: { pack, article: '第十一条', summary: '本办法未规定审核时限，适用管理目标时限' },
      },
      { pack, article: '第十一条', summary: '使用共享数据不得超出申请时提出的业务场景范围' },
      { zh: '提供单位审核共享申请', en: 'Provider reviews the share request' },
    ),
    unconditional: { pack, article: '第十一条', summary: '共享数据按申请的业务场景使用' },
    noneRefused: { pack, article: '第十一条', summary: '本办法未规定不予共享数据的申请途径' },
    useLimits: { pack, article: '第十一条', summary: '不得超出业务场景范围，不得提供给其他单位和个人' },
  },
  correction: {
    pack,
    reporters: ['government'],
    verify: verifyStep(
      {
        basis: 'administrative',
        targetKey: 'correction.verify',
        from: 'receipt',
        citation: {
          pack,
          article: '第七条',
          clause: '第（三）项',
          summary: '本机构公共数据的校核、更新由其负责；本办法未规定时限，适用管理目标时限',
        },
      },
      {
        pack,
        article: '第七条',
        clause: '第（三）项',
        summary: '公共管理和服务机构负责本机构公共数据的校核、更新、汇聚',
      },
    ),
  },
  catalogUpdate: {
    pack,
    review: catalogReviewStep(
      {
        basis: 'administrative',
        targetKey: 'catalog-update.review',
        from: 'receipt',
        citation: { pack, article: '第九条', summary: '做好目录常态化维护；本办法未规定时限' },
      },
      { pack, article: '第九条', summary: '建立公共数据资源目录，做好常态化维护' },
    ),
  },
  openData: {
    pack,
    applicants: ['public'],
    directAccess: { pack, article: '第十六条', summary: '符合条件时开放' },
    review: providerReview(
      {
        basis: 'administrative',
        targetKey: 'open-data.review',
        from: 'receipt',
        citation: { pack, article: '第十六条', summary: '本办法未规定审核时限' },
      },
      { pack, article: '第十六条', summary: '有条件开放的公共数据在符合相关要求或者条件时开放' },
      { zh: '公共管理和服务机构审核有条件开放申请', en: 'Provider reviews the conditional-open application' },
    ),
  },
};
