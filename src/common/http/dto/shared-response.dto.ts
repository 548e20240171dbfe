import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../../workflows/contracts/actor.js';
import { PACK_IDS, type PackId } from '../../../../workflows/contracts/citation.js';

/** Where a rule comes from: pack, article and clause. */
export class CitationDto {
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' })
  pack!: PackId;

  @ApiProperty({ example: '第二十一条' })
  article!: string;

  @ApiPropertyOptional({ example: '第二款' })
  clause?: string;

  @ApiProperty({ description: 'What the provision says, in one line (Chinese)' })
  summary!: string;
}

/** A text in both languages (where the API gives both). */
export class TextDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

/** A person acting in the system, as their token names them. */
export class ActorDto {
  @ApiProperty({ example: 'hr-land-ma' })
  id!: string;

  @ApiProperty({ example: '马主任' })
  name!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ example: 'hr-land' })
  department!: string;
}

/** The error envelope of every 4xx and 5xx answer. */
export class FieldErrorDto {
  @ApiProperty({ example: 'purpose', description: 'The field, as a path into the request (items[0], trigger.date)' })
  field!: string;

  @ApiProperty({ example: 'isNotEmpty', description: 'A stable code for what is wrong with the field' })
  code!: string;

  @ApiProperty({ example: 'purpose 不能为空', description: 'What is wrong, in the language of the request' })
  message!: string;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 400, minimum: 400, maximum: 599, type: 'integer' })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({
    example: '请求内容有误：purpose',
    description: 'A message a person can act on (zh-CN, or English with Accept-Language: en)',
  })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present on 400: every field error' })
  errors?: FieldErrorDto[];
}
