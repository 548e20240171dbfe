import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor } from '../auth/access.decorators.js';
import { presentCase } from '../cases/case-presenter.js';
import { CaseStatusDto } from '../cases/dto/case-status.dto.js';
import { ClockReasonDto } from '../cases/dto/create-open-data.dto.js';
import type { Language } from '../common/errors/localized-text.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { RequestLanguage } from '../common/http/language.decorator.js';
import { CompleteTaskDto, ListTasksQueryDto, RequestExtensionDto } from './dto/task.dto.js';
import { TaskDto, TaskPageDto } from './dto/task-response.dto.js';
import { presentTask } from './task-presenter.js';
import { TasksService } from './tasks.service.js';

const ACTING_ROLES = ['reviewer', 'principal', 'authority', 'service-unit'] as const;

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: "Open tasks for the caller's role and department, soonest due first (keyset-paginated)" })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiErrors(400)
  async list(
    @Query() query: ListTasksQueryDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<TaskPageDto> {
    const page = await this.tasks.list(actor, query);
    return { items: page.items.map((t) => presentTask(t, language)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task of the caller’s role and department' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404)
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @RequestLanguage() language: Language): Promise<TaskDto> {
    return presentTask(await this.tasks.visibleTask(actor, id), language);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Allowed(...ACTING_ROLES)
  @ApiOperation({ summary: 'Claim a task so that colleagues see who works on it' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404, 409)
  async claim(@Param('id') id: string, @CurrentActor() actor: Actor, @RequestLanguage() language: Language): Promise<TaskDto> {
    return presentTask(await this.tasks.claim(actor, id), language);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Allowed(...ACTING_ROLES)
  @ApiOperation({ summary: 'Release a task you claimed' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404, 409)
  async release(@Param('id') id: string, @CurrentActor() actor: Actor, @RequestLanguage() language: Language): Promise<TaskDto> {
    return presentTask(await this.tasks.release(actor, id), language);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Allowed(...ACTING_ROLES)
  @ApiOperation({ summary: 'Decide a task; answers with the case status once the task is closed' })
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiErrors(400, 404, 409, 422, 503)
  async complete(
    @Param('id') id: string,
    @Body() body: CompleteTaskDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.complete(actor, id, body), language);
  }

  @Post(':id/clock/pause')
  @HttpCode(200)
  @Allowed('reviewer')
  @ApiOperation({ summary: 'Stop the clock while a third party is consulted (where the text says that time is not counted)' })
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiErrors(400, 404, 409, 422, 503)
  async pause(
    @Param('id') id: string,
    @Body() body: ClockReasonDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.clock(actor, id, 'pause', body.reason), language);
  }

  @Post(':id/clock/resume')
  @HttpCode(200)
  @Allowed('reviewer')
  @ApiOperation({ summary: 'Restart the clock with the working days left' })
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiErrors(404, 409, 422, 503)
  async resume(@Param('id') id: string, @CurrentActor() actor: Actor, @RequestLanguage() language: Language): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.clock(actor, id, 'resume'), language);
  }

  @Post(':id/supplement-requests')
  @HttpCode(200)
  @Allowed('reviewer')
  @ApiOperation({ summary: 'Ask the applicant to supplement (补正) within the period the text allows; the period then runs anew' })
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiErrors(400, 404, 409, 422, 503)
  async requestSupplement(
    @Param('id') id: string,
    @Body() body: ClockReasonDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.clock(actor, id, 'supplement', body.reason), language);
  }

  @Post(':id/extension-requests')
  @HttpCode(200)
  @Allowed('reviewer')
  @ApiOperation({ summary: 'Ask for a deadline extension before the deadline, with a reason (where the pack allows one)' })
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiErrors(400, 404, 409, 422, 503)
  async requestExtension(
    @Param('id') id: string,
    @Body() body: RequestExtensionDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.requestExtension(actor, id, body), language);
  }
}
