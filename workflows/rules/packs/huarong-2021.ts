import { catalogReviewStep, authorityCoordination, providerReview, verifyStep } from '../step-builders.js';
import type { RulePack } from '../rule-types.js';

const pack = 'huarong-2021' as const;

/** 华容县政务信息资源管理暂行办法 (2021). */
export const HUARONG_2021: RulePack = {
  id: pack,
  jurisdiction: 'huarong',
  title: '华容县政务信息资源管理暂行办法',
  effectiveFrom: '2021-12-14',
  shareRequest: {
    pack,
    review: providerReview(
      {
        basis: 'statutory',
        workingDays: 5,
        from: 'receipt',
        citation: { pack, article: '第二十一条', clause: '第一款', summary: '提供部门应在5个工作日内完成审核' },
      },
      { pack, article: '第二十一条', clause: '第一款', summary: '审核通过的通过平台提供；审核不通过的，应说明理由' },
      { zh: '提供部门审核有条件共享申请', en: 'Provider reviews the conditional-share request' },
    ),
    dispute: authorityCoordination(
      {
        basis: 'administrative',
        targetKey: 'share-request.dispute',
        from: 'previous-step',
        citation: { pack, article: '第二十一条', clause: '第一款', summary: '本办法未规定协调时限' },
      },
      {
        pack,
        article: '第二十一条',
        clause: '第一款',
        summary: '提供部门和使用部门意见不一致的，由县主管部门协调处理',
      },
      { zh: '县主管部门协调提供部门与使用部门的不同意见', en: 'County authority coordinates the disagreement' },
    ),
    reclassification: {
      countyReview: {
        id: 'county-review',
        title: {
          zh: '县主管部门组织论证和审核不予共享类资源的使用需求',
          en: 'County authority organises argumentation and review',
        },
        actorRole: 'authority',
        actorDepartment: 'authority',
        deadline: {
          basis: 'administrative',
          targetKey: 'share-request.reclassification',
          from: 'receipt',
          citation: { pack, article: '第二十一条', clause: '第二款', summary: '本办法未规定论证审核时限' },
        },
        reasonsRequiredFor: ['approve', 'refuse'],
        citation: { pack, article: '第二十一条', clause: '第二款', summary: '县主管部门组织部门论证和审核' },
      },
      cityConsent: {
        id: 'city-consent',
        title: { zh: '市主管部门同意变更共享属性', en: 'City authority consents to the reclassification' },
        actorRole: 'authority',
        actorDepartment: 'city-authority',
        deadline: {
          basis: 'administrative',
          targetKey: 'share-request.reclassification',
          from: 'previous-step',
          citation: { pack, article: '第二十一条', clause: '第二款', summary: '本办法未规定市主管部门答复时限' },
        },
        reasonsRequiredFor: ['refuse'],
        citation: {
          pack,
          article: '第二十一条',
          clause: '第二款',
          summary: '报市主管部门同意；可以共享的由提供部门变更为共享类',
        },
      },
    },
    unconditional: { pack, article: '第二十一条', clause: '第一款', summary: '无条件共享类通过平台即时获取' },
    useLimits: {
      pack,
      article: '第二十二条',
      clause: '第二款',
      summary: '使用部门按照“谁经手、谁使用、谁管理、谁负责”的原则依法依规使用共享数据',
    },
  },
  correction: {
    pack,
    reporters: ['government'],
    verify: verifyStep(
      {
        basis: 'administrative',
        targetKey: 'correction.verify',
        from: 'receipt',
        citation: { pack, article: '第二十四条', summary: '提供部门应当及时校核；本办法未规定时限' },
      },
      { pack, article: '第二十四条', summary: '提供部门及时校核，修正后及时告知使用部门' },
    ),
  },
  catalogUpdate: {
    pack,
    review: catalogReviewStep(
      {
        basis: 'administrative',
        targetKey: 'catalog-update.review',
        from: 'receipt',
        citation: { pack, article: '第八条', clause: '第三款', summary: '报县主管部门审核；本办法未规定时限' },
      },
      {
        pack,
        article: '第八条',
        clause: '第三款',
        summary: '制定共享和开放清单，报县政务信息资源主管部门审核后编制部门目录并发布',
      },
      { zh: '县主管部门审核共享和开放清单（部门目录更新）', en: 'County authority reviews the share and open lists' },
    ),
  },
  breachesGoTo: {
    body: {
      zh: '上级机关、主管部门、任免机关、单位或者监察机关（责令改正）',
      en: 'The superior body, competent department, appointing body or unit, or the supervisory commission (orders correction)',
    },
    citation: {
      pack,
      article: '第三十五条',
      summary: '政务部门及其工作人员违反规定的，由上级机关、主管部门、任免机关、单位或者监察机关责令改正',
    },
  },
  openData: {
    pack,
    applicants: ['public'],
    directAccess: { pack, article: '第二十五条', clause: '第二款', summary: '无条件开放类可以直接从开放平台获取' },
    review: providerReview(
      {
        basis: 'administrative',
        targetKey: 'open-data.review',
        from: 'receipt',
        citation: { pack, article: '第二十五条', clause: '第二款', summary: '本办法未规定审核时限' },
      },
      { pack, article: '第二十五条', clause: '第二款', summary: '说明使用范围和用途，经提供部门审核同意后获取' },
      { zh: '提供部门审核开放数据申请', en: 'Provider reviews the open-data application' },
    ),
    outsideScope: providerReview(
      {
        basis: 'administrative',
        targetKey: 'open-data.review',
        from: 'receipt',
        citation: { pack, article: '第二十八条', clause: '第二款', summary: '本办法未规定审核时限' },
      },
      { pack, article: '第二十八条', clause: '第二款', summary: '符合开放标准的及时列入开放范围；不符合的说明理由' },
      {
        zh: '提供部门审核开放范围外数据是否列入开放范围',
        en: 'Provider reviews whether the data joins the open scope',
      },
    ),
    reReview: authorityCoordination(
      {
        basis: 'administrative',
        targetKey: 'open-data.re-review',
        from: 'previous-step',
        citation: { pack, article: '第二十八条', clause: '第二款', summary: '本办法未规定复核时限' },
      },
      { pack, article: '第二十八条', clause: '第二款', summary: '对提供方答复有异议的，可向县主管部门申请复核' },
      { zh: '县主管部门复核开放数据申请', en: 'County authority re-reviews the application' },
    ),
  },
};
