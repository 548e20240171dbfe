import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why the dependency is down' }) message?: string;
  @ApiPropertyOptional({ example: '127.0.0.1:7233' }) address?: string;
  @ApiPropertyOptional({ example: 'default' }) namespace?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'archive: closed cases not archived yet' })
  pendingCases?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'archive: seconds the oldest of them has waited' })
  lagSeconds?: number;
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    format: 'date-time',
    description: "archive: the archiver's last run",
  })
  lastRunAt?: string | null;
  @ApiPropertyOptional({ type: 'integer', description: "archive: the engine's retention of closed cases" })
  retentionDays?: number;
}

/**
 * Terminus' report: `ok` with 200 when PostgreSQL and Temporal answer and the
 * archive keeps up (its lag under half the engine's retention), `error` with 503 otherwise.
 */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down', 'degraded'] }) status!:
    'ok' | 'error' | 'shutting_down' | 'degraded';
  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' } })
  info?: Partial<Record<string, HealthIndicatorDto>>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' } })
  error?: Partial<Record<string, HealthIndicatorDto>>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' } })
  details!: Partial<Record<string, HealthIndicatorDto>>;
}
