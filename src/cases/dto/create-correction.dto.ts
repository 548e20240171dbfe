import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsString, MaxLength, MinLength } from 'class-validator';

/** POST /cases/corrections: data found doubtful or wrong (SPEC §5 P2). */
export class CreateCorrectionDto {
  @ApiProperty({ example: 'cq-psb-household', description: 'Catalog entry id' })
  @IsString() @MinLength(1) @MaxLength(100)
  resourceId!: string;

  @ApiProperty({ example: ['moved-to'], description: 'The data items concerned' })
  @IsString({ each: true }) @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique()
  items!: string[];

  @ApiProperty({ example: '迁入地登记为渝中区，实际为江北区', description: 'A concise description of the problem (问题描述应简洁、准确)' })
  @IsString() @MinLength(2) @MaxLength(500)
  description!: string;
}
