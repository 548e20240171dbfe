import { ApiProperty } from '@nestjs/swagger';
import { IdField, TextField } from '../../common/http/dto/fields.js';
import { PACK_IDS, type PackId } from '../../../workflows/contracts/citation.js';
import { ChangedByDto } from '../../catalog/dto/catalog-response.dto.js';
import { CitationDto } from '../../common/http/dto/shared-response.dto.js';

export const GRANT_ACTIONS = ['suspend', 'revoke', 'reinstate'] as const;
export const GRANT_STATUSES = ['active', 'suspended', 'revoked'] as const;

export class GrantReasonDto {
  @TextField({ min: 2, max: 2000, example: '发现超范围使用共享数据' })
  reason!: string;
}

export class GrantsQueryDto {
  @IdField({ optional: true, description: 'Only the grant of this case' })
  caseId?: string;
}

/** A share grant: who may use which items of which resource, how, and on whose approval. */
export class GrantDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() resourceId!: string;
  @ApiProperty({ type: [String] }) items!: string[];
  @ApiProperty() purpose!: string;
  @ApiProperty() scenario!: string;
  @ApiProperty({ example: 'interface' }) manner!: string;
  @ApiProperty({
    enum: ['online-interface', 'batch-file', 'platform'],
    nullable: true,
    description: '介质类型 (Quanzhou 八（二）); null for grants recorded before it was kept',
  })
  medium!: 'online-interface' | 'batch-file' | 'platform' | null;
  @ApiProperty({ type: [String], description: '使用人员: staff of the grantee who use the data (Quanzhou 八（二）)' })
  users!: string[];
  @ApiProperty() granteeDepartment!: string;
  @ApiProperty({ type: ChangedByDto }) approver!: ChangedByDto;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ enum: GRANT_STATUSES }) status!: (typeof GRANT_STATUSES)[number];
}
