import { Body, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor } from '../auth/access.decorators.js';
import type { Language } from '../common/errors/localized-text.js';
import { ApiErrors } from '../common/http/api-contract.js';
import { RequestLanguage } from '../common/http/language.decorator.js';
import { presentCase, presentCaseSummary } from './case-presenter.js';
import type { StartedCase, StartOptions } from './case-starter.service.js';
import { CasesService } from './cases.service.js';
import { CasePageDto, CaseStatusDto } from './dto/case-status.dto.js';
import { CreateCatalogUpdateDto } from './dto/create-catalog-update.dto.js';
import { CreateCorrectionDto } from './dto/create-correction.dto.js';
import { CreateOpenDataApplicationDto, SupplementDto } from './dto/create-open-data.dto.js';
import { CreateShareRequestDto, RaiseDisputeDto } from './dto/create-share-request.dto.js';
import {
  CreateDataConflictDto,
  CreateInterfaceRequestDto,
  CreateOpenCatalogObjectionDto,
} from './dto/create-single-step.dto.js';
import { CommentDto, TerminateCaseDto, UrgeDto, WithdrawCaseDto } from './dto/everyday-operations.dto.js';
import { ListCasesQueryDto } from './dto/list-cases.dto.js';
import {
  CATALOG_UPDATE,
  CORRECTION,
  DATA_CONFLICT,
  INTERFACE_REQUEST,
  OPEN_CATALOG_OBJECTION,
  OPEN_DATA_APPLICATION,
  SHARE_REQUEST,
} from './procedures/procedures.js';
import type { ProcedureDefinition } from './procedures/procedure-definition.js';
import { CaseAction, StartRequest, StartsCase } from './case-endpoint.decorators.js';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/http/idempotency-key.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  /** 201 new case, 200 the same Idempotency-Key again, 202 started but not yet at its first step. */
  private async start<D>(
    procedure: ProcedureDefinition<D>,
    body: D,
    options: StartOptions,
    language: Language,
    response: Response,
  ): Promise<CaseStatusDto> {
    const { created, pending, status }: StartedCase = await this.cases.start(procedure, body, options);
    response.status(pending ? 202 : created ? 201 : 200);
    return presentCase(status, language);
  }

  @StartsCase('share-requests', ['applicant'], 'Request a catalog resource (P1 有条件共享申请)')
  createShareRequest(
    @Body() body: CreateShareRequestDto,
    @StartRequest() options: StartOptions,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.start(SHARE_REQUEST, body, options, language, response);
  }

  @StartsCase('corrections', ['applicant'], 'Report data as doubtful or wrong (P2 数据纠错 / 疑义校核)')
  createCorrection(
    @Body() body: CreateCorrectionDto,
    @StartRequest() options: StartOptions,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.start(CORRECTION, body, options, language, response);
  }

  @StartsCase(
    'open-data-applications',
    ['applicant'],
    'Apply for open data (P4 开放数据申请)',
    'open → access at once; conditional → review; closed → 422 naming the objection procedure where the pack has one',
  )
  createOpenDataApplication(
    @Body() body: CreateOpenDataApplicationDto,
    @StartRequest() options: StartOptions,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.start(OPEN_DATA_APPLICATION, body, options, language, response);
  }

  @StartsCase(
    'open-catalog-objections',
    ['applicant'],
    'Object to an open-catalog entry (P5, Chongqing Art. 32): the provider answers within 10 WD',
  )
  createOpenCatalogObjection(
    @Body() body: CreateOpenCatalogObjectionDto,
    @StartRequest() options: StartOptions,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.start(OPEN_CATALOG_OBJECTION, body, options, language, response);
  }

  @StartsCase(
    'data-conflicts',
    ['reviewer', 'principal'],
    'Two departments’ data of the same kind disagree and they could not agree: the authority coordinates (P8, Jiangmen-2019 Art. 15 ¶3)',
    'The text sets no period: the coordination runs on the administrative target `data-conflict.coordination`; the authority records the outcome.',
  )
  createDataConflict(
    @Body() body: CreateDataConflictDto,
    @StartRequest() options: StartOptions,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.start(DATA_CONFLICT, body, options, language, response);
  }

  @StartsCase(
    'interface-requests',
    ['authority'],
    'The agency asks a producer for service interfaces (P6, Quanzhou 二（三）): 10 WD',
  )
  createInterfaceRequest(
    @Body() body: CreateInterfaceRequestDto,
    @StartRequest() options: StartOptions,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.start(INTERFACE_REQUEST, body, options, language, response);
  }

  @StartsCase(
    'catalog-updates',
    ['reviewer', 'principal'],
    'A providing department asks to update its catalog entries (P3 目录更新) after a law revision or change of functions',
    'Chongqing: due within 10 WD of the trigger (a late one is accepted and recorded as a breach, Art. 14, 50(8)); ' +
      'the authority reviews within 5 WD. Jiangmen-2019: the update is due within 15 WD of the trigger (Art. 11).',
  )
  createCatalogUpdate(
    @Body() body: CreateCatalogUpdateDto,
    @StartRequest() options: StartOptions,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.start(CATALOG_UPDATE, body, options, language, response);
  }

  @Get()
  @ApiOperation({ summary: "The caller's cases, newest first (keyset-paginated)" })
  @ApiOkResponse({ type: CasePageDto })
  @ApiErrors(400)
  async list(@Query() query: ListCasesQueryDto, @CurrentActor() actor: Actor): Promise<CasePageDto> {
    const page = await this.cases.list(actor, query);
    return { items: page.items.map(presentCaseSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status of a case: state, steps, who must act, deadlines with their basis and citation' })
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiErrors(404, 503)
  async get(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.cases.status(actor, id), language);
  }

  @CaseAction(
    ':id/supplements',
    ['applicant'],
    'Send the supplement (补正) asked for; the period runs anew from its receipt',
  )
  async supplement(
    @Param('id') id: string,
    @Body() body: SupplementDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.cases.submitSupplement(actor, id, body.content), language);
  }

  @CaseAction(
    ':id/disputes',
    ['applicant'],
    'Ask the authority to coordinate after a refusal (Huarong Art. 21, Chongqing Art. 27)',
  )
  async dispute(
    @Param('id') id: string,
    @Body() body: RaiseDisputeDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.cases.raiseDispute(actor, id, body.reason), language);
  }

  @CaseAction(':id/withdrawal', ['applicant'], '撤销: withdraw the case before its decision; open tasks are cancelled')
  async withdraw(
    @Param('id') id: string,
    @Body() body: WithdrawCaseDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.cases.withdraw(actor, id, body.reason), language);
  }

  @CaseAction(
    ':id/termination',
    ['authority'],
    '终止: the data authority closes a case opened in error (a duplicate, a wrong jurisdiction), with reason and basis',
  )
  async terminate(
    @Param('id') id: string,
    @Body() body: TerminateCaseDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.cases.terminate(actor, id, body.reason, body.basis), language);
  }

  @CaseAction(
    ':id/comments',
    ['applicant', 'reviewer', 'principal', 'disclosure-head', 'authority', 'service-unit'],
    '沟通: comment on an open case (applicant, its departments, the authority); comments never move a deadline',
  )
  @ApiIdempotencyKey(
    'Repeating a comment with the same key answers as the first time and adds no second comment; the same key with another text is 409',
  )
  async comment(
    @Param('id') id: string,
    @Body() body: CommentDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.cases.comment(actor, id, body.text, idempotencyKey), language);
  }

  @CaseAction(
    ':id/urges',
    ['applicant', 'supervisor'],
    '催办: urge an open step task (the applicant at most once per working day); the task shows it',
  )
  async urge(
    @Param('id') id: string,
    @Body() body: UrgeDto,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseStatusDto> {
    return presentCase(await this.cases.urge(actor, id, body.taskId, body.note), language);
  }
}
