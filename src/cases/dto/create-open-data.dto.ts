import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const ORGANISATION_TYPES = ['domestic-enterprise', 'university', 'research-institute', 'other'] as const;

/** POST /cases/open-data-applications (SPEC §5 P4). */
export class CreateOpenDataApplicationDto {
  @ApiProperty({ example: 'cq-psb-household' })
  @IsString() @MinLength(1) @MaxLength(100)
  resourceId!: string;

  @ApiProperty({ example: '2025年各区县户籍迁入迁出汇总数（不含个人信息）', description: 'Scope (使用范围)' })
  @IsString() @MinLength(2) @MaxLength(1000)
  scope!: string;

  @ApiProperty({ example: '人口流动趋势研究', description: 'Purpose (用途)' })
  @IsString() @MinLength(2) @MaxLength(1000)
  purpose!: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, description: 'Quanzhou 六（四）: who is applying' })
  @IsOptional() @IsIn(ORGANISATION_TYPES)
  organisationType?: (typeof ORGANISATION_TYPES)[number];

  @ApiPropertyOptional({ description: 'Whether the data will be used commercially' })
  @IsOptional() @IsBoolean()
  commercialUse?: boolean;

  @ApiPropertyOptional({ description: 'Quanzhou 六（五）: the earlier application this one follows after a negotiation' })
  @IsOptional() @IsString() @MaxLength(200)
  previousCaseId?: string;
}

export class ClockReasonDto {
  @ApiProperty({ example: '征求第三方（数据涉及的企业）意见' })
  @IsString() @MinLength(2) @MaxLength(2000)
  reason!: string;
}

export class SupplementDto {
  @ApiProperty({ example: '补充说明：仅需区县级汇总数，不含个人信息' })
  @IsString() @MinLength(2) @MaxLength(4000)
  content!: string;
}
