import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { DueDateQueryDto } from '../calendar/dto/due-date.dto.js';
import { EngineProbeService } from './engine-probe.service.js';

@ApiTags('engine')
@ApiBearerAuth()
@Controller('engine')
export class EngineProbeController {
  constructor(private readonly probe: EngineProbeService) {}

  @Post('probe')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Compute a due date through a workflow on the worker (checks the whole path)' })
  run(@Body() body: DueDateQueryDto) {
    return this.probe.run({ receivedAt: body.receivedAt, workingDays: body.workingDays });
  }
}
