import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { CaseListQueryDto } from '../../common/http/page-query.dto.js';
import { IdField, PlainDateField } from '../../common/http/dto/fields.js';

export class ListCasesQueryDto extends CaseListQueryDto {
  @ApiPropertyOptional({ example: 'under-review', maxLength: 50, pattern: '^[a-z-]+$' })
  @IsOptional()
  @MaxLength(50)
  @Matches(/^[a-z-]+$/, { message: 'state must be a state id such as under-review' })
  state?: string;

  @IdField({ optional: true, max: 100, description: 'Cases filed by this applicant (user id)' })
  applicant?: string;

  @IdField({
    optional: true,
    max: 100,
    description: 'Cases this department takes part in; a department user sees only their own department’s',
  })
  department?: string;

  @PlainDateField({ optional: true, description: 'Received on or after this day (Asia/Shanghai)' })
  receivedFrom?: string;

  @PlainDateField({ optional: true, description: 'Received on or before this day (Asia/Shanghai)' })
  receivedTo?: string;
}
