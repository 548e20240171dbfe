import { session } from './session';

export const PROCEDURE_NAMES: Record<string, { zh: string; en: string }> = {
  'share-request': { zh: '有条件共享申请', en: 'Conditional share' },
  correction: { zh: '数据纠错', en: 'Error report' },
  'open-data': { zh: '开放数据申请', en: 'Open-data application' },
  'open-catalog-objection': { zh: '开放目录异议', en: 'Open-catalog objection' },
  'interface-provision': { zh: '接口服务申请', en: 'Interface request' },
  'catalog-update': { zh: '目录更新', en: 'Catalog update' },
  'annual-report': { zh: '年度报告', en: 'Annual report' },
  'data-conflict': { zh: '数据冲突协调', en: 'Data conflict' },
};

export function procedureName(id: string): string {
  return named(PROCEDURE_NAMES, id);
}

const DECISION_NAMES: Record<string, { zh: string; en: string }> = {
  approve: { zh: '同意', en: 'Approve' },
  refuse: { zh: '不同意', en: 'Refuse' },
  acknowledge: { zh: '已知悉', en: 'Acknowledge' },
  confirm: { zh: '确认', en: 'Confirm' },
  'not-an-error': { zh: '数据无误', en: 'Not an error' },
  corrected: { zh: '已更正', en: 'Corrected' },
  dispatch: { zh: '转交', en: 'Dispatch' },
  provided: { zh: '已提供', en: 'Provided' },
  reasonable: { zh: '异议成立', en: 'Reasonable' },
  unreasonable: { zh: '异议不成立', en: 'Unreasonable' },
  submit: { zh: '提交', en: 'Submit' },
  resolved: { zh: '已协调', en: 'Resolved' },
  retry: { zh: '重试', en: 'Retry' },
  opinion: { zh: '提出意见', en: 'Opinion' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
  terminated: { zh: '已终止', en: 'Terminated' },
  abandoned: { zh: '视为放弃', en: 'Abandoned' },
};

export function decisionName(id: string): string {
  return named(DECISION_NAMES, id);
}

/** A label in the session's language, or the id itself where none is known (a value the console has not met yet). */
function named(table: Record<string, { zh: string; en: string }>, id: string): string {
  return table[id]?.[session.language] ?? id;
}

const DETAIL_NAMES: Record<string, { zh: string; en: string }> = {
  legalBasis: { zh: '法律依据', en: 'Legal basis' },
  basis: { zh: '依据', en: 'Basis' },
  manner: { zh: '共享方式', en: 'Manner of sharing' },
  mannerReason: { zh: '改变共享方式的理由', en: 'Why another manner' },
  outcome: { zh: '协调结果', en: 'Outcome' },
  interfaces: { zh: '提供的接口及调用说明', en: 'Interfaces provided' },
  report: { zh: '年度管理情况', en: 'Report on the year' },
  whatChanged: { zh: '更正内容', en: 'What was corrected' },
  shareConditions: { zh: '共享条件', en: 'Share conditions' },
  openBasis: { zh: '开放类型依据', en: 'Basis of the open type' },
};

/** The label of a decision's detail (`details.legalBasis` → 法律依据). */
export const detailName = (key: string): string => named(DETAIL_NAMES, key);

const VALUE_NAMES: Record<string, { zh: string; en: string }> = {
  open: { zh: '无条件开放', en: 'Open' },
  conditional: { zh: '有条件', en: 'Conditional' },
  closed: { zh: '不予开放', en: 'Closed' },
  unconditional: { zh: '无条件共享', en: 'Unconditional' },
  none: { zh: '不予共享', en: 'Not shared' },
  'domestic-enterprise': { zh: '境内企业', en: 'Domestic enterprise' },
  university: { zh: '高等院校', en: 'University' },
  'research-institute': { zh: '科研院所', en: 'Research institute' },
  other: { zh: '其他', en: 'Other' },
  'law-revision': { zh: '法律法规修改', en: 'Revision of a law' },
  'function-change': { zh: '行政管理职能变更', en: 'Change of functions' },
  reviewer: { zh: '经办人', en: 'Reviewer' },
  principal: { zh: '部门主要负责人', en: 'Principal' },
  authority: { zh: '数据主管部门', en: 'Data authority' },
  'service-unit': { zh: '服务单位', en: 'Service unit' },
  'online-interface': { zh: '在线接口', en: 'Online interface' },
  'batch-file': { zh: '批量文件', en: 'Batch file' },
  platform: { zh: '平台内使用', en: 'On the platform' },
  interface: { zh: '接口调用', en: 'Interface' },
  'cross-verification': { zh: '比对核验', en: 'Cross-verification' },
  'batch-exchange': { zh: '批量交换', en: 'Batch exchange' },
  comparison: { zh: '比对', en: 'Comparison' },
  verification: { zh: '核验', en: 'Verification' },
  statistics: { zh: '统计分析', en: 'Statistics' },
};

/** The label of an enumerated value the console offers (an open type, a kind of organisation, a role…). */
export const valueName = (id: string): string => named(VALUE_NAMES, id);

export const PACK_NAMES: Record<string, { zh: string; en: string }> = {
  'jiangmen-2019': { zh: '江门市（2019）', en: 'Jiangmen 2019' },
  'jiangmen-2023': { zh: '江门市（2023）', en: 'Jiangmen 2023' },
  'chongqing-2019': { zh: '重庆市（2019）', en: 'Chongqing 2019' },
  'huarong-2021': { zh: '华容县（2021）', en: 'Huarong 2021' },
  'quanzhou-2021': { zh: '泉州市（2021）', en: 'Quanzhou 2021' },
};

/** The regulation a rule pack encodes, by its place and year. */
export const packName = (id: string): string => named(PACK_NAMES, id);
