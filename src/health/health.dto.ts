import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why the dependency is down' }) message?: string;
  @ApiPropertyOptional({ example: '127.0.0.1:7233' }) address?: string;
  @ApiPropertyOptional({ example: 'default' }) namespace?: string;
}

/** Terminus' report: `ok` with 200 when PostgreSQL and Temporal answer, `error` with 503 otherwise. */
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
