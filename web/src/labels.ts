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
  return PROCEDURE_NAMES[id]?.[session.language] ?? id;
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
  return DECISION_NAMES[id]?.[session.language] ?? id;
}
