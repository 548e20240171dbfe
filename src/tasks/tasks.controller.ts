import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor } from '../auth/access.decorators.js';
import { presentCase } from '../cases/case-presenter.js';
import { CaseStatusDto } from '../cases/dto/case-status.dto.js';
import { CaseAction } from '../cases/case-endpoint.decorators.js';
import { ClockReasonDto, SupplementRequestDto } from '../cases/dto/create-open-data.dto.js';
import type { Language } from '../common/errors/localized-text.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { RequestLanguage } from '../common/http/language.decorator.js';
import { PageQueryDto } from '../common/http/page-query.dto.js';
import {
  CompleteTaskDto,
  CompleteTaskQueryDto,
  DelegateTaskDto,
  ListTasksQueryDto,
  RequestExtensionDto,
  TransferTaskDto,
} from './dto/task.dto.js';
import { TaskDto, TaskPageDto } from './dto/task-response.dto.js';
import { presentTask, presentTaskPage } from './task-presenter.js';
import { TasksService } from './tasks.service.js';

/** Roles with tasks of their own (operators: incidents). */
const ACTING_ROLES = ['reviewer', 'principal', 'disclosure-head', 'authority', 'service-unit', 'admin'] as const;

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
    return presentTaskPage(page, language, await this.tasks.workingDaysLeft(page.items));
  }

  @Get('done')
  @ApiOperation({ summary: '已办: the tasks the caller completed, newest first (keyset-paginated)' })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiErrors(400)
  async done(
    @Query() query: PageQueryDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<TaskPageDto> {
    return presentTaskPage(await this.tasks.done(actor, query), language, new Map());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task of the caller’s role and department' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404)
  async get(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<TaskDto> {
    const task = await this.tasks.visibleTask(actor, id);
    await this.tasks.markRead(actor, task);
    const reportFigures = await this.tasks.reportFigures(task);
    return {
      ...presentTask(task, language, await this.tasks.workingDaysLeft([task])),
      ...(reportFigures ? { reportFigures } : {}),
    };
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Allowed(...ACTING_ROLES)
  @ApiOperation({ summary: 'Claim a task so that colleagues see who works on it' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404, 409)
  async claim(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<TaskDto> {
    const task = await this.tasks.claim(actor, id);
    return presentTask(task, language, await this.tasks.workingDaysLeft([task]));
  }

  @Post(':id/release')
  @HttpCode(200)
  @Allowed(...ACTING_ROLES)
  @ApiOperation({ summary: 'Release a task you claimed' })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404, 409)
  async release(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<TaskDto> {
    const task = await this.tasks.release(actor, id);
    return presentTask(task, language, await this.tasks.workingDaysLeft([task]));
  }

  @CaseAction(
    ':id/complete',
    [...ACTING_ROLES],
    "Decide a task; a step's decision is answered once recorded (`settling: true`), or with `settled=true` once the case waits again. The same decision sent again by whoever made it (a retry) is answered 200 with the case as it is now; any other decision on a decided task is 409 `TASK_CLOSED`",
  )
  async complete(
    @Param('id') id: string,
    @Body() body: CompleteTaskDto,
    @Query() query: CompleteTaskQueryDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.complete(actor, id, body, query.settled === true), language);
  }

  @CaseAction(
    ':id/clock/pause',
    ['reviewer'],
    'Stop the clock while a third party is consulted (where the text says that time is not counted)',
  )
  async pause(
    @Param('id') id: string,
    @Body() body: ClockReasonDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.clock(actor, id, 'pause', body.reason), language);
  }

  @CaseAction(':id/clock/resume', ['reviewer'], 'Restart the clock with the working days left', [404, 409, 422, 503])
  async resume(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.clock(actor, id, 'resume'), language);
  }

  @CaseAction(
    ':id/supplement-requests',
    ['reviewer'],
    'Ask the applicant to supplement (补正) within the period the text allows, giving the applicant a period to answer; the review period then runs anew from the supplement, and without one in time the application is deemed withdrawn',
  )
  async requestSupplement(
    @Param('id') id: string,
    @Body() body: SupplementRequestDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.clock(actor, id, 'supplement', body.reason, body.workingDays), language);
  }

  @CaseAction(
    ':id/extension-requests',
    ['reviewer'],
    'Ask for a deadline extension before the deadline, with a reason (where the pack allows one)',
  )
  async requestExtension(
    @Param('id') id: string,
    @Body() body: RequestExtensionDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.requestExtension(actor, id, body), language);
  }

  @CaseAction(
    ':id/transfer',
    ['reviewer', 'principal', 'disclosure-head', 'authority', 'service-unit'],
    '转办: hand the task to a colleague of the same department and role (or, as principal, any task of the department); the deadline does not move',
  )
  async transfer(
    @Param('id') id: string,
    @Body() body: TransferTaskDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.transfer(actor, id, body), language);
  }

  @CaseAction(
    ':id/delegation',
    ['principal', 'authority'],
    '委派: ask a colleague for an opinion on a task of their own; decide once it is back',
  )
  async delegate(
    @Param('id') id: string,
    @Body() body: DelegateTaskDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.tasks.delegate(actor, id, body), language);
  }
}
