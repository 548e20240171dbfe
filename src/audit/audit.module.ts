import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ArchiveStatus } from './archive/archive-status.service.js';
import { AuditArchiveController } from './archive/audit-archive.controller.js';
import { AuditArchiveRepository } from './archive/audit-archive.repository.js';
import { AuditArchiver } from './archive/audit-archiver.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Module({
  imports: [CasesModule],
  controllers: [AuditController, AuditArchiveController],
  providers: [AuditService, AuditArchiveRepository, AuditArchiver, ArchiveStatus],
  exports: [ArchiveStatus, AuditArchiver],
})
export class AuditModule {}
