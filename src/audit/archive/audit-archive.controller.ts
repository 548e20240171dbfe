import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, ApiErrors } from '../../common/http/api-contract.js';
import { ArchiveStatus } from './archive-status.service.js';
import { AuditArchiveRepository } from './audit-archive.repository.js';
import { ArchiveStatusDto, ArchiveVerificationDto } from './dto/archive.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditArchiveController {
  constructor(
    private readonly archive: AuditArchiveRepository,
    private readonly status: ArchiveStatus,
  ) {}

  @Get('verify')
  @Allowed('auditor')
  @ApiOperation({
    summary: "Recomputes the audit archive's hash chain from its first row and names the first row that does not match",
  })
  @ApiOkResponse({ type: ArchiveVerificationDto })
  @ApiErrors()
  async verify(): Promise<ArchiveVerificationDto> {
    const result = await this.archive.verify();
    return {
      rows: result.rows,
      intact: !result.firstBroken,
      firstBroken: result.firstBroken,
      verifiedAt: new Date().toISOString(),
    };
  }

  @Get('archive')
  @Allowed('auditor', 'supervisor', 'admin')
  @ApiOperation({ summary: "The archiver's progress: watermark, last run, closed cases waiting and the lag" })
  @ApiOkResponse({ type: ArchiveStatusDto })
  @ApiErrors()
  archiveStatus(): Promise<ArchiveStatusDto> {
    return this.status.read();
  }
}
