import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBase64, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DomainError } from '../common/errors/domain-error.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { CaseEngine } from './case-engine.js';
import { UnknownPayloadKeyError } from './payload-codec.js';

/** A payload as the Temporal UI and CLI send it to a codec server: metadata values and data in base64. */
export class CodecPayloadDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', format: 'byte' } })
  @IsObject()
  metadata!: Record<string, string>;

  @ApiProperty({ type: 'string', format: 'byte', maxLength: 4_000_000 })
  @IsString()
  @IsBase64()
  @MaxLength(4_000_000)
  data!: string;
}

export class CodecPayloadsDto {
  // Optional: the CLI sends `{}` (protobuf JSON leaves an empty list out) for an event without payloads.
  @ApiPropertyOptional({ type: [CodecPayloadDto], maxItems: 1000 })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CodecPayloadDto)
  @ArrayMaxSize(1000)
  payloads?: CodecPayloadDto[];
}

const fromBase64 = (value: string) => Buffer.from(value, 'base64');
const toBase64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('base64');

/**
 * The codec server of the Temporal Web UI and CLI (`--codec-endpoint`): it
 * decrypts the engine's payloads for auditors and supervisors only; everyone
 * else reading the engine sees ciphertext.
 */
@ApiTags('engine')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  constructor(private readonly engine: CaseEngine) {}

  @Post('decode')
  @HttpCode(200)
  @Allowed('auditor', 'supervisor')
  @ApiOperation({ summary: 'Decrypt payloads of the engine (the Temporal codec server protocol)' })
  @ApiOkResponse({ type: CodecPayloadsDto })
  @ApiErrors(400, 422)
  async decode(@Body() body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    const payloads = (body.payloads ?? []).map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, fromBase64(String(v))])),
      data: fromBase64(p.data),
    }));
    let decoded;
    try {
      decoded = await this.engine.decodePayloads(payloads);
    } catch (error) {
      const unknownKey = error instanceof UnknownPayloadKeyError;
      throw new DomainError(
        unknownKey ? 'not-allowed-by-law' : 'invalid',
        unknownKey ? 'PAYLOAD_KEY_UNKNOWN' : 'PAYLOAD_UNREADABLE',
        {
          zh: unknownKey ? '本系统没有加密该数据所用的密钥' : '数据无法解密（可能已被改动）',
          en: unknownKey
            ? 'This system does not hold the key these payloads were encrypted with'
            : 'The payloads cannot be decrypted (altered?)',
        },
      );
    }
    return {
      payloads: decoded.map((p) => ({
        metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, toBase64(v)])),
        data: toBase64(p.data),
      })),
    };
  }
}
