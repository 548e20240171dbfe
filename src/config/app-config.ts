import { DEFAULT_TASK_QUEUE } from '../../workflows/contracts/task-queue.js';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Process configuration, read from the environment once at boot and validated. */
export class AppConfig {
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @IsString()
  @Matches(/^\S+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @MinLength(1)
  TEMPORAL_TASK_QUEUE = DEFAULT_TASK_QUEUE;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false }, { message: 'JWT_JWKS_URL must be a URL' })
  JWT_JWKS_URL?: string;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'data-sharing-approvals';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'data-sharing-approvals-api';

  /** The longest a token may live (from `iat` to `exp`); a token without `exp` or `iat` is refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  JWT_MAX_LIFETIME_HOURS = 12;

  /**
   * Working days for steps whose text sets no deadline, by target key (e.g.
   * {"default":10,"share-request.review":5}); the API marks them administrative.
   */
  @Transform(({ value }) => (typeof value === 'string' ? parseTargets(value) : value))
  @IsObject({ message: 'ADMINISTRATIVE_TARGETS must be a JSON object of positive whole numbers of working days' })
  ADMINISTRATIVE_TARGETS: Record<string, number> = { default: 10 };

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

export class ConfigError extends Error {}

function parseTargets(raw: string): Record<string, number> | string {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return raw;
    const valid = Object.values(parsed).every(
      (days) => Number.isInteger(days) && (days as number) > 0 && (days as number) <= 250,
    );
    return valid ? { default: 10, ...(parsed as Record<string, number>) } : raw;
  } catch {
    return raw;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, present, { excludeExtraneousValues: false });
  const problems = validateSync(config).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((m) => `${error.property}: ${m}`),
  );
  if (!config.JWT_SECRET && !config.JWT_JWKS_URL) problems.push('JWT_SECRET or JWT_JWKS_URL must be set');
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
