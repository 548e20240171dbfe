import type { DataItem } from '../catalog-entry.entity.js';

export interface DepartmentSeed {
  id: string;
  name: string;
  jurisdiction: string;
  kind: 'government' | 'district-government' | 'authority' | 'city-authority' | 'service-unit' | 'public' | 'oversight';
}

export interface CatalogSeed {
  id: string;
  title: string;
  providerDepartmentId: string;
  jurisdiction: string;
  dataItems: DataItem[];
  shareType: 'unconditional' | 'conditional' | 'none';
  shareConditions?: string;
  legalBasis?: string;
  openType: 'open' | 'conditional' | 'closed';
  openBasis?: string;
  updateFrequency: string;
}

/** The imported catalog is taken as in force from this instant (its version 1); P3 versions follow. */
export const CATALOG_IMPORT_EFFECTIVE_AT = '2019-01-01T00:00:00+08:00';

/** Demo departments: for each jurisdiction a using department, a providing department and the authority. */
export const DEMO_DEPARTMENTS: DepartmentSeed[] = [
  { id: 'platform-operations', name: '平台运营中心', jurisdiction: '*', kind: 'oversight' },
  { id: 'internal-audit', name: '内部审计办公室', jurisdiction: '*', kind: 'oversight' },
  { id: 'supervision-office', name: '督查室', jurisdiction: '*', kind: 'oversight' },
  { id: 'public', name: '社会公众', jurisdiction: '*', kind: 'public' },
  { id: 'jm-hrss', name: '江门市人力资源和社会保障局', jurisdiction: 'jiangmen', kind: 'government' },
  { id: 'jm-market', name: '江门市市场监督管理局', jurisdiction: 'jiangmen', kind: 'government' },
  { id: 'jm-data-authority', name: '江门市政务服务数据管理局', jurisdiction: 'jiangmen', kind: 'authority' },
  { id: 'cq-health', name: '重庆市卫生健康委员会', jurisdiction: 'chongqing', kind: 'government' },
  { id: 'cq-public-security', name: '重庆市公安局', jurisdiction: 'chongqing', kind: 'government' },
  { id: 'cq-yuzhong', name: '重庆市渝中区人民政府', jurisdiction: 'chongqing', kind: 'district-government' },
  { id: 'cq-jiangbei', name: '重庆市江北区人民政府', jurisdiction: 'chongqing', kind: 'district-government' },
  { id: 'cq-big-data', name: '重庆市大数据应用发展管理局', jurisdiction: 'chongqing', kind: 'authority' },
  { id: 'hr-civil-affairs', name: '华容县民政局', jurisdiction: 'huarong', kind: 'government' },
  { id: 'hr-natural-resources', name: '华容县自然资源局', jurisdiction: 'huarong', kind: 'government' },
  { id: 'hr-approval-bureau', name: '华容县行政审批服务局', jurisdiction: 'huarong', kind: 'authority' },
  { id: 'yy-data-authority', name: '岳阳市政务信息资源主管部门', jurisdiction: 'huarong', kind: 'city-authority' },
  { id: 'qz-transport', name: '泉州市交通运输局', jurisdiction: 'quanzhou', kind: 'government' },
  { id: 'qz-market', name: '泉州市市场监督管理局', jurisdiction: 'quanzhou', kind: 'government' },
  {
    id: 'qz-data-agency',
    name: '泉州市大数据管理局（数字泉州建设办公室）',
    jurisdiction: 'quanzhou',
    kind: 'authority',
  },
  { id: 'qz-tech-service', name: '泉州市政务数据技术服务单位', jurisdiction: 'quanzhou', kind: 'service-unit' },
];

const items = (...names: [string, string][]): DataItem[] => names.map(([key, name]) => ({ key, name }));

/** One entry of each share type per jurisdiction, with conditions and legal basis where required. */
export const DEMO_CATALOG: CatalogSeed[] = [
  {
    id: 'jm-market-enterprise-basic',
    title: '市场主体登记基础信息',
    providerDepartmentId: 'jm-market',
    jurisdiction: 'jiangmen',
    dataItems: items(['uscc', '统一社会信用代码'], ['name', '名称'], ['status', '登记状态']),
    shareType: 'unconditional',
    openType: 'open',
    updateFrequency: '实时',
  },
  {
    id: 'jm-market-enterprise-detail',
    title: '市场主体登记详细信息',
    providerDepartmentId: 'jm-market',
    jurisdiction: 'jiangmen',
    dataItems: items(
      ['uscc', '统一社会信用代码'],
      ['legal-rep', '法定代表人'],
      ['shareholders', '股东及出资'],
      ['address', '住所'],
    ),
    shareType: 'conditional',
    shareConditions: '仅限社会保险登记与稽核业务使用',
    legalBasis: '《社会保险法》第五十七条',
    openType: 'conditional',
    updateFrequency: '每日',
  },
  {
    id: 'jm-market-inspection-files',
    title: '市场监管执法检查案卷',
    providerDepartmentId: 'jm-market',
    jurisdiction: 'jiangmen',
    dataItems: items(['case-no', '案卷号'], ['findings', '检查结论']),
    shareType: 'none',
    shareConditions: '涉及执法秘密，不予共享',
    legalBasis: '《市场监督管理行政处罚程序规定》',
    openType: 'closed',
    updateFrequency: '每月',
  },
  {
    id: 'cq-psb-identity-basic',
    title: '人口基础信息',
    providerDepartmentId: 'cq-public-security',
    jurisdiction: 'chongqing',
    dataItems: items(['id-no', '公民身份号码'], ['name', '姓名'], ['birth', '出生日期']),
    shareType: 'unconditional',
    openType: 'closed',
    openBasis: '《中华人民共和国居民身份证法》第六条',
    updateFrequency: '实时',
  },
  {
    id: 'cq-psb-household',
    title: '户籍迁移信息',
    providerDepartmentId: 'cq-public-security',
    jurisdiction: 'chongqing',
    dataItems: items(['id-no', '公民身份号码'], ['moved-from', '迁出地'], ['moved-to', '迁入地'], ['date', '迁移日期']),
    shareType: 'conditional',
    shareConditions: '仅限医疗保障与公共卫生管理业务',
    legalBasis: '《中华人民共和国户口登记条例》',
    openType: 'closed',
    openBasis: '《中华人民共和国户口登记条例》',
    updateFrequency: '每日',
  },
  {
    id: 'cq-psb-investigation',
    title: '刑事侦查信息',
    providerDepartmentId: 'cq-public-security',
    jurisdiction: 'chongqing',
    dataItems: items(['case-no', '案件编号']),
    shareType: 'none',
    shareConditions: '涉及侦查秘密',
    legalBasis: '《中华人民共和国刑事诉讼法》',
    openType: 'closed',
    openBasis: '《中华人民共和国刑事诉讼法》',
    updateFrequency: '实时',
  },
  {
    id: 'hr-land-parcel-basic',
    title: '不动产单元基础信息',
    providerDepartmentId: 'hr-natural-resources',
    jurisdiction: 'huarong',
    dataItems: items(['unit-no', '不动产单元号'], ['location', '坐落']),
    shareType: 'unconditional',
    openType: 'open',
    updateFrequency: '每日',
  },
  {
    id: 'hr-land-registration',
    title: '不动产登记信息',
    providerDepartmentId: 'hr-natural-resources',
    jurisdiction: 'huarong',
    dataItems: items(['unit-no', '不动产单元号'], ['owner', '权利人'], ['mortgage', '抵押情况']),
    shareType: 'conditional',
    shareConditions: '仅限社会救助家庭经济状况核对',
    legalBasis: '《不动产登记暂行条例》第二十七条',
    openType: 'closed',
    updateFrequency: '每日',
  },
  {
    id: 'hr-land-survey-raw',
    title: '国土调查原始数据',
    providerDepartmentId: 'hr-natural-resources',
    jurisdiction: 'huarong',
    dataItems: items(['parcel', '图斑'], ['coordinates', '坐标']),
    shareType: 'none',
    shareConditions: '涉密测绘成果',
    legalBasis: '《中华人民共和国测绘法》第三十四条',
    openType: 'closed',
    updateFrequency: '每年',
  },
  {
    id: 'qz-market-enterprise-basic',
    title: '法人单位基础信息',
    providerDepartmentId: 'qz-market',
    jurisdiction: 'quanzhou',
    dataItems: items(['uscc', '统一社会信用代码'], ['name', '名称']),
    shareType: 'unconditional',
    openType: 'open',
    updateFrequency: '实时',
  },
  {
    id: 'qz-market-annual-reports',
    title: '企业年度报告信息',
    providerDepartmentId: 'qz-market',
    jurisdiction: 'quanzhou',
    dataItems: items(['uscc', '统一社会信用代码'], ['employees', '从业人数'], ['revenue', '营业总收入']),
    shareType: 'conditional',
    shareConditions: '仅限交通运输企业资质核验',
    legalBasis: '《企业信息公示暂行条例》第九条',
    openType: 'conditional',
    updateFrequency: '每年',
  },
  {
    id: 'qz-market-credit-risk',
    title: '企业信用风险分类结果',
    providerDepartmentId: 'qz-market',
    jurisdiction: 'quanzhou',
    dataItems: items(['uscc', '统一社会信用代码'], ['risk-level', '风险等级']),
    shareType: 'none',
    shareConditions: '暂不共享：仅提供“可用不可见”的比对、核查、统计接口',
    legalBasis: '《市场监督管理严重违法失信名单管理办法》',
    openType: 'closed',
    updateFrequency: '每季度',
  },
  {
    id: 'cq-psb-migration-stats',
    title: '户籍迁移统计汇总',
    providerDepartmentId: 'cq-public-security',
    jurisdiction: 'chongqing',
    dataItems: items(['district', '区县'], ['moved-in', '迁入人数'], ['moved-out', '迁出人数']),
    shareType: 'unconditional',
    openType: 'conditional',
    openBasis: '《中华人民共和国统计法》第二十五条',
    updateFrequency: '每月',
  },
  {
    id: 'cq-psb-station-addresses',
    title: '派出所办公地址',
    providerDepartmentId: 'cq-public-security',
    jurisdiction: 'chongqing',
    dataItems: items(['name', '名称'], ['address', '地址']),
    shareType: 'unconditional',
    openType: 'open',
    updateFrequency: '每季度',
  },
  {
    id: 'hr-land-use-plans',
    title: '土地利用规划成果',
    providerDepartmentId: 'hr-natural-resources',
    jurisdiction: 'huarong',
    dataItems: items(['plan-no', '规划编号'], ['use', '用途分区']),
    shareType: 'unconditional',
    openType: 'conditional',
    updateFrequency: '每年',
  },
  {
    id: 'cq-psb-checkpoint-stats',
    title: '治安卡口通行统计',
    providerDepartmentId: 'cq-public-security',
    jurisdiction: 'chongqing',
    dataItems: items(['checkpoint', '卡口'], ['date', '日期'], ['vehicles', '通行车辆数']),
    shareType: 'conditional',
    shareConditions: '仅限交通管理和治安防控业务使用',
    legalBasis: '《重庆市公共安全技术防范管理条例》',
    openType: 'closed',
    openBasis: '《重庆市公共安全技术防范管理条例》',
    updateFrequency: '每日',
  },
  {
    id: 'cq-psb-traffic-flow',
    title: '主要道路车流量统计',
    providerDepartmentId: 'cq-public-security',
    jurisdiction: 'chongqing',
    dataItems: items(['road', '道路'], ['hour', '时段'], ['flow', '车流量']),
    shareType: 'unconditional',
    openType: 'closed',
    openBasis: '《中华人民共和国道路交通安全法》',
    updateFrequency: '每月',
  },
  {
    id: 'hr-land-mineral-rights',
    title: '采矿权登记原始资料',
    providerDepartmentId: 'hr-natural-resources',
    jurisdiction: 'huarong',
    dataItems: items(['licence', '许可证号'], ['holder', '权利人'], ['area', '矿区范围']),
    shareType: 'none',
    shareConditions: '涉及国家秘密',
    legalBasis: '《中华人民共和国保守国家秘密法》',
    openType: 'closed',
    updateFrequency: '不定期',
  },
  {
    id: 'jm-market-ad-licences',
    title: '广告发布登记信息',
    providerDepartmentId: 'jm-market',
    jurisdiction: 'jiangmen',
    dataItems: items(['uscc', '统一社会信用代码'], ['licence', '登记编号']),
    shareType: 'unconditional',
    openType: 'open',
    updateFrequency: '每日',
  },
];
