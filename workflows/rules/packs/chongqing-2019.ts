import { catalogReviewStep, reportStep, authorityCoordination, providerReview, verifyStep } from '../step-builders.js';
import type { RulePack } from '../rule-types.js';

const pack = 'chongqing-2019' as const;

/** Art. 50(8): a department that verifies data or opens data resources late breaches Art. 50 as well. */
const lateUnderArticle50 = (what: string) => ({
  pack,
  article: '第五十条',
  clause: '第（八）项',
  summary: `各政务部门不得超过规定时间${what}`,
});

/** 重庆市政务数据资源管理暂行办法 (重庆市人民政府令第328号). No P1 deadline: administrative target. */
export const CHONGQING_2019: RulePack = {
  id: pack,
  jurisdiction: 'chongqing',
  title: '重庆市政务数据资源管理暂行办法（重庆市人民政府令第328号）',
  effectiveFrom: '2019-07-31',
  shareRequest: {
    pack,
    review: providerReview(
      {
        basis: 'administrative',
        targetKey: 'share-request.review',
        from: 'receipt',
        citation: { pack, article: '第二十六条', summary: '按照共享目录通过共享系统获取；本办法未规定审核时限' },
      },
      { pack, article: '第二十六条', clause: '第二款', summary: '各政务部门按照共享目录通过共享系统获取政务数据资源' },
      { zh: '提供部门审核共享申请', en: 'Provider reviews the share request' },
    ),
    dispute: authorityCoordination(
      {
        basis: 'administrative',
        targetKey: 'share-request.dispute',
        from: 'previous-step',
        citation: { pack, article: '第二十七条', summary: '本办法未规定协调时限' },
      },
      { pack, article: '第二十七条', summary: '对共享提出异议的，主管部门会同提供部门协调处理' },
      { zh: '主管部门会同提供部门协调共享异议', en: 'Authority coordinates the objection with the provider' },
    ),
    unconditional: { pack, article: '第二十五条', clause: '第二款第（二）项', summary: '基础信息项应当无条件共享' },
    noneRefused: {
      pack,
      article: '第二十五条',
      clause: '第二款第（一）项',
      summary: '不予共享类应有法律、行政法规或政策依据',
    },
    useLimits: { pack, article: '第二十六条', clause: '第二款', summary: '根据履行行政管理职能需要获取' },
  },
  correction: {
    pack,
    reporters: ['government', 'public'],
    verify: {
      breachAlsoUnder: lateUnderArticle50('校核政务数据'),
      ...verifyStep(
        {
          basis: 'statutory',
          workingDays: 10,
          from: 'receipt',
          citation: {
            pack,
            article: '第十九条',
            clause: '第二款',
            summary: '提供部门应当在收到申请之日起10个工作日内予以校核',
          },
        },
        { pack, article: '第十九条', clause: '第二款', summary: '公民、法人和其他组织可申请校核，提供部门予以校核' },
        {
          approverRole: 'principal',
          approverDepartment: 'provider',
          maxWorkingDays: 10,
          citation: {
            pack,
            article: '第十九条',
            clause: '第二款',
            summary: '延长校核期限须经提供部门主要负责人同意，不超过10个工作日',
          },
        },
      ),
    },
    whileVerifying: {
      text: {
        zh: '校核期间，办理涉及您的业务时，如您已提供合法有效的证明材料，受理单位应当照常办理，不得拒绝、推诿或者要求您办理信息更正手续。',
        en: 'While the data is being verified, any office handling your business must proceed as usual if you have shown valid proof; it may not refuse, delay, or ask you to get the record corrected first.',
      },
      citation: {
        pack,
        article: '第十九条',
        clause: '第三款',
        summary: '校核期间已提供合法有效证明材料的，受理单位应当照常办理',
      },
    },
  },
  // The seed text puts the 10 WD answer and its extension in the third paragraph of Art. 32 (SPEC says ¶2).
  openCatalogObjection: {
    pack,
    reporters: ['public', 'government'],
    step: {
      id: 'provider-answer',
      title: { zh: '提供部门答复开放目录更正申请', en: 'Provider answers the open-catalog objection' },
      actorRole: 'reviewer',
      actorDepartment: 'provider',
      deadline: {
        basis: 'statutory',
        workingDays: 10,
        from: 'receipt',
        citation: {
          pack,
          article: '第三十二条',
          clause: '第三款',
          summary: '提供部门应当在收到申请之日起10个工作日内予以答复',
        },
      },
      extension: {
        approverRole: 'principal',
        approverDepartment: 'provider',
        maxWorkingDays: 10,
        citation: {
          pack,
          article: '第三十二条',
          clause: '第三款',
          summary: '延长答复期限须经主要负责人同意，不得超过10个工作日',
        },
      },
      reasonsRequiredFor: ['refuse'],
      citation: {
        pack,
        article: '第三十二条',
        clause: '第三款',
        summary: '同意更正的提请市主管部门变更开放目录；不同意的说明理由并提供依据',
      },
    },
  },
  catalogUpdate: {
    pack,
    openRestrictionNeedsBasis: {
      pack,
      article: '第三十一条',
      clause: '第一款',
      summary: '政务数据资源有条件开放或者不予开放的，应当有法律法规或者国家有关文件作为依据',
    },
    applyWithin: {
      workingDays: 10,
      citation: {
        pack,
        article: '第十四条',
        clause: '第一款',
        summary: '法律法规修改或者职能变更之日起10个工作日内申请更新目录',
      },
      breachCitation: {
        pack,
        article: '第五十条',
        clause: '第（八）项',
        summary: '不得超过规定时间申请更新政务数据资源目录',
      },
    },
    review: catalogReviewStep(
      {
        basis: 'statutory',
        workingDays: 5,
        from: 'receipt',
        citation: {
          pack,
          article: '第十四条',
          clause: '第二款',
          summary: '收到更新申请之日起5个工作日内审核、更新目录',
        },
      },
      { pack, article: '第十四条', clause: '第二款', summary: '审核、更新政务数据资源目录，并同步更新责任清单' },
      {
        zh: '市主管部门审核、更新目录并同步更新责任清单',
        en: 'City authority reviews, updates the catalog and the responsibility list',
      },
    ),
    responsibilityList: { pack, article: '第十三条', summary: '依据目录分解形成各政务部门的采集责任清单' },
  },
  annualReport: {
    pack,
    departmentReport: reportStep(
      'department-report',
      { zh: '提交上一年度政务数据资源管理情况', en: "Submit last year's data-management report" },
      'provider',
      1,
      {
        pack,
        article: '第四十七条',
        clause: '第一款',
        summary: '区县政府、市级政务部门每年1月底前向市主管部门提交上一年度政务数据资源管理情况',
      },
    ),
    authorityReport: reportStep(
      'authority-report',
      {
        zh: '向市人民政府提交上一年度本市政务数据资源管理情况年度报告',
        en: "Submit the city's annual report to the municipal government",
      },
      'authority',
      2,
      { pack, article: '第四十七条', clause: '第二款', summary: '市主管部门每年2月底前向市人民政府提交年度报告' },
    ),
  },
  openData: {
    pack,
    applicants: ['public'],
    directAccess: { pack, article: '第三十三条', clause: '第三款', summary: '无条件开放的，通过身份认证后直接获取' },
    refusalNeedsBasis: true,
    review: {
      breachAlsoUnder: lateUnderArticle50('开放政务数据资源'),
      ...providerReview(
        {
          basis: 'statutory',
          workingDays: 10,
          from: 'receipt',
          citation: {
            pack,
            article: '第三十三条',
            clause: '第二款',
            summary: '提供部门应当在收到申请之日起10个工作日内予以答复',
          },
        },
        {
          pack,
          article: '第三十三条',
          clause: '第二款',
          summary: '同意的应当予以开放；不同意的应当说明理由，并提供依据',
        },
        { zh: '提供部门答复有条件开放数据申请', en: 'Provider answers the open-data application' },
        {
          approverRole: 'principal',
          approverDepartment: 'provider',
          maxWorkingDays: 10,
          citation: {
            pack,
            article: '第三十三条',
            clause: '第二款',
            summary: '延长答复期限须经主要负责人同意，不得超过10个工作日',
          },
        },
      ),
    },
  },
};
