import type { Actor } from '../../workflows/contracts/actor.js';

/**
 * Demo users for the seeded jurisdictions: one per role that acts in a case.
 * Tokens for them come from `./scripts/mint-token <id>`.
 */
export const DEMO_USERS: readonly Actor[] = [
  { id: 'admin', name: '平台管理员', role: 'admin', department: 'platform-operations' },
  { id: 'auditor', name: '审计员 周审', role: 'auditor', department: 'internal-audit' },
  { id: 'supervisor', name: '督查员 吴督', role: 'supervisor', department: 'supervision-office' },
  { id: 'citizen-zhang', name: '张三（公民）', role: 'applicant', department: 'public' },
  // Jiangmen
  { id: 'jm-hrss-li', name: '李明（市人社局）', role: 'applicant', department: 'jm-hrss' },
  { id: 'jm-market-wang', name: '王芳（市市场监管局）', role: 'reviewer', department: 'jm-market' },
  { id: 'jm-market-head', name: '陈局长（市市场监管局）', role: 'principal', department: 'jm-market' },
  { id: 'jm-market-gk', name: '林主任（市市场监管局政务公开办）', role: 'disclosure-head', department: 'jm-market' },
  { id: 'jm-data-zhao', name: '赵强（市政务服务数据管理局）', role: 'authority', department: 'jm-data-authority' },
  // Chongqing
  { id: 'cq-health-liu', name: '刘洋（市卫生健康委）', role: 'applicant', department: 'cq-health' },
  { id: 'cq-psb-sun', name: '孙丽（市公安局）', role: 'reviewer', department: 'cq-public-security' },
  { id: 'cq-psb-head', name: '黄局长（市公安局）', role: 'principal', department: 'cq-public-security' },
  { id: 'cq-yuzhong-zhou', name: '周涛（渝中区政府办公室）', role: 'reviewer', department: 'cq-yuzhong' },
  { id: 'cq-jiangbei-qian', name: '钱进（江北区政府办公室）', role: 'reviewer', department: 'cq-jiangbei' },
  { id: 'cq-bigdata-he', name: '何军（市大数据发展局）', role: 'authority', department: 'cq-big-data' },
  // Huarong (county) and Yueyang (city)
  { id: 'hr-civil-xu', name: '徐静（县民政局）', role: 'applicant', department: 'hr-civil-affairs' },
  { id: 'hr-land-ma', name: '马超（县自然资源局）', role: 'reviewer', department: 'hr-natural-resources' },
  { id: 'hr-land-head', name: '高局长（县自然资源局）', role: 'principal', department: 'hr-natural-resources' },
  { id: 'hr-approval-hu', name: '胡敏（县行政审批服务局）', role: 'authority', department: 'hr-approval-bureau' },
  { id: 'yy-data-guo', name: '郭涛（市数据资源管理局）', role: 'authority', department: 'yy-data-authority' },
  // Quanzhou
  { id: 'qz-transport-lin', name: '林晓（市交通运输局）', role: 'applicant', department: 'qz-transport' },
  { id: 'qz-market-huang', name: '黄伟（市市场监管局）', role: 'reviewer', department: 'qz-market' },
  { id: 'qz-market-head', name: '郑局长（市市场监管局）', role: 'principal', department: 'qz-market' },
  { id: 'qz-bigdata-chen', name: '陈红（市大数据管理局）', role: 'authority', department: 'qz-data-agency' },
  { id: 'qz-service-yang', name: '杨帆（技术服务单位）', role: 'service-unit', department: 'qz-tech-service' },
];

export function findDemoUser(id: string): Actor | undefined {
  return DEMO_USERS.find((user) => user.id === id);
}
