import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Module({ imports: [CasesModule], controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
