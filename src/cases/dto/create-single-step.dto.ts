import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** POST /cases/open-catalog-objections (P5, Chongqing Art. 32). */
export class CreateOpenCatalogObjectionDto {
  @ApiProperty({ example: 'jm-market-enterprise-detail' })
  @IsString() @MinLength(1) @MaxLength(100)
  resourceId!: string;

  @ApiProperty({ enum: ['open', 'conditional', 'closed'], description: 'The open type the catalog should show' })
  @IsIn(['open', 'conditional', 'closed'])
  requestedOpenType!: 'open' | 'conditional' | 'closed';

  @ApiProperty({ example: '该数据不涉及个人隐私，应列为无条件开放' })
  @IsString() @MinLength(2) @MaxLength(2000)
  reason!: string;
}

/** POST /cases/interface-requests (P6, Quanzhou 二（三）): the agency asks a producer for interfaces. */
export class CreateInterfaceRequestDto {
  @ApiProperty({ example: 'qz-market', description: 'The producing department' })
  @IsString() @MinLength(1) @MaxLength(100)
  providerDepartmentId!: string;

  @ApiProperty({ example: '企业年报核验接口（按统一社会信用代码返回是否报送）' })
  @IsString() @MinLength(2) @MaxLength(2000)
  interfaces!: string;

  @ApiProperty({ example: '道路运输经营许可审批' })
  @IsString() @MinLength(2) @MaxLength(1000)
  scenario!: string;
}
