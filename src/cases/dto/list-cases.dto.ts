import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { CaseListQueryDto } from '../../common/http/page-query.dto.js';

export class ListCasesQueryDto extends CaseListQueryDto {
  @ApiPropertyOptional({ example: 'under-review', maxLength: 50, pattern: '^[a-z-]+$' })
  @IsOptional()
  @MaxLength(50)
  @Matches(/^[a-z-]+$/, { message: 'state must be a state id such as under-review' })
  state?: string;
}
