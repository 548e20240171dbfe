import { catalogReviewStep, correctStep, triageStep, verifyStep } from '../step-builders.js';
import type { RulePack } from '../rule-types.js';

const pack = 'quanzhou-2021' as const;

/** 泉州市政务数据管理规定 (2021). The agency decides after consulting the producer; no statutory deadline. */
export const QUANZHOU_2021: RulePack = {
  id: pack,
  jurisdiction: 'quanzhou',
  title: '泉州市政务数据管理规定',
  effectiveFrom: '2021-07-02',
  shareRequest: {
    pack,
    consultation: {
      id: 'producer-consultation',
      title: { zh: '数据生产单位会商意见', en: "Producing department's consultation opinion" },
      actorRole: 'reviewer',
      actorDepartment: 'provider',
      deadline: {
        basis: 'administrative',
        targetKey: 'share-request.consultation',
        from: 'receipt',
        citation: { pack, article: '五', clause: '（四）', summary: '本规定未规定会商时限' },
      },
      reasonsRequiredFor: ['refuse'],
      citation: { pack, article: '五', clause: '（四）', summary: '经数据管理机构会同数据生产单位会商同意后进行共享' },
    },
    review: {
      id: 'agency-decision',
      title: {
        zh: '数据管理机构作出是否共享的决定并明确共享方式',
        en: 'Data agency decides and sets the manner of sharing',
      },
      actorRole: 'authority',
      actorDepartment: 'authority',
      deadline: {
        basis: 'administrative',
        targetKey: 'share-request.review',
        from: 'previous-step',
        citation: { pack, article: '二', clause: '（二）', summary: '本规定未规定审查时限' },
      },
      reasonsRequiredFor: ['refuse'],
      citation: {
        pack,
        article: '二',
        clause: '（二）',
        summary: '审查共享申请，作出是否共享的决定，明确共享方式；最少够用、场景授权',
      },
    },
    usableNotVisible: {
      interfaces: ['comparison', 'verification', 'statistics'],
      citation: {
        pack,
        article: '五',
        clause: '（四）',
        summary: '暂不共享数据依照“可用不可见”原则挂接比对、核查、统计接口',
      },
    },
    manners: {
      allowed: ['interface', 'cross-verification', 'batch-exchange'],
      batchNeedsReason: {
        pack,
        article: '五',
        clause: '（三）',
        summary: '服务接口和交叉核验可以满足需求的，原则上不采用批量交换',
      },
    },
    unconditional: { pack, article: '五', clause: '（四）', summary: '无条件共享类通过市汇聚共享平台进行共享' },
    useLimits: { pack, article: '五', clause: '（三）', summary: '用于本单位履职，不得提供给第三方或用于其他目的' },
    usageRecord: {
      pack,
      article: '八',
      clause: '（二）',
      summary: '对使用共享数据的具体用途、使用人员、批准人员、数据内容、获取时间、获取方式和介质类型等进行记录和监管',
    },
    grantSuspension: {
      pack,
      article: '五',
      clause: '（十）',
      summary: '发现违法违规使用、超范围使用、使用存在安全风险等情况的，数据管理机构有权暂停或终止服务',
    },
  },
  correction: {
    pack,
    reporters: ['government'],
    triage: triageStep(
      {
        basis: 'administrative',
        targetKey: 'correction.triage',
        from: 'receipt',
        citation: { pack, article: '七', clause: '（二）', summary: '本规定未规定分析分发时限' },
      },
      { pack, article: '七', clause: '（二）', summary: '技术服务单位对问题数据进行分析并分发至数据生产单位' },
    ),
    verify: verifyStep(
      {
        basis: 'statutory',
        workingDays: 5,
        from: 'previous-step',
        citation: {
          pack,
          article: '七',
          clause: '（二）',
          summary: '数据生产单位应于5个工作日内核实问题并作出是否更正的决定',
        },
      },
      { pack, article: '七', clause: '（二）', summary: '核实问题、作出是否更正的决定并告知数据管理机构' },
      undefined,
      { zh: '数据生产单位核实问题并作出是否更正的决定', en: 'Producer verifies and decides whether to correct' },
    ),
    correct: correctStep(
      {
        basis: 'statutory',
        workingDays: 10,
        from: 'previous-step',
        citation: {
          pack,
          article: '七',
          clause: '（二）',
          summary: '作出更正决定的，应于作出决定10个工作日内从源头更正并重新汇聚',
        },
      },
      { pack, article: '七', clause: '（二）', summary: '从数据源头更正数据后重新向市汇聚共享平台汇聚' },
    ),
  },
  interfaceProvision: {
    pack,
    step: {
      id: 'producer-provision',
      title: { zh: '数据生产单位按要求提供服务接口', en: 'Producer provides the service interfaces' },
      actorRole: 'reviewer',
      actorDepartment: 'provider',
      deadline: {
        basis: 'statutory',
        workingDays: 10,
        from: 'receipt',
        citation: { pack, article: '二', clause: '（三）', summary: '数据生产单位应在10个工作日内按要求提供服务接口' },
      },
      extension: {
        approverRole: 'authority',
        approverDepartment: 'authority',
        maxWorkingDays: 5,
        citation: {
          pack,
          article: '二',
          clause: '（三）',
          summary: '特殊情况提交书面延期申请，经数据管理机构批准，最长不超过5个工作日',
        },
      },
      reasonsRequiredFor: [],
      citation: { pack, article: '二', clause: '（三）', summary: '数据管理机构要求数据生产单位提供更多服务接口' },
    },
  },
  catalogUpdate: {
    pack,
    review: catalogReviewStep(
      {
        basis: 'administrative',
        targetKey: 'catalog-update.review',
        from: 'receipt',
        citation: { pack, article: '四', clause: '（二）', summary: '政务数据资源发生变化时及时更新目录；未规定时限' },
      },
      { pack, article: '四', clause: '（二）', summary: '数据生产单位梳理、编制本单位目录，资源变化时及时更新' },
      { zh: '数据管理机构审核目录更新', en: 'Data agency reviews the catalog update' },
    ),
  },
  openData: {
    pack,
    applicants: ['public'],
    directAccess: { pack, article: '六', clause: '（四）', summary: '普遍开放类可以直接从开放平台获取' },
    eligibility: {
      organisations: ['domestic-enterprise', 'university', 'research-institute'],
      nonCommercialOnly: ['university', 'research-institute'],
      citation: {
        pack,
        article: '六',
        clause: '（四）',
        summary: '授权开放类由内资控股法人企业、高校或科研院所申请；高校、科研院所仅限公益性用途',
      },
    },
    assessment: {
      id: 'service-unit-assessment',
      title: { zh: '技术服务单位开展需求合理性评估', en: 'Service unit assesses the need' },
      actorRole: 'service-unit',
      actorDepartment: 'service-unit',
      deadline: {
        basis: 'administrative',
        targetKey: 'open-data.assessment',
        from: 'receipt',
        citation: { pack, article: '六', clause: '（五）', summary: '本规定未规定评估时限' },
      },
      reasonsRequiredFor: ['unreasonable'],
      citation: {
        pack,
        article: '六',
        clause: '（五）',
        summary: '数据管理机构委托技术服务单位开展需求合理性评估及接口授权',
      },
    },
    review: {
      id: 'agency-confirmation',
      title: { zh: '数据管理机构确认开放授权', en: 'Agency confirms the authorisation' },
      actorRole: 'authority',
      actorDepartment: 'authority',
      deadline: {
        basis: 'administrative',
        targetKey: 'open-data.review',
        from: 'previous-step',
        citation: { pack, article: '六', clause: '（五）', summary: '本规定未规定确认时限' },
      },
      reasonsRequiredFor: ['refuse'],
      citation: {
        pack,
        article: '六',
        clause: '（五）',
        summary: '评估合理的经确认后开放接口并授权；认为不妥当的停止授权或作相应调整',
      },
    },
  },
};
