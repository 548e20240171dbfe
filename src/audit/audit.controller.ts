import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor } from '../auth/access.decorators.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { AuditService } from './audit.service.js';
import { HistoryQueryDto, HistoryTimelineDto, RawHistoryDto } from './dto/history.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@ApiExtraModels(HistoryTimelineDto, RawHistoryDto)
@Controller('cases')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get(':id/history')
  @Allowed('auditor', 'supervisor')
  @ApiOperation({
    summary: "The case's workflow history as a timeline (time, actor, action, decision, reason, citation)",
    description: 'format=raw answers with Temporal’s own JSON of the history instead.',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(HistoryTimelineDto) }, { $ref: getSchemaPath(RawHistoryDto) }] },
    headers: {
      'X-History-Source': {
        description: 'engine while it keeps the case; archive after its retention',
        schema: { type: 'string', enum: ['engine', 'archive'] },
      },
      'X-Archive-Seq': { description: 'The archive row (archive only)', schema: { type: 'integer' } },
      'X-Archive-Intact': {
        description: 'false when the archived row no longer matches its hashes (archive only)',
        schema: { type: 'string', enum: ['true', 'false'] },
      },
    },
  })
  @ApiErrors(400, 404, 503)
  async history(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
    @Query() query: HistoryQueryDto,
  ): Promise<HistoryTimelineDto | RawHistoryDto> {
    const read = await this.audit.history(actor, id, query.format ?? 'timeline');
    // The raw format is Temporal's own JSON, so where it came from travels in headers.
    response.setHeader('X-History-Source', read.archive ? 'archive' : 'engine');
    if (read.archive) {
      response.setHeader('X-Archive-Seq', String(read.archive.seq));
      response.setHeader('X-Archive-Intact', String(read.archive.intact));
    }
    return read.body;
  }
}
