import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { EnumField, IdField, IntegerField, TextField } from '../../common/http/dto/fields.js';

export const ORGANISATION_TYPES = ['domestic-enterprise', 'university', 'research-institute', 'other'] as const;

/** POST /cases/open-data-applications (SPEC §5 P4). */
export class CreateOpenDataApplicationDto {
  @IdField({ max: 100, example: 'cq-psb-household' })
  resourceId!: string;

  @TextField({
    min: 2,
    max: 1000,
    example: '2025年各区县户籍迁入迁出汇总数（不含个人信息）',
    description: 'Scope (使用范围)',
  })
  scope!: string;

  @TextField({ min: 2, max: 1000, example: '人口流动趋势研究', description: 'Purpose (用途)' })
  purpose!: string;

  @EnumField(ORGANISATION_TYPES, {
    optional: true,
    enumName: 'OrganisationType',
    description: 'Quanzhou 六（四）: who is applying',
  })
  organisationType?: (typeof ORGANISATION_TYPES)[number];

  @ApiPropertyOptional({ type: 'boolean', description: 'Whether the data will be used commercially' })
  @IsOptional()
  @IsBoolean()
  commercialUse?: boolean;

  @IdField({
    optional: true,
    description: 'Quanzhou 六（五）: the earlier application this one follows after a negotiation',
  })
  previousCaseId?: string;
}

export class ClockReasonDto {
  @TextField({ min: 2, max: 2000, example: '征求第三方（数据涉及的企业）意见' })
  reason!: string;
}

export class SupplementRequestDto extends ClockReasonDto {
  @IntegerField({
    optional: true,
    min: 1,
    max: 60,
    example: 10,
    description:
      'Working days the applicant has to supplement (条例 第三十条「合理的补正期限」); the deployment target `open-data.supplement-period` when absent. Without a supplement by then the application is deemed withdrawn.',
  })
  workingDays?: number;
}

export class SupplementDto {
  @TextField({ min: 2, max: 4000, example: '补充说明：仅需区县级汇总数，不含个人信息' })
  content!: string;
}
