import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CaseListQueryDto } from '../../common/http/page-query.dto.js';

export class ListCasesQueryDto extends CaseListQueryDto {
  @ApiPropertyOptional({ example: 'under-review' })
  @IsOptional() @IsString() @MaxLength(50)
  state?: string;
}
