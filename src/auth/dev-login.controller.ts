import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../common/errors/domain-error.js';
import { ApiErrors } from '../common/http/api-contract.js';
import { IdField } from '../common/http/dto/fields.js';
import { ActorDto } from '../common/http/dto/shared-response.dto.js';
import { AppConfig } from '../config/app-config.js';
import { Public } from './access.decorators.js';
import { DEMO_USERS, findDemoUser } from './demo-users.js';
import { mintToken } from './token-minter.js';

export class DevLoginDto {
  @IdField({ example: 'jm-hrss-li', description: 'A demo user' })
  userId!: string;
}

export class DevTokenDto {
  @ApiProperty() token!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
}

export class DemoUserListDto {
  @ApiProperty({ type: [ActorDto] }) items!: ActorDto[];
}

const off = () =>
  new DomainError('not-found', 'DEV_LOGIN_OFF', {
    zh: '演示登录未开启（仅开发环境，DEV_LOGIN_ENABLED=true）',
    en: 'Demo sign-in is off (development only: DEV_LOGIN_ENABLED=true)',
  });

/**
 * Development only: the console's picker of demo users, and a token for one.
 * Answers 404 unless DEV_LOGIN_ENABLED=true and tokens are signed with JWT_SECRET.
 */
@ApiTags('development')
@Controller('dev')
export class DevLoginController {
  constructor(private readonly config: AppConfig) {}

  private check(): string {
    if (!this.config.DEV_LOGIN_ENABLED || !this.config.JWT_SECRET) throw off();
    return this.config.JWT_SECRET;
  }

  @Get('users')
  @Public()
  @ApiOperation({ summary: 'Development only: the demo users the console offers to sign in as' })
  @ApiOkResponse({ type: DemoUserListDto })
  @ApiErrors(404)
  users(): DemoUserListDto {
    this.check();
    return { items: [...DEMO_USERS] };
  }

  @Post('tokens')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: a token for a demo user' })
  @ApiOkResponse({ type: DevTokenDto })
  @ApiErrors(400, 404)
  async token(@Body() body: DevLoginDto): Promise<DevTokenDto> {
    const secret = this.check();
    const actor = findDemoUser(body.userId);
    if (!actor)
      throw new DomainError('not-found', 'DEMO_USER_NOT_FOUND', { zh: '没有该演示用户', en: 'No such demo user' });
    const token = await mintToken(actor, {
      secret,
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
    });
    return { token, actor };
  }
}
