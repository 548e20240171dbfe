import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import type { PackId } from '../../workflows/contracts/citation.js';
import { CurrentActor } from '../auth/access.decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { GRANT_ACTIONS, GrantDto, GrantReasonDto, GrantsQueryDto } from './dto/grant.dto.js';
import { GrantsService, type GrantAction } from './grants.service.js';
import type { ShareGrant } from './share-grant.entity.js';

const presentGrant = (g: ShareGrant): GrantDto => ({
  id: g.id,
  caseId: g.caseId,
  resourceId: g.resourceId,
  items: g.items,
  purpose: g.purpose,
  scenario: g.scenario,
  manner: g.manner,
  medium: g.medium as GrantDto['medium'],
  users: g.users,
  granteeDepartment: g.granteeDepartment,
  approver: { id: g.approverId, name: g.approverName },
  pack: g.pack as PackId,
  citation: g.citation,
  grantedAt: g.grantedAt.toISOString(),
  status: g.status as GrantDto['status'],
});

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Get()
  @ApiOperation({ summary: 'Grant records the caller may see (grantee department, authority, auditors)' })
  @ApiOkResponse({ type: [GrantDto] })
  @ApiErrors(400)
  async list(@Query() query: GrantsQueryDto, @CurrentActor() actor: Actor): Promise<GrantDto[]> {
    return (await this.grants.list(actor, query.caseId)).map(presentGrant);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @Allowed('authority')
  @ApiParam({ name: 'action', enum: GRANT_ACTIONS })
  @ApiOperation({
    summary: 'Suspend, reinstate or revoke a grant, with a reason (Quanzhou 五（十）)',
    description:
      'Only grants under quanzhou-2021: no other text gives the authority this power (422 GRANT_ACTION_NOT_IN_PACK).',
  })
  @ApiOkResponse({ type: GrantDto })
  @ApiErrors(400, 404, 409, 422)
  async change(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: GrantReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<GrantDto> {
    if (!(GRANT_ACTIONS as readonly string[]).includes(action)) {
      throw new DomainError('not-found', 'ROUTE_NOT_FOUND', { zh: '请求的地址不存在', en: 'No such endpoint' });
    }
    return presentGrant(await this.grants.change(actor, id, action as GrantAction, body.reason));
  }
}
