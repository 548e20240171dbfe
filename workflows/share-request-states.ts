import type { Text } from './contracts/citation.js';

/** The states of a conditional-share case, as the applicant reads them. */
export const SHARE_STATES = {
  granting: { id: 'granting', text: { zh: '无条件共享，正在授权', en: 'Unconditional: granting' } },
  consultation: {
    id: 'in-consultation',
    text: { zh: '数据管理机构会同数据生产单位会商中', en: 'Agency consulting the producing department' },
  },
  review: { id: 'under-review', text: { zh: '审核中', en: 'Under review' } },
  granted: { id: 'granted', text: { zh: '已同意共享', en: 'Granted' } },
  refused: { id: 'refused', text: { zh: '审核不通过', en: 'Refused' } },
  dispute: { id: 'in-coordination', text: { zh: '主管部门协调处理中', en: 'Authority coordinating the disagreement' } },
  countyReview: {
    id: 'reclassification-review',
    text: { zh: '县主管部门组织论证审核中', en: 'County authority reviewing the need' },
  },
  cityConsent: {
    id: 'awaiting-city-consent',
    text: { zh: '报市主管部门同意中', en: 'Awaiting the city authority’s consent' },
  },
  reclassified: {
    id: 'reclassification-approved',
    text: { zh: '同意变更为共享类，待目录更新', en: 'Reclassification approved; catalog change pending' },
  },
  notReclassified: {
    id: 'reclassification-refused',
    text: { zh: '不同意变更共享属性', en: 'Reclassification refused' },
  },
} satisfies Record<string, { id: string; text: Text }>;
