import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const REQUESTABLE_MANNERS = ['interface', 'cross-verification', 'batch-exchange', 'comparison', 'verification', 'statistics'] as const;

/** POST /cases/share-requests: a using department asks for a catalog resource (SPEC §5 P1). */
export class CreateShareRequestDto {
  @ApiProperty({ example: 'jm-market-enterprise-detail', description: 'Catalog entry id' })
  @IsString() @MinLength(1) @MaxLength(100)
  resourceId!: string;

  @ApiProperty({ example: ['uscc', 'legal-rep'], description: 'Data item keys requested (申请数据项)' })
  @IsString({ each: true }) @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique()
  items!: string[];

  @ApiProperty({ example: '社会保险登记核验', description: 'Purpose (用途)' })
  @IsString() @MinLength(2) @MaxLength(500)
  purpose!: string;

  @ApiProperty({ example: '新参保单位登记时核验单位登记信息', description: 'Business scenario (业务场景)' })
  @IsString() @MinLength(2) @MaxLength(1000)
  scenario!: string;

  @ApiPropertyOptional({ enum: REQUESTABLE_MANNERS, description: 'Quanzhou: manner asked for (usable-not-visible interfaces for 暂不共享 data)' })
  @IsOptional() @IsIn(REQUESTABLE_MANNERS)
  manner?: (typeof REQUESTABLE_MANNERS)[number];

  @ApiPropertyOptional({ description: 'Why batch exchange is needed (Quanzhou 五（三）)' })
  @IsOptional() @IsString() @MaxLength(1000)
  mannerReason?: string;
}

export class RaiseDisputeDto {
  @ApiProperty({ example: '该数据为法定职责所必需，提供部门拒绝理由不成立' })
  @IsString() @MinLength(2) @MaxLength(2000)
  reason!: string;
}
