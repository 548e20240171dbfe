import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import type { Language } from '../common/errors/localized-text.js';
import { RequestLanguage } from '../common/http/language.decorator.js';
import { presentCase, presentCaseSummary } from './case-presenter.js';
import { CasesService } from './cases.service.js';
import type { StartedCase } from './case-starter.service.js';
import { CreateCatalogUpdateDto } from './dto/create-catalog-update.dto.js';
import { CreateCorrectionDto } from './dto/create-correction.dto.js';
import { CreateOpenDataApplicationDto, SupplementDto } from './dto/create-open-data.dto.js';
import { CreateInterfaceRequestDto, CreateOpenCatalogObjectionDto } from './dto/create-single-step.dto.js';
import { CreateShareRequestDto, RaiseDisputeDto } from './dto/create-share-request.dto.js';
import { ListCasesQueryDto } from './dto/list-cases.dto.js';

const wantsAsync = (prefer: string | undefined) => /\brespond-async\b/i.test(prefer ?? '');

/** 201 new case, 200 the same Idempotency-Key again, 202 started but not yet at its first step. */
function reply({ created, pending, status }: StartedCase, language: Language, response: Response) {
  response.status(pending ? 202 : created ? 201 : 200);
  return presentCase(status, language);
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post('share-requests')
  @Roles('applicant')
  @ApiOperation({
    summary: 'Request a catalog resource (P1 有条件共享申请)',
    description: '201 with the first step and its deadline; 200 for a repeated Idempotency-Key; 202 (state received) when sent with Prefer: respond-async, or when the worker has not reached the first step within 10 s.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'Prefer', required: false, description: 'respond-async: reply as soon as the case is started' })
  async createShareRequest(
    @Body() body: CreateShareRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    const started = await this.cases.startShareRequest(actor, body, idempotencyKey, wantsAsync(prefer));
    return reply(started, language, response);
  }

  @Post('corrections')
  @Roles('applicant')
  @ApiOperation({ summary: 'Report data as doubtful or wrong (P2 数据纠错 / 疑义校核); replies like share-requests' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'Prefer', required: false })
  async createCorrection(
    @Body() body: CreateCorrectionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    const started = await this.cases.startCorrection(actor, body, idempotencyKey, wantsAsync(prefer));
    return reply(started, language, response);
  }

  @Post('open-data-applications')
  @Roles('applicant')
  @ApiOperation({ summary: 'Apply for open data (P4 开放数据申请): open → access at once; conditional → review; closed → 422' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async createOpenDataApplication(
    @Body() body: CreateOpenDataApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return reply(await this.cases.startOpenDataApplication(actor, body, idempotencyKey, wantsAsync(prefer)), language, response);
  }

  @Post(':id/supplements')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Send the supplement (补正) asked for; the period runs anew from its receipt' })
  async supplement(@Param('id') id: string, @Body() body: SupplementDto, @CurrentActor() actor: Actor, @RequestLanguage() language: Language) {
    return presentCase(await this.cases.submitSupplement(actor, id, body.content), language);
  }

  @Post('open-catalog-objections')
  @Roles('applicant')
  @ApiOperation({ summary: 'Object to an open-catalog entry (P5, Chongqing Art. 32): the provider answers within 10 WD' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async createOpenCatalogObjection(
    @Body() body: CreateOpenCatalogObjectionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return reply(await this.cases.startOpenCatalogObjection(actor, body, idempotencyKey, wantsAsync(prefer)), language, response);
  }

  @Post('interface-requests')
  @Roles('authority')
  @ApiOperation({ summary: 'The agency asks a producer for service interfaces (P6, Quanzhou 二（三）): 10 WD' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async createInterfaceRequest(
    @Body() body: CreateInterfaceRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return reply(await this.cases.startInterfaceRequest(actor, body, idempotencyKey, wantsAsync(prefer)), language, response);
  }

  @Post('catalog-updates')
  @Roles('reviewer', 'principal')
  @ApiOperation({
    summary: 'A providing department asks to update its catalog entries (P3 目录更新) after a law revision or change of functions',
    description: 'Chongqing: due within 10 WD of the trigger (a late one is accepted and recorded as a breach, Art. 14, 50(8)); the authority reviews within 5 WD. Jiangmen-2019: the update is due within 15 WD of the trigger (Art. 11).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async createCatalogUpdate(
    @Body() body: CreateCatalogUpdateDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Res({ passthrough: true }) response: Response,
  ) {
    return reply(await this.cases.startCatalogUpdate(actor, body, idempotencyKey, wantsAsync(prefer)), language, response);
  }

  @Get()
  @ApiOperation({ summary: "The caller's cases, newest first (keyset-paginated)" })
  async list(@Query() query: ListCasesQueryDto, @CurrentActor() actor: Actor) {
    const page = await this.cases.list(actor, query);
    return { items: page.items.map(presentCaseSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status of a case: state, steps, who must act, deadlines with their basis and citation' })
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @RequestLanguage() language: Language) {
    return presentCase(await this.cases.status(actor, id), language);
  }

  @Post(':id/disputes')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Ask the authority to coordinate after a refusal (Huarong Art. 21, Chongqing Art. 27)' })
  async dispute(@Param('id') id: string, @Body() body: RaiseDisputeDto, @CurrentActor() actor: Actor, @RequestLanguage() language: Language) {
    return presentCase(await this.cases.raiseDispute(actor, id, body.reason), language);
  }
}
