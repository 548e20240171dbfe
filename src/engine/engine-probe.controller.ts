import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DueDateDto, DueDateQueryDto } from '../calendar/dto/due-date.dto.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { EngineProbeService } from './engine-probe.service.js';

export class EngineProbeResultDto extends DueDateDto {
  @ApiProperty({ description: 'The probe workflow that computed the due date on the worker' })
  workflowId!: string;
}

@ApiTags('engine')
@ApiBearerAuth()
@Controller('engine')
export class EngineProbeController {
  constructor(private readonly probe: EngineProbeService) {}

  @Post('probe')
  @HttpCode(200)
  @Allowed('admin')
  @ApiOperation({ summary: 'Compute a due date through a workflow on the worker (checks the whole path)' })
  @ApiOkResponse({ type: EngineProbeResultDto })
  @ApiErrors(400, 503)
  run(@Body() body: DueDateQueryDto): Promise<EngineProbeResultDto> {
    return this.probe.run({ receivedAt: body.receivedAt, workingDays: body.workingDays });
  }
}
