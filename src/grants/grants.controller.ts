import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import { GrantsService, type GrantAction } from './grants.service.js';
import type { ShareGrant } from './share-grant.entity.js';

class GrantReasonDto {
  @ApiProperty({ example: '发现超范围使用共享数据' })
  @IsString() @MinLength(2) @MaxLength(2000)
  reason!: string;
}

class GrantsQueryDto {
  @IsOptional() @IsString() @MaxLength(200)
  caseId?: string;
}

const ACTIONS: GrantAction[] = ['suspend', 'revoke', 'reinstate'];

const presentGrant = (g: ShareGrant) => ({
  id: g.id, caseId: g.caseId, resourceId: g.resourceId, items: g.items, purpose: g.purpose, scenario: g.scenario,
  manner: g.manner, granteeDepartment: g.granteeDepartment, approver: { id: g.approverId, name: g.approverName },
  pack: g.pack, citation: g.citation, grantedAt: g.grantedAt.toISOString(), status: g.status,
});

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Get()
  @ApiOperation({ summary: 'Grant records the caller may see (grantee department, authority, auditors)' })
  async list(@Query() query: GrantsQueryDto, @CurrentActor() actor: Actor) {
    return (await this.grants.list(actor, query.caseId)).map(presentGrant);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @Roles('authority')
  @ApiParam({ name: 'action', enum: ACTIONS })
  @ApiOperation({ summary: 'Suspend, reinstate or revoke a grant, with a reason (Quanzhou 五（十）)' })
  async change(@Param('id') id: string, @Param('action') action: string, @Body() body: GrantReasonDto, @CurrentActor() actor: Actor) {
    if (!ACTIONS.includes(action as GrantAction)) {
      throw new DomainError('not-found', 'ROUTE_NOT_FOUND', { zh: '请求的地址不存在', en: 'No such endpoint' });
    }
    return presentGrant(await this.grants.change(actor, id, action as GrantAction, body.reason));
  }
}
