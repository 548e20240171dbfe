import { authorityCoordination, catalogReviewStep, correctStep, providerReview, verifyStep } from '../step-builders.js';
import type { RulePack } from '../rule-types.js';

const pack = 'jiangmen-2019' as const;

/** 江门市政务数据资源共享和开放管理暂行办法 (2019). */
export const JIANGMEN_2019: RulePack = {
  id: pack,
  jurisdiction: 'jiangmen',
  title: '江门市政务数据资源共享和开放管理暂行办法',
  // 第四十三条 reads 「本办法自2019年 月 日起施行」: the day is blank in the text. It was surely in force from
  // 2020-01-01; for a receipt in 2019 no one can say from the text whether it governs, so such a case is refused.
  effectiveFrom: '2020-01-01',
  startUnknown: {
    from: '2019-01-01',
    why: {
      zh: '第四十三条「本办法自2019年 月 日起施行」未写明施行日期，无法确定2019年内收到的申请是否适用本办法',
      en: 'Art. 43 leaves the day it took effect in 2019 blank, so whether it governs a receipt in 2019 cannot be told',
    },
  },
  effectiveUntil: '2023-08-14',
  shareRequest: {
    pack,
    review: providerReview(
      {
        basis: 'statutory',
        workingDays: 5,
        from: 'receipt',
        citation: { pack, article: '第二十一条', clause: '第一款', summary: '提供部门收到申请后应在5个工作日内答复' },
      },
      { pack, article: '第二十一条', clause: '第一款', summary: '按照规定的共享条件审核；审核不通过的，应说明理由' },
      { zh: '提供部门审核有条件共享申请', en: 'Provider reviews the conditional-share request' },
    ),
    unconditional: { pack, article: '第二十一条', clause: '第一款', summary: '无条件共享类通过共享交换平台自行获取' },
    withoutBasisUnconditional: {
      pack,
      article: '第二十条',
      clause: '第二款',
      summary: '有条件共享和不予共享的政务数据资源，需提供有关法律、法规和规章依据，否则应当无条件共享',
    },
    refusalNeedsLegalBasis: {
      pack,
      article: '第十八条',
      clause: '第一款',
      summary: '没有法律、法规、规章依据，政务部门不得拒绝其他政务部门提出的共享要求',
    },
    noneRefused: { pack, article: '第二十条', summary: '不予共享类不宜提供给其他政务部门共享使用' },
    useLimits: { pack, article: '第十八条', summary: '依职共享：根据履职需要提出共享需求并按用途使用' },
  },
  correction: {
    pack,
    reporters: ['government'],
    verify: verifyStep(
      {
        basis: 'statutory',
        workingDays: 3,
        from: 'receipt',
        citation: { pack, article: '第二十三条', clause: '第三款', summary: '提供部门须在3个工作日内答复' },
      },
      { pack, article: '第二十三条', clause: '第三款', summary: '使用部门反馈疑义，提供部门予以校核并答复' },
    ),
    // As written: the correction is due 2 WD after the report was received, even though the reply may take 3.
    correct: correctStep(
      {
        basis: 'statutory',
        workingDays: 2,
        from: 'receipt',
        citation: {
          pack,
          article: '第二十三条',
          clause: '第三款',
          summary: '确有错误的，须在收到反馈后2个工作日内更正',
        },
      },
      { pack, article: '第二十三条', clause: '第三款', summary: '确有错误的，须在收到反馈后2个工作日内更正' },
    ),
  },
  // Art. 33 sends open-data applications to the Government Information Disclosure Regulations (国务院令第711号).
  // Art. 11: the 15 WD from the revision or change of function are the department's duty to update its own catalog
  // (its application here; a late one is its breach). The municipal authority then aggregates (统筹汇总), for which
  // the text sets no period: an administrative target from receipt.
  catalogUpdate: {
    pack,
    applyWithin: {
      workingDays: 15,
      citation: {
        pack,
        article: '第十一条',
        summary: '市级政务部门负责维护本部门目录，在法律法规修订或职能变化之日起15个工作日内及时更新',
      },
      breachCitation: {
        pack,
        article: '第十一条',
        summary: '政务数据资源目录应在法律法规修订或行政管理职能发生变化之日起15个工作日内及时作出更新',
      },
    },
    review: catalogReviewStep(
      {
        basis: 'administrative',
        targetKey: 'catalog-update.review',
        from: 'receipt',
        citation: { pack, article: '第十一条', summary: '市级主管部门统筹汇总；本办法未规定汇总时限' },
      },
      { pack, article: '第十一条', summary: '市级政务数据主管部门统筹汇总各级政务数据资源目录，形成全市目录' },
      { zh: '主管部门统筹汇总并更新政务数据资源目录', en: 'Authority aggregates the update into the catalog' },
    ),
  },
  // Art. 15 ¶3: the text sets no period for the coordination, so it runs on an administrative target.
  dataConflict: {
    pack,
    step: {
      ...authorityCoordination(
        {
          basis: 'administrative',
          targetKey: 'data-conflict.coordination',
          from: 'receipt',
          citation: { pack, article: '第十五条', clause: '第三款', summary: '本办法未规定协调时限' },
        },
        {
          pack,
          article: '第十五条',
          clause: '第三款',
          summary: '不同部门提供同一类别的数据不一致，不能形成一致意见的，由本级政务数据主管部门会同相关部门协调处理',
        },
        { zh: '主管部门协调处理数据不一致', en: 'Authority coordinates the conflicting data' },
      ),
      reasonsRequiredFor: [],
    },
  },
  breachesGoTo: {
    body: {
      zh: '江门市人民政府办公室（通知整改）',
      en: 'Jiangmen Municipal Government General Office (orders rectification)',
    },
    citation: {
      pack,
      article: '第四十条',
      summary: '政务部门未按要求更新目录、纠错、应用共享数据等的，由江门市人民政府办公室通知整改',
    },
  },
  openData: {
    pack,
    applicants: ['public'],
    directAccess: {
      pack,
      article: '第三十一条',
      clause: '第三款',
      summary: '政府数据以可机读标准格式开放，公民、法人和其他组织可以在线访问、获取和利用',
    },
    review: {
      ...providerReview(
        {
          basis: 'statutory',
          workingDays: 20,
          from: 'receipt',
          citation: {
            pack,
            article: '第三十三条',
            clause: '（《政府信息公开条例》第三十三条第一款）',
            summary: '收到申请之日起20个工作日内予以答复',
          },
        },
        {
          pack,
          article: '第三十三条',
          clause: '（《政府信息公开条例》第三十三条）',
          summary: '由数据生产单位依《政府信息公开条例》答复',
        },
        { zh: '数据生产单位答复开放数据申请', en: 'Producing unit answers the open-data application' },
        // 条例 Art. 33 ¶1: 「经政府信息公开工作机构负责人同意」, not the department's principal leader.
        {
          approverRole: 'disclosure-head',
          approverDepartment: 'provider',
          maxWorkingDays: 20,
          citation: {
            pack,
            article: '第三十三条',
            clause: '（《政府信息公开条例》第三十三条第一款）',
            summary: '经政府信息公开工作机构负责人同意可延长，延长期限最长不超过20个工作日',
          },
        },
      ),
      pauseLimit: {
        workingDays: 15,
        citation: {
          pack,
          article: '第三十三条',
          clause: '（《政府信息公开条例》第三十二条）',
          summary: '第三方应当自收到征求意见书之日起15个工作日内提出意见；逾期未提出意见的，由行政机关依照条例规定决定',
        },
      },
      pausableFor: {
        pack,
        article: '第三十三条',
        clause: '（《政府信息公开条例》第三十三条第二款）',
        summary: '征求第三方和其他机关意见所需时间不计算在期限内',
      },
      supplement: {
        periodTargetKey: 'open-data.supplement-period',
        lapse: {
          pack,
          article: '第三十三条',
          clause: '（《政府信息公开条例》第三十条）',
          summary: '行政机关应当给予申请人合理的补正期限；申请人无正当理由逾期不补正的，视为放弃申请',
        },
        withinWorkingDays: 7,
        citation: {
          pack,
          article: '第三十三条',
          clause: '（《政府信息公开条例》第三十条）',
          summary: '申请内容不明确的，收到申请之日起7个工作日内一次性告知补正；答复期限自收到补正的申请之日起计算',
        },
      },
    },
  },
};
