import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get(':id/history')
  @Roles('auditor', 'supervisor')
  @ApiOperation({ summary: "The case's workflow history as a timeline (time, actor, action, decision, reason, citation)" })
  @ApiQuery({ name: 'format', required: false, enum: ['timeline', 'raw'] })
  history(@Param('id') id: string, @CurrentActor() actor: Actor, @Query('format') format?: string) {
    if (format !== undefined && format !== 'timeline' && format !== 'raw') {
      throw new DomainError('invalid', 'VALIDATION_FAILED', { zh: 'format 只能是 timeline 或 raw', en: 'format must be timeline or raw' }, [
        { field: 'format', message: 'format must be one of: timeline, raw' },
      ]);
    }
    return this.audit.history(actor, id, format ?? 'timeline');
  }
}
