import { OPEN_TYPES } from '../../../workflows/contracts/catalog-update.js';
import { EnumField, IdField, TextField } from '../../common/http/dto/fields.js';

/** POST /cases/open-catalog-objections (P5, Chongqing Art. 32). */
export class CreateOpenCatalogObjectionDto {
  @IdField({ max: 100, example: 'jm-market-enterprise-detail' })
  resourceId!: string;

  @EnumField(OPEN_TYPES, { enumName: 'OpenType', description: 'The open type the catalog should show' })
  requestedOpenType!: (typeof OPEN_TYPES)[number];

  @TextField({ min: 2, max: 2000, example: '该数据不涉及个人隐私，应列为无条件开放' })
  reason!: string;
}

/** POST /cases/interface-requests (P6, Quanzhou 二（三）): the agency asks a producer for interfaces. */
export class CreateInterfaceRequestDto {
  @IdField({ max: 100, example: 'qz-market', description: 'The producing department' })
  providerDepartmentId!: string;

  @TextField({ min: 2, max: 2000, example: '企业年报核验接口（按统一社会信用代码返回是否报送）' })
  interfaces!: string;

  @TextField({ min: 2, max: 1000, example: '道路运输经营许可审批' })
  scenario!: string;
}

/** POST /cases/data-conflicts (P8, Jiangmen-2019 Art. 15 ¶3): the departments could not agree; the authority coordinates. */
export class CreateDataConflictDto {
  @IdField({
    max: 100,
    example: 'jm-market-enterprise-detail',
    description: 'The other department’s catalog entry whose data disagrees with the reporting department’s',
  })
  resourceId!: string;

  @TextField({
    min: 2,
    max: 2000,
    example: '我局登记的企业住所与市场监管局登记的不一致，双方协商未形成一致意见',
    description: 'What disagrees, and that the departments could not agree between them',
  })
  description!: string;
}
