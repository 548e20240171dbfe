import { EnumField, IdField, IdListField, TextField } from '../../common/http/dto/fields.js';

export const REQUESTABLE_MANNERS = [
  'interface',
  'cross-verification',
  'batch-exchange',
  'comparison',
  'verification',
  'statistics',
] as const;

/** POST /cases/share-requests: a using department asks for a catalog resource (SPEC §5 P1). */
export class CreateShareRequestDto {
  @IdField({ max: 100, example: 'jm-market-enterprise-detail', description: 'Catalog entry id' })
  resourceId!: string;

  @IdListField({ maxItems: 200, example: ['uscc', 'legal-rep'], description: 'Data item keys requested (申请数据项)' })
  items!: string[];

  @TextField({ min: 2, max: 500, example: '社会保险登记核验', description: 'Purpose (用途)' })
  purpose!: string;

  @TextField({
    min: 2,
    max: 1000,
    example: '新参保单位登记时核验单位登记信息',
    description: 'Business scenario (业务场景)',
  })
  scenario!: string;

  @EnumField(REQUESTABLE_MANNERS, {
    optional: true,
    enumName: 'ShareManner',
    description: 'Quanzhou: manner asked for (usable-not-visible interfaces for 暂不共享 data)',
  })
  manner?: (typeof REQUESTABLE_MANNERS)[number];

  @TextField({ optional: true, max: 1000, description: 'Why batch exchange is needed (Quanzhou 五（三）)' })
  mannerReason?: string;

  @IdListField({
    optional: true,
    maxItems: 50,
    example: ['qz-transport-lin'],
    description: 'Staff of the applying department who will use the data (使用人员); required under Quanzhou 八（二）',
  })
  users?: string[];
}

export class RaiseDisputeDto {
  @TextField({ min: 2, max: 2000, example: '该数据为法定职责所必需，提供部门拒绝理由不成立' })
  reason!: string;
}
